import { randomUUID } from 'node:crypto';
import type { Readable } from 'node:stream';
import { BlobServiceClient, type ContainerClient, RestError } from '@azure/storage-blob';
import { consume, missingBlob, SHA256_HEX } from './blob-content.js';
import { AzureBlockUpload, DEFAULT_BLOCK_BYTES } from './azure-block-upload.js';
import type { BlobRef, BlobStore } from '../ports/blob-store.js';

/** What an interrupted put can leave: a committed temp blob whose copy or delete did not happen. */
const LEFTOVER = /^incoming\/[0-9a-f-]{36}$/;
const HEALTH_TIMEOUT_MS = 5_000;

export type AzureBlobStoreOptions = {
  /** A secret (it holds the account key or a SAS): used to connect, never logged or put in an error. */
  connectionString: string;
  container: string;
  /** Content up to this size is hashed in memory and uploaded once; larger goes in blocks of this size. */
  blockBytes?: number;
};

/**
 * Attachment bytes in an Azure Blob Storage container, one blob per sha256, shared by every instance of a cluster.
 * The container is created at start when missing.
 *
 * Why small and large content take different roads: a block belongs to the blob it is staged on, so blocks cannot be
 * staged under the final name (the hash) before the last byte is read, and holding a 150 MB email in memory to learn
 * the hash first is what every adapter here avoids. So content of at most one block (most attachments) is hashed in
 * memory and uploaded once under its name; larger content is staged block by block under `incoming/<uuid>` while it
 * is hashed, committed, then copied to its name inside the storage account (the bytes do not pass through the
 * instance again), and the temp blob deleted. Either way the named blob appears complete or not at all.
 */
export async function openAzureBlobStore(options: AzureBlobStoreOptions): Promise<BlobStore> {
  let container: ContainerClient;
  let probe: ContainerClient;
  try {
    container = BlobServiceClient.fromConnectionString(options.connectionString).getContainerClient(
      options.container,
    );
    // Health answers a load balancer's probe: one try, not the SDK's retries with back-off.
    probe = BlobServiceClient.fromConnectionString(options.connectionString, {
      retryOptions: { maxTries: 1 },
    }).getContainerClient(options.container);
    await container.createIfNotExists();
  } catch (error) {
    throw new Error(
      `Azure Blob Storage: container "${options.container}" could not be reached or created (${reasonOf(error)}).`,
    );
  }
  return createAzureBlobStore(container, probe, options.blockBytes ?? DEFAULT_BLOCK_BYTES);
}

function createAzureBlobStore(
  container: ContainerClient,
  probe: ContainerClient,
  blockBytes: number,
): BlobStore {
  return {
    kind: 'azure',
    async put(content, options) {
      const upload = new AzureBlockUpload(
        container.getBlockBlobClient(`incoming/${randomUUID()}`),
        blockBytes,
      );
      let ref: BlobRef;
      try {
        ref = await consume(content, options?.maxBytes, (chunk) => upload.write(chunk));
      } catch (error) {
        await upload.discard();
        throw error;
      }
      const target = container.getBlockBlobClient(ref.sha256);
      const small = upload.whole();
      if (small) {
        // Writing the same bytes again is the point: the blob's Last-Modified (its age for the sweep) becomes now.
        await target.uploadData(small);
        return ref;
      }
      try {
        await upload.commit();
        const copy = await target.beginCopyFromURL(upload.blob.url);
        const done = await copy.pollUntilDone();
        if (done.copyStatus !== 'success')
          throw new Error(
            `Azure Blob Storage: copy to ${ref.sha256} ended ${done.copyStatus ?? 'without a status'}.`,
          );
      } finally {
        await upload.blob.deleteIfExists().catch(() => undefined);
      }
      return ref;
    },
    async open(sha256) {
      if (!SHA256_HEX.test(sha256)) throw missingBlob(sha256);
      try {
        const download = await container.getBlobClient(sha256).download();
        return download.readableStreamBody as Readable;
      } catch (error) {
        if (error instanceof RestError && error.statusCode === 404) throw missingBlob(sha256);
        throw error;
      }
    },
    async exists(sha256) {
      return SHA256_HEX.test(sha256) && container.getBlobClient(sha256).exists();
    },
    async *list() {
      for await (const item of container.listBlobsFlat()) {
        const blob = SHA256_HEX.test(item.name);
        if (!blob && !LEFTOVER.test(item.name)) continue;
        const { contentLength, lastModified, etag } = item.properties;
        yield {
          name: item.name,
          ...(blob ? { sha256: item.name } : {}),
          size: contentLength ?? 0,
          writtenAt: lastModified,
          version: etag ?? '',
        };
      }
    },
    async remove(listing) {
      // Without an ETag there is no safe condition to delete on.
      if ((!SHA256_HEX.test(listing.name) && !LEFTOVER.test(listing.name)) || !listing.version) return false;
      try {
        // The ETag condition makes this one atomic step: a put since the listing changed the ETag, and the delete is refused.
        const deleted = await container
          .getBlobClient(listing.name)
          .deleteIfExists({ conditions: { ifMatch: listing.version } });
        return deleted.succeeded;
      } catch (error) {
        if (error instanceof RestError && error.statusCode === 412) return false;
        throw error;
      }
    },
    async health() {
      try {
        await probe.getProperties({ abortSignal: AbortSignal.timeout(HEALTH_TIMEOUT_MS) });
        return { ok: true, detail: `Azure Blob Storage, container "${container.containerName}": reachable` };
      } catch (error) {
        return {
          ok: false,
          detail: `Azure Blob Storage, container "${container.containerName}": ${reasonOf(error)}`,
        };
      }
    },
  };
}

/**
 * A short reason for a failed call: the HTTP status and the service's error code, or the network error's code. Never
 * the message, which can quote a request URL (and with a SAS connection string, its signature).
 */
export function reasonOf(error: unknown): string {
  if (error instanceof RestError) {
    const status = error.statusCode ? `HTTP ${error.statusCode}` : 'no answer';
    return error.code ? `${status}, ${error.code}` : status;
  }
  if (error instanceof Error && error.name === 'AbortError') return 'no answer in time';
  return (error as { code?: string } | undefined)?.code ?? 'unexpected error';
}
