import { createMemoryBlobStore } from '../../../api/src/store/memory-blob-store.js';
import { defineBlobStoreContract } from './blob-store-contract.js';
import { defineOrphanSweepContract } from './orphan-sweep-contract.js';

defineBlobStoreContract('memory', async () => createMemoryBlobStore());
defineOrphanSweepContract('memory', async () => ({ blobs: createMemoryBlobStore() }), { leftovers: false });
