import { secretKeyFingerprint } from '../../domain/key-fingerprint.js';
import type { ClusterState } from '../../ports/cluster-state.js';

// Instances sharing one database must seal secrets with the same SECRET_KEY, or one cannot read what another stored
// (the EC_ID signing keys among it: they are kept in the database, sealed). The first instance records the key's
// fingerprint; a later one with another key is refused at start, by name.

export class SharedSettingMismatch extends Error {
  constructor(message: string) {
    super(message);
    this.name = 'SharedSettingMismatch';
  }
}

export async function checkSecretKey(cluster: ClusterState, key: Buffer): Promise<void> {
  const mine = secretKeyFingerprint(key);
  if ((await cluster.agree('secret-key', mine)) === mine) return;
  throw new SharedSettingMismatch(
    'SECRET_KEY differs from the one the other instances sharing this database use (where it is unset, the key generated into ' +
      'DATA_DIR/secret.key is used): secrets one seals the other cannot open. ' +
      'Give every instance the same SECRET_KEY (README, "Running several instances").',
  );
}
