import type { EcIdKeyring } from '../../domain/ec-id.js';
import { ecIdKeyFingerprint, secretKeyFingerprint } from '../../domain/key-fingerprint.js';
import type { ClusterState } from '../../ports/cluster-state.js';

// Instances sharing one database must seal secrets with the same SECRET_KEY (or one cannot read what another
// stored) and sign EC_ID tokens with the same keys (or a reply to one instance's email fails the check on another).
// The first instance records fingerprints of both; a later one whose keys differ is refused at start, by name.

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

/**
 * The signing key is what must agree: the recorded one must be this instance's current key, or one it retired (this
 * instance rotated, and its newer key becomes the recorded one). A key the instance lacks, or holds with a different
 * secret, refuses.
 */
export async function checkEcIdKeyring(cluster: ClusterState, keyring: EcIdKeyring): Promise<void> {
  const mine = ecIdKeyFingerprint(keyring.current);
  const recorded = await cluster.agree('ec-id-signing-key', mine);
  if (recorded === mine) return;
  const [recordedKid] = recorded.split(' ');
  const retired = keyring.previous.find((k) => k.kid === recordedKid);
  if (
    retired &&
    ecIdKeyFingerprint(retired) === recorded &&
    (await cluster.replace('ec-id-signing-key', recorded, mine))
  )
    return;
  const held = keyring.current.kid === recordedKid || retired !== undefined;
  throw new SharedSettingMismatch(
    `EC_ID keys (DATA_DIR/ec-id-keys.json) differ from the other instances sharing this database: ${
      held
        ? `this instance holds signing key ${recordedKid} with a different secret`
        : `this instance lacks signing key ${recordedKid}, which they sign with`
    }, so replies to their emails would fail the token check here. Give every instance the same ec-id-keys.json and SECRET_KEY (README, "Running several instances").`,
  );
}
