import type { EncryptedSecret } from '../domain/mail-account.js';

// Where the keys that sign EC_ID tokens are kept: a file in DATA_DIR for the single-process stores, a table every
// instance shares on PostgreSQL (docs/architecture.md, "Running several instances").

/** One signing key at rest: its secret sealed by the secret box, never plain. No `retiredAt`: the active key. */
export type StoredEcIdKey = { kid: string; secret: EncryptedSecret; createdAt: string; retiredAt?: string };

export interface EcIdKeyStore {
  /** Other processes change these keys too (instances sharing a database): read them again now and then. */
  readonly isShared: boolean;
  /** Every key kept, oldest first; at most one of them is active. */
  list(): Promise<StoredEcIdKey[]>;
  /**
   * Makes `next` the active key and retires the active one at `next.createdAt`, if the active key is still
   * `expectedKid` (undefined: there is none yet). False when another instance got there first: nothing changes, and
   * `list` shows that instance's key. So however many instances find the key stale at once, one key replaces it.
   */
  rotate(expectedKid: string | undefined, next: StoredEcIdKey): Promise<boolean>;
}
