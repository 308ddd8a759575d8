import type { Message } from '@microsoft/microsoft-graph-types';
import { simpleParser } from 'mailparser';
import { capMessageText } from '../../domain/cap-message-text.js';
import type { MailMessage } from '../../domain/mail-message.js';
import type { ServiceDeps } from '../deps.js';
import {
  graphAttachmentSources,
  mimeAttachmentSources,
  type AttachmentSource,
} from './attachment-sources.js';
import { storeJson, storeOriginal } from './hold-message.js';
import { fromGraphMessage } from '../../reply/normalise/from-graph-message.js';
import { fromMime } from '../../reply/normalise/from-mime.js';
import type { ListedMessage, Mailbox } from '../../ports/mailbox.js';

// A listed message made ready for the pipeline, whatever the transport listed: Graph JSON (attachments streamed from
// Graph on demand), or IMAP's raw MIME (normalise-from-MIME, attachments from the MIME itself). A MIME message larger
// than the limit is read as its header block only, so it can still be matched and held for a person as too large.

export type Stored = { ref: string; contentType: 'message/rfc822' | 'application/json' };

export type ListedContent = {
  message: MailMessage;
  sources: AttachmentSource[];
  /** Set when only the headers were read: the whole message is over the limit. */
  tooLarge?: { bytes: number };
  /** The original a note links to (View original). */
  noteOriginal(): Promise<Stored>;
  /** The original a Mail Center item keeps (MIME when there is one). */
  heldOriginal(maxBytes: number): Promise<Stored>;
  /** The original kept with a processing failure. */
  failureOriginal(): Promise<Stored>;
};

export async function readListed(
  deps: Pick<ServiceDeps, 'blobs'>,
  mailbox: Mailbox,
  listed: ListedMessage,
  maxMessageBytes: number,
): Promise<ListedContent> {
  if (listed.format === 'graph') {
    const message = capMessageText(fromGraphMessage(listed.graph as Message));
    const json = async (): Promise<Stored> => ({
      ref: (await storeJson(deps, listed.graph)).sha256,
      contentType: 'application/json',
    });
    return {
      message,
      sources: graphAttachmentSources(mailbox, listed.id, message.attachments),
      noteOriginal: json,
      heldOriginal: (maxBytes) => storeOriginal(deps, mailbox, listed, { mime: true, maxBytes }),
      failureOriginal: json,
    };
  }
  const tooLarge = listed.size > maxMessageBytes;
  const raw = tooLarge ? await listed.headers() : await listed.source();
  const [message, parsed] = await Promise.all([
    fromMime(raw),
    tooLarge
      ? undefined
      : simpleParser(raw, { skipHtmlToText: true, skipTextToHtml: true, skipImageLinks: true }),
  ]);
  // The server's arrival time, as Graph's receivedDateTime: the Date header is the sender's clock.
  const normalised: MailMessage = capMessageText({
    ...message,
    id: listed.id,
    receivedAt: listed.receivedAt,
  });
  const mime = async (): Promise<Stored> => ({
    ref: (await deps.blobs.put(raw)).sha256,
    contentType: 'message/rfc822',
  });
  return {
    message: normalised,
    sources: parsed ? mimeAttachmentSources(parsed.attachments) : [],
    ...(tooLarge ? { tooLarge: { bytes: listed.size } } : {}),
    noteOriginal: mime,
    heldOriginal: mime,
    failureOriginal: mime,
  };
}
