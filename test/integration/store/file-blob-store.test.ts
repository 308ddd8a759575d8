import { randomUUID } from 'node:crypto';
import { access, mkdir, mkdtemp, readFile, readdir, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, afterEach, beforeEach, describe, expect, it } from 'vitest';
import { createFileBlobStore } from '../../../api/src/store/file-blob-store.js';
import { defineBlobStoreContract, endlessSource, sha256Of } from '../../unit/store/blob-store-contract.js';
import { defineOrphanSweepContract } from '../../unit/store/orphan-sweep-contract.js';

const contractDir = await mkdtemp(join(tmpdir(), 'sm-blobs-contract-'));
let contractStores = 0;
defineBlobStoreContract('files', async () =>
  createFileBlobStore(join(contractDir, `blobs-${++contractStores}`)),
);
defineOrphanSweepContract(
  'files',
  async () => {
    const dir = join(contractDir, `blobs-${++contractStores}`);
    await mkdir(dir, { recursive: true });
    return {
      blobs: createFileBlobStore(dir),
      leftovers: {
        // The temp file a put writes to, as a process killed mid-upload leaves it.
        leave: () => writeFile(join(dir, `.incoming-${randomUUID()}`), 'half an attachment'),
        async leaveForeign() {
          await writeFile(join(dir, 'README.txt'), 'an operator left this here');
          return {
            stillThere: () =>
              access(join(dir, 'README.txt')).then(
                () => true,
                () => false,
              ),
          };
        },
      },
    };
  },
  { leftovers: true },
);
afterAll(() => rm(contractDir, { recursive: true, force: true }));

describe('file blob store on disk', () => {
  let dataDir: string;
  let dir: string;
  beforeEach(async () => {
    dataDir = await mkdtemp(join(tmpdir(), 'sm-blobs-'));
    dir = join(dataDir, 'blobs');
  });
  afterEach(() => rm(dataDir, { recursive: true, force: true }));

  it('writes each blob as <dir>/<sha256>, creating the folder, and a new store over the folder finds it', async () => {
    const bytes = Buffer.from('invoice.pdf bytes');
    const ref = await createFileBlobStore(dir).put(bytes);
    expect(await readdir(dir)).toEqual([sha256Of(bytes)]);
    expect(await readFile(join(dir, ref.sha256))).toEqual(bytes);
    expect(await createFileBlobStore(dir).exists(ref.sha256)).toBe(true);
  });

  it('leaves one file and no temp file when the same content is stored twice', async () => {
    const blobs = createFileBlobStore(dir);
    await blobs.put(Buffer.from('twice'));
    await blobs.put(Buffer.from('twice'));
    expect(await readdir(dir)).toEqual([sha256Of(Buffer.from('twice'))]);
  });

  it('leaves nothing behind when content passes maxBytes', async () => {
    const blobs = createFileBlobStore(dir);
    await expect(blobs.put(Buffer.alloc(5_000), { maxBytes: 4_096 })).rejects.toMatchObject({
      code: 'payload_too_large',
    });
    await expect(blobs.put(endlessSource(1_000).source, { maxBytes: 4_096 })).rejects.toMatchObject({
      code: 'payload_too_large',
    });
    expect(await readdir(dir)).toEqual([]);
  });

  it('leaves nothing behind when the source fails halfway', async () => {
    async function* failing() {
      yield Buffer.from('first half');
      throw new Error('connection reset');
    }
    await expect(createFileBlobStore(dir).put(failing())).rejects.toThrow('connection reset');
    expect(await readdir(dir)).toEqual([]);
  });
});
