import type { Readable } from 'node:stream';
import { blockedExtension, cleanFileName } from '../../domain/attachment.js';
import type { MailAttachment } from '../../domain/mail-message.js';
import type { StoredFile } from '../../ports/prepare-reply.js';
import type { ServiceDeps } from '../deps.js';
import type { AttachmentSource } from './attachment-sources.js';

// Attachment bytes into the blob store, before the transaction that files the note (a committed record never points at
// missing bytes). What is not imported is said in the note: blocked types (when the policy strips them), cloud links,
// inline images only the quoted history showed.

export type AttachmentPolicy = {
  blockList: readonly string[];
  blockedAction: 'mail-center' | 'strip';
  maxFileBytes: number;
};

export type ImportedAttachments = {
  files: StoredFile[];
  /** Content id of a kept inline image -> the attachment id it is stored under. */
  byContentId: Map<string, string>;
  /** Plain-language lines for the note about what was left out. */
  notes: string[];
};

const PARALLEL = 3;

/** Names (as they would be stored) of the files the block list refuses. The name is cleaned first: "invoice.exe?" is invoice.exe. */
export function blockedAttachments(
  attachments: readonly MailAttachment[],
  blockList: readonly string[],
): string[] {
  return attachments
    .filter((a) => a.kind !== 'reference')
    .map((a, index) => storedFileName(a.name || `attachment-${index + 1}`, a))
    .filter((name) => blockedExtension(name, blockList) !== undefined);
}

export async function importAttachments(
  deps: Pick<ServiceDeps, 'blobs' | 'newId'>,
  sources: readonly AttachmentSource[],
  keptContentIds: ReadonlySet<string>,
  policy: AttachmentPolicy,
): Promise<ImportedAttachments> {
  const files: Array<StoredFile | undefined> = new Array(sources.length);
  const byContentId = new Map<string, string>();
  const notes: string[] = [];
  let next = 0;
  const worker = async (): Promise<void> => {
    for (let index = next++; index < sources.length; index = next++) {
      const source = sources[index];
      if (!source) continue;
      const { meta } = source;
      const name = storedFileName(meta.name || `attachment-${index + 1}`, meta);
      if (meta.kind === 'reference') {
        notes.push(`"${name}" is a link to a cloud file; open the original email to follow it.`);
        continue;
      }
      if (blockedExtension(name, policy.blockList)) {
        notes.push(`"${name}" was removed: this file type is blocked (Administration > Service messaging).`);
        continue;
      }
      if (meta.size > policy.maxFileBytes) {
        notes.push(
          `"${name}" (${megabytes(meta.size)}) is larger than ${megabytes(policy.maxFileBytes)} and was not copied; it is in the original email.`,
        );
        continue;
      }
      // Inline images are kept only when the reply itself shows them; the content id is known once loaded.
      if (meta.isInline && meta.contentId !== undefined && !keptContentIds.has(meta.contentId)) continue;
      if (meta.isInline && keptContentIds.size === 0) continue;
      const loaded = await source.load();
      const contentId = loaded.contentId ?? meta.contentId;
      if (meta.isInline && (!contentId || !keptContentIds.has(contentId))) {
        if (!Buffer.isBuffer(loaded.body)) (loaded.body as Readable).destroy();
        continue;
      }
      const blob = await deps.blobs.put(loaded.body, { maxBytes: policy.maxFileBytes });
      const id = deps.newId();
      files[index] = {
        id,
        fileName: name,
        contentType: loaded.contentType || meta.contentType,
        sha256: blob.sha256,
        size: blob.size,
      };
      if (meta.isInline && contentId) byContentId.set(contentId, id);
    }
  };
  await Promise.all(Array.from({ length: Math.min(PARALLEL, sources.length) }, worker));
  return { files: files.filter((f): f is StoredFile => f !== undefined), byContentId, notes };
}

/**
 * The name a file is stored, listed, checked against the block list and served under: one cleaning for all of them,
 * so what is checked is what is kept. An attached email is stored as .eml, which every mail client opens.
 */
export function storedFileName(name: string, meta: Pick<MailAttachment, 'kind'>): string {
  const cleaned = cleanFileName(name.replace(/[\\/]/g, '_')) || 'attachment';
  return meta.kind === 'item' && !/\.(eml|msg)$/i.test(cleaned) ? `${cleaned}.eml` : cleaned;
}

function megabytes(bytes: number): string {
  return `${(bytes / (1024 * 1024)).toFixed(1)} MB`;
}
