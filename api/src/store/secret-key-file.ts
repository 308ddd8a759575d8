import { randomBytes } from 'node:crypto';
import { readFile } from 'node:fs/promises';
import { join } from 'node:path';
import { ensurePrivateDir, writeFileDurably } from './durable-fs.js';

const FILE_NAME = 'secret.key';

/**
 * The key that seals secrets at rest when SECRET_KEY is not configured: generated once, readable by
 * this user only (0600). Losing it makes stored client secrets unreadable, so it is never regenerated
 * over an existing file.
 */
export async function loadOrCreateSecretKey(dataDir: string): Promise<Buffer> {
  const path = join(dataDir, FILE_NAME);
  try {
    const key = Buffer.from((await readFile(path, 'utf8')).trim(), 'base64');
    if (key.length !== 32)
      throw new Error(
        `${path} does not hold a 32-byte base64 key; restore it from backup or set SECRET_KEY.`,
      );
    return key;
  } catch (err) {
    if ((err as NodeJS.ErrnoException).code !== 'ENOENT') throw err;
  }
  await ensurePrivateDir(dataDir);
  const key = randomBytes(32);
  // Durably, like the database: a key lost to a power cut would leave every sealed secret unreadable.
  await writeFileDurably(path, key.toString('base64'), { exclusive: true });
  return key;
}
