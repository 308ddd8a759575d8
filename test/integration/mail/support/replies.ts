import { randomBytes } from 'node:crypto';
import MailComposer from 'nodemailer/lib/mail-composer';
import { encodeEcId, type EcIdKeyring } from '../../../../api/src/domain/ec-id.js';
import {
  DEFAULT_REPLY_MARKER,
  formatOwnMessageId,
  renderReplyMarker,
} from '../../../../api/src/domain/reply-marker.js';
import { formatSrNumber } from '../../../../api/src/domain/service-request.js';
import { SERVICE_MAILBOX } from '../../../../emulator/src/index.js';

// Customer replies as Outlook writes them: the new text on top, then the quoted desk email with our reply line and
// its EC_ID token, In-Reply-To our Message-ID. Built as MIME and delivered through the emulator's control API.

export type ReplyOptions = {
  requestId: number;
  keyring: EcIdKeyring;
  from?: { name: string; address: string };
  text?: string;
  outboundId?: number;
  /** Our Message-ID the reply answers (default: the one carrying the same token). */
  inReplyTo?: string;
  /** Leave out the marker line and headers: an email with no reference at all. */
  noMarker?: boolean;
  token?: string;
  subject?: string;
  headers?: Record<string, string>;
  attachments?: Array<{
    filename: string;
    content: Buffer | string;
    contentType?: string;
    cid?: string;
    contentDisposition?: 'attachment' | 'inline';
  }>;
  html?: string;
};

export async function customerReply(options: ReplyOptions): Promise<Buffer> {
  const token =
    options.token ??
    encodeEcId({ requestId: options.requestId, outboundId: options.outboundId ?? 1 }, options.keyring);
  const from = options.from ?? { name: 'Diego Siciliani', address: 'diego@fabrikam.test' };
  const text = options.text ?? 'Thanks, that fixed it.';
  const marker = renderReplyMarker(DEFAULT_REPLY_MARKER, token);
  const quoted = options.noMarker
    ? '<div>Earlier mail without any reference.</div>'
    : `<div>${marker}</div><div>Hello Diego, please try again.</div>`;
  const html =
    options.html ??
    `<html><body><div>${text
      .split('\n')
      .map((l) => `<p>${l}</p>`)
      .join('')}</div>` +
      `<hr><div id="divRplyFwdMsg"><b>From:</b> Contoso Support &lt;${SERVICE_MAILBOX}&gt;<br><b>Subject:</b> Your request</div>` +
      `<div>${quoted}</div></body></html>`;
  const ownId = options.inReplyTo ?? formatOwnMessageId(token, 'contoso.test');
  const composer = new MailComposer({
    from,
    to: SERVICE_MAILBOX,
    subject: options.subject ?? `RE: Your request [${formatSrNumber(options.requestId)}]`,
    messageId: `<${randomBytes(10).toString('hex').toUpperCase()}@AM0PR02MB1234.eurprd02.prod.outlook.com>`,
    ...(options.noMarker ? {} : { inReplyTo: ownId, references: ownId }),
    html,
    text,
    headers: options.headers ?? {},
    attachments: options.attachments ?? [],
  });
  return composer.compile().build();
}
