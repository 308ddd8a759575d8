import { randomBytes } from 'node:crypto';
import MailComposer from 'nodemailer/lib/mail-composer';
import { encodeEcId, type EcIdKeyring } from '../../api/src/domain/ec-id.js';
import {
  DEFAULT_REPLY_MARKER,
  formatOwnMessageId,
  renderReplyMarker,
} from '../../api/src/domain/reply-marker.js';
import { formatSrNumber } from '../../api/src/domain/service-request.js';
import { SERVICE_MAILBOX } from '../../emulator/src/index.js';

/** An Outlook-style reply from the SR's requester (customerN@fabrikam.test) to the desk email (from `desk`) that carried the token. */
export function replyMime(
  requestId: number,
  keyring: EcIdKeyring,
  text: string,
  desk = SERVICE_MAILBOX,
): Promise<Buffer> {
  const token = encodeEcId({ requestId, outboundId: 1 }, keyring);
  const ownId = formatOwnMessageId(token, 'contoso.test');
  return new MailComposer({
    from: { name: `Customer ${requestId}`, address: `customer${requestId}@fabrikam.test` },
    to: desk,
    subject: `RE: Your request [${formatSrNumber(requestId)}]`,
    messageId: `<${randomBytes(10).toString('hex').toUpperCase()}@AM0PR02MB1234.eurprd02.prod.outlook.com>`,
    inReplyTo: ownId,
    references: ownId,
    html:
      `<html><body><div><p>${text}</p></div><hr><div id="divRplyFwdMsg"><b>From:</b> Contoso Support &lt;${desk}&gt;</div>` +
      `<div><div>${renderReplyMarker(DEFAULT_REPLY_MARKER, token)}</div><div>Hello, could you try again?</div></div></body></html>`,
    text,
  })
    .compile()
    .build();
}
