import { randomUUID } from 'node:crypto';
import { constants } from 'node:fs';
import { access, mkdir, open, opendir, rename, stat, unlink, utimes } from 'node:fs/promises';
import { join } from 'node:path';
import { consume, missingBlob, SHA256_HEX } from './blob-content.js';
import { fsyncPath, PRIVATE_FILE_MODE } from './durable-fs.js';
import type { BlobListing, BlobRef, BlobStore } from '../ports/blob-store.js';

/** What a put in progress writes to (`.incoming-`), and what `remove` holds for a moment (`.sweeping-`). */
const LEFTOVER = /^\.(incoming|sweeping)-[0-9a-f-]{36}$/;

const isMissing = (error: unknown): boolean => (error as NodeJS.ErrnoException).code === 'ENOENT';

/**
 * Attachment bytes as files named by their sha256 (`<dir>/<sha256>`). Content is streamed into a temp file
 * in the same directory while it is hashed, synced, then renamed to its name, so a blob file is always
 * complete; a failed or oversized upload leaves nothing behind. Local disk: one instance's, so a cluster of
 * several instances needs the Azure adapter (or one shared volume).
 */
export function createFileBlobStore(dir: string): BlobStore {
  const pathOf = (name: string): string => join(dir, name);
  return {
    kind: 'file',
    async put(content, options) {
      await mkdir(dir, { recursive: true, mode: 0o700 });
      const tempPath = pathOf(`.incoming-${randomUUID()}`);
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
      if (await touch(pathOf(ref.sha256))) {
        // Same hash, same bytes: the blob is already there, and now counts as written by this put.
        await unlink(tempPath);
      } else {
        await rename(tempPath, pathOf(ref.sha256));
        await fsyncPath(dir, 'directory');
      }
      return ref;
    },
    async open(sha256) {
      if (!SHA256_HEX.test(sha256)) throw missingBlob(sha256);
      try {
        const file = await open(pathOf(sha256), 'r');
        return file.createReadStream();
      } catch (error) {
        if (isMissing(error)) throw missingBlob(sha256);
        throw error;
      }
    },
    async exists(sha256) {
      return (
        SHA256_HEX.test(sha256) &&
        (await access(pathOf(sha256)).then(
          () => true,
          () => false,
        ))
      );
    },
    async *list() {
      let entries;
      try {
        entries = await opendir(dir);
      } catch (error) {
        if (isMissing(error)) return;
        throw error;
      }
      for await (const entry of entries) {
        const blob = SHA256_HEX.test(entry.name);
        if (!entry.isFile() || (!blob && !LEFTOVER.test(entry.name))) continue;
        const found = await stat(pathOf(entry.name)).catch((error: unknown) =>
          isMissing(error) ? undefined : Promise.reject(error),
        );
        if (found)
          yield {
            name: entry.name,
            ...(blob ? { sha256: entry.name } : {}),
            size: found.size,
            writtenAt: found.mtime,
            version: versionOf(found),
          };
      }
    },
    async remove(listing) {
      if (!SHA256_HEX.test(listing.name) && !LEFTOVER.test(listing.name)) return false;
      return removeUnchanged(pathOf(listing.name), pathOf(`.sweeping-${randomUUID()}`), listing);
    },
    async health() {
      try {
        await mkdir(dir, { recursive: true, mode: 0o700 });
        await access(dir, constants.R_OK | constants.W_OK);
        return { ok: true, detail: "files on this instance's disk: readable and writable" };
      } catch (error) {
        return {
          ok: false,
          detail: `files on this instance's disk: ${(error as NodeJS.ErrnoException).code ?? 'not usable'}`,
        };
      }
    },
  };
}

const versionOf = (found: { ino: number; mtimeMs: number }): string => `${found.ino}:${found.mtimeMs}`;

/** Marks an existing blob as written now (the sweep's grace period starts again); false when there is none. */
async function touch(path: string): Promise<boolean> {
  try {
    const now = new Date();
    await utimes(path, now, now);
    return true;
  } catch (error) {
    if (isMissing(error)) return false;
    throw error;
  }
}

/**
 * Moves the file aside in one atomic rename, then looks at what it moved: the listed version is deleted; a version
 * a put wrote (or touched) since the listing goes back. A put that lands meanwhile finds no file and writes its own.
 */
async function removeUnchanged(path: string, aside: string, listing: BlobListing): Promise<boolean> {
  try {
    await rename(path, aside);
  } catch (error) {
    if (isMissing(error)) return false;
    throw error;
  }
  if (versionOf(await stat(aside)) === listing.version) {
    await unlink(aside);
    return true;
  }
  await rename(aside, path);
  return false;
}
