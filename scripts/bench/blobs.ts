import { randomBytes } from 'node:crypto';
import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { Readable } from 'node:stream';
import { openAzureBlobStore } from '../../api/src/store/azure-blob-store.js';
import { createFileBlobStore } from '../../api/src/store/file-blob-store.js';
import type { BlobStore } from '../../api/src/ports/blob-store.js';
import { startAzurite } from '../../test/support/azurite.js';
import { percentile } from './percentiles.js';

// `npm run bench -- --only=blobs`: put and open of one attachment (5 MB by default, BENCH_BLOB_MB) on the file store
// and on the Azure store against Azurite on this machine, BENCH_BLOB_ROUNDS times each (default 10). Each round puts
// different bytes, as a stream in 64 KiB chunks (the way an upload or a Graph attachment arrives), then reads it back.
// Azurite is local, so the Azure figure is the adapter's own cost (hashing, blocks, the copy), not a network's.

const CHUNK = 64 * 1024;

async function measure(blobs: BlobStore, bytes: number, rounds: number): Promise<Record<string, number>> {
  const puts: number[] = [];
  const opens: number[] = [];
  for (let round = 0; round < rounds; round += 1) {
    const content = randomBytes(bytes);
    const chunks = Array.from({ length: Math.ceil(bytes / CHUNK) }, (_, i) =>
      content.subarray(i * CHUNK, (i + 1) * CHUNK),
    );
    let started = performance.now();
    const ref = await blobs.put(Readable.from(chunks));
    puts.push(performance.now() - started);
    started = performance.now();
    let read = 0;
    for await (const chunk of await blobs.open(ref.sha256)) read += (chunk as Buffer).length;
    opens.push(performance.now() - started);
    if (read !== bytes) throw new Error(`read ${read} bytes back of ${bytes}`);
  }
  const mbps = (ms: number) => Math.round((bytes / 1024 / 1024 / (ms / 1000)) * 10) / 10;
  const round = (ms: number) => Math.round(ms * 10) / 10;
  return {
    putP50Ms: round(percentile(puts, 50)),
    putMaxMs: round(Math.max(...puts)),
    putMBps: mbps(percentile(puts, 50)),
    openP50Ms: round(percentile(opens, 50)),
    openMaxMs: round(Math.max(...opens)),
    openMBps: mbps(percentile(opens, 50)),
  };
}

export async function blobBench(megabytes: number, rounds: number): Promise<Record<string, unknown>> {
  const bytes = Math.round(megabytes * 1024 * 1024);
  const dir = await mkdtemp(join(tmpdir(), 'sm-bench-blobs-'));
  const azurite = await startAzurite();
  try {
    const file = await measure(createFileBlobStore(dir), bytes, rounds);
    const azure = await measure(
      await openAzureBlobStore({ connectionString: azurite.connectionString, container: 'bench' }),
      bytes,
      rounds,
    );
    return { figure: 'blobs', attachmentBytes: bytes, rounds, file, azureViaAzurite: azure };
  } finally {
    await azurite.stop();
    await rm(dir, { recursive: true, force: true });
  }
}
