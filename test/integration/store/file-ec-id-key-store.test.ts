import { mkdtemp, readFile, stat, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { decodeEcId, encodeEcId } from '../../../api/src/domain/ec-id.js';
import { createSecretBox } from '../../../api/src/domain/secret-box.js';
import { loadEcIdKeyring } from '../../../api/src/services/ec-id-keys/load-ec-id-keyring.js';
import { createFileEcIdKeyStore } from '../../../api/src/store/file-ec-id-key-store.js';

const secrets = createSecretBox(Buffer.alloc(32, 3));
const policy = { rotateAfterDays: 90, graceDays: 365 };
const day = (n: number) => new Date(Date.UTC(2026, 0, 1) + n * 86_400_000);
const keysIn = (dir: string) => createFileEcIdKeyStore(dir);

describe('EC_ID keyring file', () => {
  it('creates one key, keeps it across loads, and stores no secret in plain text', async () => {
    const dir = await mkdtemp(join(tmpdir(), 'sm-keys-'));
    const first = await loadEcIdKeyring(keysIn(dir), secrets, policy, day(0));
    const again = await loadEcIdKeyring(keysIn(dir), secrets, policy, day(10));
    expect(again.current.kid).toBe(first.current.kid);
    const raw = await readFile(join(dir, 'ec-id-keys.json'), 'utf8');
    expect(raw).not.toContain(Buffer.from(first.current.secret as Uint8Array).toString('base64'));
    expect((await stat(join(dir, 'ec-id-keys.json'))).mode & 0o777).toBe(0o600);
  });

  it('rotates after the period, and old tokens verify until the grace period ends', async () => {
    const dir = await mkdtemp(join(tmpdir(), 'sm-keys-'));
    const original = await loadEcIdKeyring(keysIn(dir), secrets, policy, day(0));
    const token = encodeEcId({ requestId: 42, outboundId: 7 }, original);

    const rotated = await loadEcIdKeyring(keysIn(dir), secrets, policy, day(91));
    expect(rotated.current.kid).not.toBe(original.current.kid);
    expect(decodeEcId(token, rotated, day(100))).toMatchObject({
      status: 'valid',
      requestId: 42,
      outboundId: 7,
    });

    const muchLater = await loadEcIdKeyring(keysIn(dir), secrets, policy, day(91 + 366));
    expect(decodeEcId(token, muchLater, day(91 + 366)).status).not.toBe('valid');
  });

  it('refuses to start over a damaged key file instead of silently making new keys', async () => {
    const dir = await mkdtemp(join(tmpdir(), 'sm-keys-'));
    await writeFile(join(dir, 'ec-id-keys.json'), '{ not json');
    await expect(loadEcIdKeyring(keysIn(dir), secrets, policy)).rejects.toThrow(/ec-id-keys\.json/);
  });
});
