import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { BlobServiceClient } from '@azure/storage-blob';
import { pino } from 'pino';
import request from 'supertest';
import { afterAll, describe, expect, it } from 'vitest';
import { compose } from '../../../api/src/compose.js';
import { parseConfig } from '../../../api/src/config.js';
import { startAzurite } from '../../support/azurite.js';

// The blob store as main.ts composes it from the environment, and what /api/health says of it.

const azurite = await startAzurite();
const root = mkdtempSync(join(tmpdir(), 'blob-store-compose-'));
afterAll(async () => {
  await azurite.stop();
  rmSync(root, { recursive: true, force: true });
});

const composeWith = async (env: Record<string, string>) => {
  const parsed = parseConfig({
    NODE_ENV: 'test',
    STORE: 'lowdb',
    DATA_DIR: mkdtempSync(join(root, 'data-')),
    LOG_LEVEL: 'silent',
    AAD_APP_CLIENT_ID: '66666666-7777-4888-9999-aaaaaaaaaaaa',
    AAD_APP_TENANT_ID: '11111111-2222-4333-8444-555555555555',
    ...env,
  });
  if (!parsed.ok) throw new Error(parsed.problems.join('\n'));
  return compose(parsed.config, pino({ level: 'silent' }), 'test');
};

describe('the blob store chosen by BLOB_STORE', () => {
  it('BLOB_STORE=azure: bytes go to the container, created at start, and health says azure and reachable without the secret', async () => {
    const runtime = await composeWith({
      BLOB_STORE: 'azure',
      AZURE_STORAGE_CONNECTION_STRING: azurite.connectionString,
      AZURE_STORAGE_CONTAINER: 'desk-attachments',
    });
    try {
      const ref = await runtime.services.blobs.put(Buffer.from('a customer attachment'));
      const container = BlobServiceClient.fromConnectionString(azurite.connectionString).getContainerClient(
        'desk-attachments',
      );
      expect(await container.getBlobClient(ref.sha256).exists()).toBe(true);
      const health = await request(runtime.app).get('/api/health').expect(200);
      expect(health.body.mode.blobs).toBe('azure');
      expect(health.body.checks).toContainEqual({
        name: 'blobs',
        ok: true,
        detail: 'Azure Blob Storage, container "desk-attachments": reachable',
      });
      const key = /AccountKey=([^;]+)/.exec(azurite.connectionString)![1]!;
      expect(JSON.stringify(health.body)).not.toContain(key);
    } finally {
      await runtime.close();
    }
  });

  it('by default: files under DATA_DIR, and health says file', async () => {
    const runtime = await composeWith({});
    try {
      const health = await request(runtime.app).get('/api/health').expect(200);
      expect(health.body.mode.blobs).toBe('file');
      expect(health.body.checks).toContainEqual(expect.objectContaining({ name: 'blobs', ok: true }));
      expect(JSON.stringify(health.body)).not.toContain(root);
    } finally {
      await runtime.close();
    }
  });

  it('BLOB_STORE=azure with a key the account refuses: start-up fails saying why, without the key', async () => {
    const key = /AccountKey=([^;]+)/.exec(azurite.connectionString)![1]!;
    const wrong = azurite.connectionString.replace(key, Buffer.alloc(64, 7).toString('base64'));
    const failure = await composeWith({ BLOB_STORE: 'azure', AZURE_STORAGE_CONNECTION_STRING: wrong }).catch(
      (error: Error) => error,
    );
    expect(failure).toBeInstanceOf(Error);
    expect((failure as Error).message).toBe(
      'Azure Blob Storage: container "attachments" could not be reached or created (HTTP 403, AuthorizationFailure).',
    );
  });
});
