import type { BlockBlobClient } from '@azure/storage-blob';

/** Azure's block size for content larger than one block: memory per put stays about two blocks. */
export const DEFAULT_BLOCK_BYTES = 4 * 1024 * 1024;

/**
 * Collects content into blocks of `blockBytes` and stages each on a temp blob as it fills, one upload in flight while
 * the next block is read. Content that never fills a block is never staged: `whole()` hands it back for one upload.
 */
export class AzureBlockUpload {
  private chunks: Buffer[] = [];
  private buffered = 0;
  private readonly blockIds: string[] = [];
  private inFlight: Promise<unknown> | undefined;

  constructor(
    readonly blob: BlockBlobClient,
    private readonly blockBytes: number,
  ) {}

  async write(chunk: Uint8Array): Promise<void> {
    let rest = Buffer.from(chunk.buffer, chunk.byteOffset, chunk.byteLength);
    while (rest.length > 0) {
      const take = Math.min(rest.length, this.blockBytes - this.buffered);
      // Copied: the caller may reuse its buffer once write returns.
      this.chunks.push(Buffer.from(rest.subarray(0, take)));
      this.buffered += take;
      rest = rest.subarray(take);
      if (this.buffered === this.blockBytes) await this.stage();
    }
  }

  /** All the content when it fitted in one block and nothing was staged; otherwise undefined. */
  whole(): Buffer | undefined {
    return this.blockIds.length === 0 ? Buffer.concat(this.chunks) : undefined;
  }

  /** Stages what is left and commits the temp blob. */
  async commit(): Promise<void> {
    if (this.buffered > 0) await this.stage();
    await this.inFlight;
    await this.blob.commitBlockList(this.blockIds);
  }

  /**
   * After a failure: staged blocks of a blob never committed are invisible, but Azure keeps them for a week, so commit
   * an empty list (which drops them) and delete the empty blob. Best effort: the caller's error is what matters.
   */
  async discard(): Promise<void> {
    await this.inFlight?.catch(() => undefined);
    if (this.blockIds.length === 0) return;
    await this.blob.commitBlockList([]).catch(() => undefined);
    await this.blob.deleteIfExists().catch(() => undefined);
  }

  private async stage(): Promise<void> {
    const block = Buffer.concat(this.chunks);
    this.chunks = [];
    this.buffered = 0;
    // Block ids must all have the same length within a blob.
    const id = Buffer.from(String(this.blockIds.length).padStart(8, '0')).toString('base64');
    this.blockIds.push(id);
    await this.inFlight;
    const staged = this.blob.stageBlock(id, block, block.length);
    // Awaited by the next stage, commit or discard; until then a failure must not count as unhandled.
    staged.catch(() => undefined);
    this.inFlight = staged;
  }
}
