import { randomBytes } from 'node:crypto';

// Exchange REST ids are ~150-char URL-safe base64 with padding; realistic lengths catch column-size bugs
// (docs/graph-behaviour.md §2.3). The leading bytes mark the kind, so a malformed id can be told from an unknown one.
const PREFIX = {
  message: [0x00, 0x03, 0x24, 0x00],
  immutable: [0x00, 0x09, 0x00, 0x2e, 0x00, 0x00],
  folder: [0x00, 0x03, 0x2e, 0x00],
  attachment: [0x00, 0x03, 0x24, 0x00, 0x12],
  subscriptionSession: [0x00, 0x05],
} as const;

export type IdKind = keyof typeof PREFIX;

const TARGET_BYTES: Record<IdKind, number> = {
  message: 104,
  immutable: 104,
  folder: 62,
  attachment: 134,
  subscriptionSession: 32,
};

export function newId(kind: IdKind, mailboxGuid: string): string {
  const head = Buffer.concat([
    Buffer.from(PREFIX[kind]),
    Buffer.from(mailboxGuid, 'ascii'),
    Buffer.from([0x00, 0x46]),
  ]);
  const bytes = Buffer.concat([head, randomBytes(Math.max(8, TARGET_BYTES[kind] - head.length))]);
  return bytes.toString('base64').replace(/\+/g, '-').replace(/\//g, '_');
}

/** Whether `id` is well-formed for its kind (Graph answers 400 ErrorInvalidIdMalformed otherwise). */
export function isWellFormedId(id: string, kind: IdKind): boolean {
  if (!/^[A-Za-z0-9_-]+={0,2}$/.test(id) || id.length % 4 !== 0) return false;
  const bytes = Buffer.from(id.replace(/-/g, '+').replace(/_/g, '/'), 'base64');
  const prefix = PREFIX[kind];
  return bytes.length >= TARGET_BYTES[kind] - 2 && prefix.every((b, i) => bytes[i] === b);
}
