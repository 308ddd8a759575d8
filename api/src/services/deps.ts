import type { EcIdKeyring } from '../domain/ec-id.js';
import type { SecretBox } from '../domain/secret-box.js';
import type { BlobStore } from '../store/ports/blob-store.js';
import type { Store } from '../store/ports/store.js';

// What every use case may use. main.ts builds the real ones; tests build them over the memory store.
export type ServiceDeps = {
  store: Store;
  blobs: BlobStore;
  secrets: SecretBox;
  clock: () => Date;
  newId: () => string;
  /** Signs and verifies the EC_ID tokens in outbound mail and replies. */
  ecIdKeyring: EcIdKeyring;
};
