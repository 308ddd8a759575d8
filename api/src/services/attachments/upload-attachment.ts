import type { Readable } from 'node:stream';
import { AppError } from '../../domain/app-error.js';
import {
  ATTACHMENT_FOLDERS,
  blockedExtension,
  safeFileName,
  type Attachment,
} from '../../domain/attachment.js';
import type { Principal } from '../../domain/principal.js';
import type { ServiceDeps } from '../deps.js';
import { loadRequest } from '../requests/load-request.js';
import { loadSettings } from '../settings/load-settings.js';
import { recordHistory } from '../requests/record-history.js';

export const MAX_ATTACHMENT_BYTES = 150 * 1024 * 1024;

/** `open` is called only once the upload is known to be acceptable, so a refused upload opens nothing. */
export type UploadAttachmentInput = {
  fileName: string;
  contentType: string;
  folder: string;
  open: () => Buffer | Readable;
};

export async function uploadAttachment(
  deps: ServiceDeps,
  uploader: Principal,
  requestId: number,
  input: UploadAttachmentInput,
): Promise<Attachment> {
  const fileName = safeFileName(input.fileName);
  const folder = ATTACHMENT_FOLDERS.find((f) => f.toLowerCase() === input.folder.toLowerCase());
  if (!folder)
    throw new AppError('validation_failed', `Attachment folders are ${ATTACHMENT_FOLDERS.join(' and ')}.`);
  const settings = await deps.store.read(async (tx) => {
    await loadRequest(tx, requestId);
    return loadSettings(tx);
  });
  // The same list and the same cleaned name as mail: an agent's upload must not be a way round it.
  const blocked = blockedExtension(fileName, settings.attachmentBlockList);
  if (blocked)
    throw new AppError(
      'validation_failed',
      `${blocked} files are blocked on this desk (Administration > Service messaging); "${fileName}" was not added.`,
    );
  // Bytes first: a committed record must never point at missing bytes.
  const blob = await deps.blobs.put(input.open(), { maxBytes: MAX_ATTACHMENT_BYTES });
  return deps.store.transact(async (tx) => {
    await loadRequest(tx, requestId);
    const attachment = await tx.collection('attachments').insert({
      id: deps.newId(),
      requestId,
      folder,
      fileName,
      contentType: input.contentType || 'application/octet-stream',
      size: blob.size,
      sha256: blob.sha256,
      uploadedBy: uploader.name,
      createdAt: deps.clock().toISOString(),
    });
    await recordHistory(deps, tx, {
      requestId,
      kind: 'attachment-added',
      summary: `${fileName} added to ${folder} by ${uploader.name}`,
      actor: uploader,
      details: { attachmentId: attachment.id, folder },
    });
    return attachment;
  });
}
