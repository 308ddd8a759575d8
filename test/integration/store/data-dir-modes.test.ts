import { chmodSync, mkdirSync, mkdtempSync, readdirSync, rmSync, statSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { pino } from 'pino';
import { afterAll, describe, expect, it } from 'vitest';
import { compose } from '../../../api/src/compose.js';
import { parseConfig } from '../../../api/src/config.js';

// Issue 15 finding 7: db.json and the blobs were world-readable (0644) under the usual umask. The API as composed
// for production (lowdb, file blobs, generated keys) keeps DATA_DIR 0700 and every file in it 0600, and tightens a
// DATA_DIR an older version left open.

const root = mkdtempSync(join(tmpdir(), 'data-dir-modes-'));
afterAll(() => rmSync(root, { recursive: true, force: true }));

const mode = (path: string) => statSync(path).mode & 0o777;

describe('DATA_DIR file modes', () => {
  it('creates or tightens DATA_DIR to 0700 and writes the database, blobs and key files 0600', async () => {
    const dataDir = join(root, 'data');
    mkdirSync(dataDir, { mode: 0o755 });
    chmodSync(dataDir, 0o755);
    const parsed = parseConfig({
      NODE_ENV: 'test',
      STORE: 'lowdb',
      DATA_DIR: dataDir,
      LOG_LEVEL: 'silent',
      AAD_APP_CLIENT_ID: '66666666-7777-4888-9999-aaaaaaaaaaaa',
      AAD_APP_TENANT_ID: '11111111-2222-4333-8444-555555555555',
    });
    if (!parsed.ok) throw new Error(parsed.problems.join('\n'));
    const runtime = await compose(parsed.config, pino({ level: 'silent' }), 'test');
    try {
      await runtime.services.blobs.put(Buffer.from('a customer attachment'));
    } finally {
      await runtime.close();
    }
    expect(mode(dataDir)).toBe(0o700);
    const files = [
      'db.json',
      'secret.key',
      'ec-id-keys.json',
      ...readdirSync(join(dataDir, 'blobs')).map((name) => join('blobs', name)),
    ];
    expect(files.length).toBeGreaterThan(3);
    expect(Object.fromEntries(files.map((f) => [f, mode(join(dataDir, f)).toString(8)]))).toEqual(
      Object.fromEntries(files.map((f) => [f, '600'])),
    );
  });
});
