import type { CollectionName, StoredRecord } from '../ports/store.js';

/** The whole database as it is persisted: one JSON document. */
export type StoreData = {
  schemaVersion: number;
  collections: Record<string, StoredRecord[]>;
  sequences: Record<string, number>;
};

/**
 * Every collection the code expects, checked against `Collections` at compile time both ways, so adding a
 * collection to the port without listing it here (and without a migration that creates it) fails the build.
 */
const NAMES = {
  requests: true,
  notes: true,
  attachments: true,
  history: true,
  noteTypes: true,
  mailAccounts: true,
  settings: true,
  outboundEmails: true,
  mailCenter: true,
  processedMessages: true,
  mailTemplates: true,
  rules: true,
  srEvents: true,
} as const satisfies Record<CollectionName, true>;
export const COLLECTION_NAMES = Object.keys(NAMES) as CollectionName[];

/** A database before any migration has run: version 0, nothing in it. */
export function newStoreData(): StoreData {
  return { schemaVersion: 0, collections: {}, sequences: {} };
}

/** Checks the outline of a parsed database file before migrations touch it; throws saying what is wrong. */
export function parseStoreData(raw: unknown): StoreData {
  if (!isPlainObject(raw)) throw new Error('it does not hold a JSON object.');
  const { schemaVersion, collections, sequences } = raw;
  if (!Number.isSafeInteger(schemaVersion) || (schemaVersion as number) < 0) {
    throw new Error('it has no valid "schemaVersion", so it is not a Service Messaging database.');
  }
  if (!isPlainObject(collections)) throw new Error('its "collections" is not an object.');
  if (!isPlainObject(sequences)) throw new Error('its "sequences" is not an object.');
  return raw as StoreData;
}

function isPlainObject(value: unknown): value is Record<string, unknown> {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}
