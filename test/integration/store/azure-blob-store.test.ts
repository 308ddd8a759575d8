import { randomUUID } from 'node:crypto';
import { BlobServiceClient } from '@azure/storage-blob';
import { afterAll, describe, expect, it } from 'vitest';
import { openAzureBlobStore } from '../../../api/src/store/azure-blob-store.js';
import { startAzurite } from '../../support/azurite.js';
import { startTcpProxy } from '../../support/tcp-proxy.js';
import { defineBlobStoreContract, endlessSource, listAll } from '../../unit/store/blob-store-contract.js';
import { defineOrphanSweepContract } from '../../unit/store/orphan-sweep-contract.js';

// Against Azurite (the npm package), started here on a free port: if it cannot start, this file fails with why.
const azurite = await startAzurite();
afterAll(() => azurite.stop());

const service = BlobServiceClient.fromConnectionString(azurite.connectionString);
// Small blocks, so the contract's larger contents take the staged-blocks-then-copy road and the small ones the direct one.
const BLOCK = 64 * 1024;
const open = (container: string) =>
  openAzureBlobStore({ connectionString: azurite.connectionString, container, blockBytes: BLOCK });
const aContainer = () => `c-${randomUUID()}`;

defineBlobStoreContract('Azure Blob Storage (Azurite)', () => open(aContainer()));

defineOrphanSweepContract(
  'Azure Blob Storage (Azurite)',
  async () => {
    const name = aContainer();
    const blobs = await open(name);
    const container = service.getContainerClient(name);
    return {
      blobs,
      leftovers: {
        // A temp blob committed but neither copied nor deleted: the put's process died in between.
        leave: async () =>
          void (await container
            .getBlockBlobClient(`incoming/${randomUUID()}`)
            .uploadData(Buffer.from('half an attachment'))),
        async leaveForeign() {
          const foreign = ['README.txt', `incoming/not-a-uuid`, `exports/${'a'.repeat(64)}`];
          for (const blob of foreign)
            await container.getBlockBlobClient(blob).uploadData(Buffer.from('not ours'));
          return {
            stillThere: async () =>
              (await Promise.all(foreign.map((blob) => container.getBlobClient(blob).exists()))).every(
                Boolean,
              ),
          };
        },
      },
    };
  },
  { leftovers: true },
);

describe('Azure blob store', () => {
  it('creates its container at start when it is missing', async () => {
    const name = aContainer();
    expect(await service.getContainerClient(name).exists()).toBe(false);
    await open(name);
    expect(await service.getContainerClient(name).exists()).toBe(true);
  });

  it('leaves no staged blocks behind when content passes maxBytes after several blocks', async () => {
    const name = aContainer();
    const blobs = await open(name);
    await expect(blobs.put(endlessSource(16 * 1024).source, { maxBytes: 5 * BLOCK })).rejects.toMatchObject({
      code: 'payload_too_large',
    });
    const everything: string[] = [];
    for await (const item of service.getContainerClient(name).listBlobsFlat({ includeUncommitedBlobs: true }))
      everything.push(item.name);
    expect(everything).toEqual([]);
    expect(await listAll(blobs)).toEqual([]);
  });

  it('removes the temp blob of a large put once its copy is in place', async () => {
    const name = aContainer();
    const blobs = await open(name);
    const ref = await blobs.put(Buffer.alloc(3 * BLOCK + 7, 9));
    const names: string[] = [];
    for await (const item of service.getContainerClient(name).listBlobsFlat({ includeUncommitedBlobs: true }))
      names.push(item.name);
    expect(names).toEqual([ref.sha256]);
  });

  it('refuses to start with a wrong key, saying why without the key', async () => {
    const key = /AccountKey=([^;]+)/.exec(azurite.connectionString)![1]!;
    const wrongKey = azurite.connectionString.replace(key, Buffer.alloc(64, 1).toString('base64'));
    const failure = await openAzureBlobStore({ connectionString: wrongKey, container: aContainer() }).catch(
      (error: Error) => error,
    );
    expect(failure).toBeInstanceOf(Error);
    expect((failure as Error).message).toMatch(/could not be reached or created \(HTTP 403/);
    expect((failure as Error).message).not.toMatch(/AccountKey|[A-Za-z0-9+/]{40,}/);
  });

  it('reports the container unreachable in health while the storage endpoint is lost, and reachable again after', async () => {
    const proxy = await startTcpProxy({
      host: '127.0.0.1',
      port: Number(/127\.0\.0\.1:(\d+)/.exec(azurite.connectionString)![1]),
    });
    try {
      const throughProxy = azurite.connectionString.replace(/127\.0\.0\.1:\d+/, `127.0.0.1:${proxy.port}`);
      const blobs = await openAzureBlobStore({ connectionString: throughProxy, container: aContainer() });
      expect(await blobs.health()).toMatchObject({ ok: true });
      await proxy.cut();
      const lost = await blobs.health();
      expect(lost.ok).toBe(false);
      // A kept-alive connection is reset; a new one is refused.
      expect(lost.detail).toMatch(/no answer, (ECONNRESET|ECONNREFUSED)/);
      expect(lost.detail).not.toMatch(/AccountKey|127\.0\.0\.1/);
      await proxy.restore();
      expect(await blobs.health()).toMatchObject({ ok: true });
    } finally {
      await proxy.close();
    }
  });
});
