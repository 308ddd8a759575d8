import { randomBytes } from 'node:crypto';
import { expect, it } from 'vitest';
import { createSecretBox } from '../../../../api/src/domain/secret-box.js';
import type { EcIdKeyStore, StoredEcIdKey } from '../../../../api/src/ports/ec-id-key-store.js';
import { LiveEcIdKeyring } from '../../../../api/src/services/ec-id-keys/live-ec-id-keyring.js';

// A key store shared with other instances, in memory, whose reads can be made to fail (a database gone for a moment).
function sharedKeyStore() {
  const keys: StoredEcIdKey[] = [];
  const state = { failing: false, reads: 0 };
  const store: EcIdKeyStore = {
    isShared: true,
    list: async () => {
      state.reads++;
      if (state.failing) throw new Error('connection terminated');
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
    const deadline = Date.now() + 5_000;
    while (errors.length === 0 && Date.now() < deadline)
      await new Promise((resolve) => setTimeout(resolve, 10));
    expect(String(errors[0])).toContain('connection terminated');
    expect(keyring.current.kid).toBe(kid);
    // It goes on trying: once the store answers again, the refreshes do too.
    state.failing = false;
    const readsBefore = state.reads;
    while (state.reads === readsBefore && Date.now() < deadline)
      await new Promise((resolve) => setTimeout(resolve, 10));
    expect(state.reads).toBeGreaterThan(readsBefore);
  } finally {
    keyring.close();
  }
});
