import { createHash, randomUUID } from 'node:crypto';
import { access, mkdir, open, rename, unlink } from 'node:fs/promises';
import { join } from 'node:path';
import { Readable } from 'node:stream';
import { AppError } from '../domain/app-error.js';
import { fsyncPath, PRIVATE_FILE_MODE } from './durable-fs.js';
import type { BlobRef, BlobStore } from './ports/blob-store.js';

type Content = Parameters<BlobStore['put']>[0];

const SHA256_HEX = /^[0-9a-f]{64}$/;

/**
 * Attachment bytes as files named by their sha256 (`<dir>/<sha256>`). Content is streamed into a temp file
 * in the same directory while it is hashed, synced, then renamed to its name, so a blob file is always
 * complete; a failed or oversized upload leaves nothing behind.
 */
export function createFileBlobStore(dir: string): BlobStore {
  const pathOf = (sha256: string): string => join(dir, sha256);
  return {
    async put(content, options) {
      await mkdir(dir, { recursive: true, mode: 0o700 });
      const tempPath = join(dir, `.incoming-${randomUUID()}`);
      const file = await open(tempPath, 'wx', PRIVATE_FILE_MODE);
      let ref: BlobRef;
      try {
        ref = await consume(content, options?.maxBytes, async (chunk) => {
          await file.write(chunk);
        });
        await file.sync();
      } catch (error) {
        await file.close();
        await unlink(tempPath);
        throw error;
      }
      await file.close();
      if (await exists(pathOf(ref.sha256))) {
        // Same hash, same bytes: the blob is already there.
        await unlink(tempPath);
      } else {
        await rename(tempPath, pathOf(ref.sha256));
        await fsyncPath(dir, 'directory');
      }
      return ref;
    },
    async open(sha256) {
      if (!SHA256_HEX.test(sha256)) throw missing(sha256);
      try {
        const file = await open(pathOf(sha256), 'r');
        return file.createReadStream();
      } catch (error) {
        if ((error as NodeJS.ErrnoException).code === 'ENOENT') throw missing(sha256);
        throw error;
      }
    },
    async exists(sha256) {
      return SHA256_HEX.test(sha256) && exists(pathOf(sha256));
    },
  };
}

/** The same contract in memory, for tests. */
export function createMemoryBlobStore(): BlobStore {
  const blobs = new Map<string, Buffer>();
  return {
    async put(content, options) {
      const chunks: Buffer[] = [];
      const ref = await consume(content, options?.maxBytes, (chunk) => {
        chunks.push(Buffer.from(chunk));
      });
      blobs.set(ref.sha256, Buffer.concat(chunks));
      return ref;
    },
    async open(sha256) {
      const bytes = blobs.get(sha256);
      if (!bytes) throw missing(sha256);
      return Readable.from([Buffer.from(bytes)]);
    },
    async exists(sha256) {
      return blobs.has(sha256);
    },
  };
}

/**
 * Feeds the content to `write` chunk by chunk while hashing it, and stops as soon as it passes maxBytes,
 * before the excess is written anywhere. A Readable source is destroyed when we stop early (as
 * stream.pipeline does).
 */
async function consume(content: Content, maxBytes: number | undefined, write: (chunk: Uint8Array) => Promise<void> | void): Promise<BlobRef> {
  const hash = createHash('sha256');
  let size = 0;
  for await (const chunk of Buffer.isBuffer(content) ? [content] : content) {
    if (!(chunk instanceof Uint8Array)) throw new TypeError('Blob content must be bytes, not strings or objects.');
    size += chunk.byteLength;
    if (maxBytes !== undefined && size > maxBytes) {
      throw new AppError('payload_too_large', `The content is larger than the limit of ${maxBytes} bytes.`, { maxBytes });
    }
    hash.update(chunk);
    await write(chunk);
  }
  return { sha256: hash.digest('hex'), size };
}

async function exists(path: string): Promise<boolean> {
  try {
    await access(path);
    return true;
  } catch {
    return false;
  }
}

const missing = (sha256: string): AppError => new AppError('not_found', `No stored content has the hash ${sha256}.`);
