import { describe, expect, it } from 'vitest';
import { createMemoryStore } from '../../../api/src/store/memory-store.js';
import { aRequest, defineStoreContract } from './store-contract.js';
import { defineStoreQueryContract } from './store-query-contract.js';

defineStoreContract('memory', async () => createMemoryStore());
defineStoreQueryContract('memory', async () => createMemoryStore());

describe('createMemoryStore with initial content', () => {
  it('starts with the given records and continues the given sequences', async () => {
    const store = createMemoryStore({ collections: { requests: [aRequest(7)] }, sequences: { requests: 7 } });
    expect(await store.read((tx) => tx.collection('requests').get(7))).toEqual(aRequest(7));
    expect(await store.transact((tx) => tx.nextSequence('requests'))).toBe(8);
  });

  it('refuses initial content with two records of the same id', () => {
    expect(() => createMemoryStore({ collections: { requests: [aRequest(1), aRequest(1)] } })).toThrow(
      /two records with id 1/,
    );
  });
});
