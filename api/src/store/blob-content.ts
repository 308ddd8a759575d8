import { createHash } from 'node:crypto';
import { AppError } from '../domain/app-error.js';
import type { BlobRef, BlobStore } from '../ports/blob-store.js';

// What every blob adapter shares: reading the content while hashing it, and what a blob name may be.

export type BlobContent = Parameters<BlobStore['put']>[0];

export const SHA256_HEX = /^[0-9a-f]{64}$/;

/**
 * Feeds the content to `write` chunk by chunk while hashing it, and stops as soon as it passes maxBytes,
 * before the excess is written anywhere. A Readable source is destroyed when we stop early (as
 * stream.pipeline does).
 */
export async function consume(
  content: BlobContent,
  maxBytes: number | undefined,
  write: (chunk: Uint8Array) => Promise<void> | void,
): Promise<BlobRef> {
  const hash = createHash('sha256');
  let size = 0;
  for await (const chunk of Buffer.isBuffer(content) ? [content] : content) {
    if (!(chunk instanceof Uint8Array))
      throw new TypeError('Blob content must be bytes, not strings or objects.');
    size += chunk.byteLength;
    if (maxBytes !== undefined && size > maxBytes) {
      throw new AppError('payload_too_large', `The content is larger than the limit of ${maxBytes} bytes.`, {
        maxBytes,
      });
    }
    hash.update(chunk);
    await write(chunk);
  }
  return { sha256: hash.digest('hex'), size };
}

export const missingBlob = (sha256: string): AppError =>
  new AppError('not_found', `No stored content has the hash ${sha256}.`);
