import { createMemoryBlobStore } from '../../../api/src/store/blob-store.js';
import { defineBlobStoreContract } from './blob-store-contract.js';

defineBlobStoreContract('memory', async () => createMemoryBlobStore());
