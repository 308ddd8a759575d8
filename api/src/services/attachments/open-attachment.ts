import type { Readable } from 'node:stream';
import { notFound } from '../../domain/app-error.js';
import type { Attachment } from '../../domain/attachment.js';
import type { ServiceDeps } from '../deps.js';

export async function openAttachment(
  deps: ServiceDeps,
  requestId: number,
  attachmentId: string,
): Promise<{ attachment: Attachment; content: Readable }> {
  const attachment = await deps.store.read((tx) => tx.collection('attachments').get(attachmentId));
  if (!attachment || attachment.requestId !== requestId) throw notFound('Attachment', attachmentId);
  return { attachment, content: await deps.blobs.open(attachment.sha256) };
}
