import { randomBytes } from 'node:crypto';
import { expect, it } from 'vitest';
import { createSecretBox } from '../../../../api/src/domain/secret-box.js';
import type { EcIdKeyStore, StoredEcIdKey } from '../../../../api/src/ports/ec-id-key-store.js';
import { LiveEcIdKeyring } from '../../../../api/src/services/ec-id-keys/live-ec-id-keyring.js';
import { eventually } from '../../../support/emulator-graph-target.js';

// A key store shared with other instances, in memory, whose reads can be made to fail (a database gone for a moment).
function sharedKeyStore() {
  const keys: StoredEcIdKey[] = [];
  const state = { failing: false, served: 0 };
  const store: EcIdKeyStore = {
    isShared: true,
    list: async () => {
      if (state.failing) throw new Error('connection terminated');
      state.served++;
      return [...keys];
    },
    rotate: async (_expected, next) => {
      keys.push(next);
      return true;
    },
  };
  return { store, state };
}

it('says when reading the keys again fails, and keeps signing with the keys it has', async () => {
  const { store, state } = sharedKeyStore();
  const errors: unknown[] = [];
  const keyring = await LiveEcIdKeyring.open(
    store,
    createSecretBox(randomBytes(32)),
    { rotateAfterDays: 90, graceDays: 30 },
    { refreshMs: 10, onRefreshError: (error) => errors.push(error) },
  );
  try {
    const kid = keyring.current.kid;
    state.failing = true;
    const [error] = await eventually(
      () => (errors.length > 0 ? errors : undefined),
      5_000,
      'a failed refresh',
    );
    expect(String(error)).toContain('connection terminated');
    expect(keyring.current.kid).toBe(kid);
    // It goes on trying: once the store answers again, a refresh reads the keys.
    state.failing = false;
    const served = state.served;
    await eventually(() => (state.served > served ? true : undefined), 5_000, 'a refresh after the failures');
  } finally {
    keyring.close();
  }
});
