import { randomBytes, randomUUID } from 'node:crypto';
import type { EcIdKeyring } from '../../domain/ec-id.js';
import type { SecretBox } from '../../domain/secret-box.js';
import type { EcIdKeyStore, StoredEcIdKey } from '../../ports/ec-id-key-store.js';

// The keyring that signs and checks EC_ID tokens, from the keys kept in `keys`. A key signs for `rotateAfterDays`,
// then is retired; a retired key keeps verifying tokens in replies for `graceDays`, because customers answer old
// emails.

export type KeyringPolicy = { rotateAfterDays: number; graceDays: number };

const DAY_MS = 86_400_000;

/** Reads the keys, first making a new active key when there is none or it is older than the policy allows. */
export async function loadEcIdKeyring(
  keys: EcIdKeyStore,
  secrets: SecretBox,
  policy: KeyringPolicy,
  now = new Date(),
): Promise<EcIdKeyring> {
  let stored = await keys.list();
  const active = stored.find((k) => !k.retiredAt);
  if (!active || now.getTime() - Date.parse(active.createdAt) > policy.rotateAfterDays * DAY_MS) {
    // Instances that find the key stale together all try; the key store lets one of them replace it, and the others
    // read that one's key below.
    await keys.rotate(active?.kid, newKey(secrets, now));
    stored = await keys.list();
  }
  return keyringOf(stored, secrets, policy, now);
}

function newKey(secrets: SecretBox, now: Date): StoredEcIdKey {
  // last4 is how an admin tells client secrets apart; of a signing key it would only give away part of it.
  const secret = { ...secrets.seal(randomBytes(32).toString('base64')), last4: '' };
  return { kid: randomUUID(), secret, createdAt: now.toISOString() };
}

function keyringOf(
  stored: readonly StoredEcIdKey[],
  secrets: SecretBox,
  policy: KeyringPolicy,
  now: Date,
): EcIdKeyring {
  const active = stored.find((k) => !k.retiredAt);
  if (!active) throw new Error('The EC_ID key store holds no active key after a rotation.');
  const open = (k: StoredEcIdKey) => {
    try {
      return Buffer.from(secrets.open(k.secret), 'base64');
    } catch {
      throw new Error(
        `EC_ID key ${k.kid} cannot be opened with this instance's SECRET_KEY: it was sealed with another one. Give every instance the SECRET_KEY the keys were made with (README, "Running several instances").`,
      );
    }
  };
  return {
    current: { kid: active.kid, secret: open(active) },
    previous: stored
      .filter((k) => k.retiredAt && now.getTime() - Date.parse(k.retiredAt) <= policy.graceDays * DAY_MS)
      .map((k) => ({
        kid: k.kid,
        secret: open(k),
        validUntil: new Date(Date.parse(k.retiredAt as string) + policy.graceDays * DAY_MS),
      })),
  };
}
