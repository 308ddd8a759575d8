import { randomBytes, randomUUID } from 'node:crypto';
import { readFile } from 'node:fs/promises';
import { join } from 'node:path';
import type { EcIdKeyring } from '../domain/ec-id.js';
import type { EncryptedSecret } from '../domain/mail-account.js';
import type { SecretBox } from '../domain/secret-box.js';
import { ensurePrivateDir, writeFileDurably } from './durable-fs.js';

// The keys that sign EC_ID tokens, kept in DATA_DIR/ec-id-keys.json with their secrets sealed by the
// secret box (never plain at rest). A key is used for `rotateAfterDays`, then retired; a retired key keeps
// verifying tokens in replies for `graceDays`, because customers answer old emails.

type StoredKey = { kid: string; secret: EncryptedSecret; createdAt: string; retiredAt?: string };
type KeyFile = { keys: StoredKey[] };

export type KeyringPolicy = { rotateAfterDays: number; graceDays: number };

const DAY_MS = 86_400_000;

export async function loadEcIdKeyring(
  dataDir: string,
  secrets: SecretBox,
  policy: KeyringPolicy,
  now = new Date(),
): Promise<EcIdKeyring> {
  const path = join(dataDir, 'ec-id-keys.json');
  const file = await readKeyFile(path);
  const current = file.keys.find((k) => !k.retiredAt);
  const isStale = !current || now.getTime() - Date.parse(current.createdAt) > policy.rotateAfterDays * DAY_MS;
  if (isStale) {
    if (current) current.retiredAt = now.toISOString();
    file.keys.push({
      kid: randomUUID(),
      secret: secrets.seal(randomBytes(32).toString('base64')),
      createdAt: now.toISOString(),
    });
    await writeKeyFile(dataDir, path, file);
  }
  const active = file.keys.find((k) => !k.retiredAt) as StoredKey;
  const open = (k: StoredKey) => Buffer.from(secrets.open(k.secret), 'base64');
  return {
    current: { kid: active.kid, secret: open(active) },
    previous: file.keys
      .filter((k) => k.retiredAt && now.getTime() - Date.parse(k.retiredAt) <= policy.graceDays * DAY_MS)
      .map((k) => ({
        kid: k.kid,
        secret: open(k),
        validUntil: new Date(Date.parse(k.retiredAt as string) + policy.graceDays * DAY_MS),
      })),
  };
}

async function readKeyFile(path: string): Promise<KeyFile> {
  try {
    const parsed = JSON.parse(await readFile(path, 'utf8')) as KeyFile;
    if (!Array.isArray(parsed.keys)) throw new Error('no "keys" list');
    return parsed;
  } catch (err) {
    if ((err as NodeJS.ErrnoException).code === 'ENOENT') return { keys: [] };
    // Regenerating would silently invalidate every token in customers' mailboxes: stop and say so.
    throw new Error(
      `Cannot read the EC_ID key file ${path}: ${(err as Error).message}. Restore it from backup.`,
    );
  }
}

async function writeKeyFile(dataDir: string, path: string, file: KeyFile): Promise<void> {
  await ensurePrivateDir(dataDir);
  // Durably, like the database: a rotated key lost to a power cut would invalidate the tokens already sent with it.
  await writeFileDurably(path, JSON.stringify(file, null, 2));
}
