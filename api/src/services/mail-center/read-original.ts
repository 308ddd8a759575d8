import type { Readable } from 'node:stream';
import type { Message } from '@microsoft/microsoft-graph-types';
import { simpleParser } from 'mailparser';
import { capMessageText } from '../../domain/cap-message-text.js';
import type { MailCenterItem } from '../../domain/mail-center-item.js';
import type { MailMessage } from '../../domain/mail-message.js';
import type { ServiceDeps } from '../deps.js';
import {
  graphAttachmentSources,
  mimeAttachmentSources,
  type AttachmentSource,
} from '../inbound/attachment-sources.js';
import { fromGraphMessage } from '../../reply/normalise/from-graph-message.js';
import { fromMime } from '../../reply/normalise/from-mime.js';
import type { Mailbox } from '../../ports/mailbox.js';

// A Mail Center item's message again, from its stored original: MIME carries the attachments; a Graph JSON original
// takes them from the mailbox, where the message still is unless someone removed it.

export type Original = { message: MailMessage; sources: AttachmentSource[]; graph?: Record<string, unknown> };

export async function readOriginal(
  deps: Pick<ServiceDeps, 'blobs'>,
  item: MailCenterItem,
  mailbox: () => Mailbox | undefined,
): Promise<Original> {
  const bytes = await readAll(await deps.blobs.open(item.originalRef));
  if (item.originalContentType === 'message/rfc822') {
    const [message, parsed] = await Promise.all([
      fromMime(bytes),
      simpleParser(bytes, { skipHtmlToText: true, skipTextToHtml: true, skipImageLinks: true }),
    ]);
    // A MIME original has no Graph id and Graph's receive time; keep what the item recorded.
    return {
      message: capMessageText({
        ...message,
        receivedAt: item.receivedAt,
        ...(item.graphMessageId ? { id: item.graphMessageId } : {}),
      }),
      sources: mimeAttachmentSources(parsed.attachments),
    };
  }
  const graph = JSON.parse(bytes.toString('utf8')) as Record<string, unknown>;
  const message = capMessageText(fromGraphMessage(graph as Message));
  const box = mailbox();
  const sources =
    box && item.graphMessageId ? graphAttachmentSources(box, item.graphMessageId, message.attachments) : [];
  return { message, sources, graph };
}

async function readAll(stream: Readable): Promise<Buffer> {
  const chunks: Buffer[] = [];
  for await (const chunk of stream)
    chunks.push(Buffer.isBuffer(chunk) ? chunk : Buffer.from(chunk as Uint8Array));
  return Buffer.concat(chunks);
}
