import { describe, expect, it } from 'vitest';
import type { CommitChange } from '../../../api/src/ports/store.js';
import {
  commitNotice,
  MAX_NOTICE_BYTES,
  readCommitNotice,
} from '../../../api/src/store/postgres/commit-notice.js';

// The notice one PostgreSQL instance sends the others after a commit: whole when it fits, then without record ids,
// then naming the collections only (any SR may have changed); never over the NOTIFY limit.

const roundTrip = (change: CommitChange) => {
  const notice = commitNotice('instance-a', change);
  expect(Buffer.byteLength(notice)).toBeLessThanOrEqual(MAX_NOTICE_BYTES);
  return readCommitNotice(notice);
};

describe('the commit notice', () => {
  it('carries a small change whole: collections, record ids and SR ids', () => {
    const change = { collections: { notes: ['n1'], requests: [7] }, requestIds: [7] };
    expect(roundTrip(change)).toEqual({ from: 'instance-a', change });
  });

  it('drops the record ids of a change too big to send whole, and keeps the SR ids', () => {
    const notes = Array.from({ length: 400 }, (_, i) => `note-${'x'.repeat(20)}-${i}`);
    expect(roundTrip({ collections: { notes, history: ['h1'] }, requestIds: [3, 4] })).toEqual({
      from: 'instance-a',
      change: { collections: { notes: [], history: [] }, requestIds: [3, 4] },
    });
  });

  it('names the collections only when even the SR ids do not fit: requestIds absent means any SR', () => {
    const ids = Array.from({ length: 3000 }, (_, i) => i + 1);
    expect(roundTrip({ collections: { requests: ids }, requestIds: ids })).toEqual({
      from: 'instance-a',
      change: { collections: { requests: [] } },
    });
  });

  it('ignores payloads that are not notices', () => {
    expect(readCommitNotice('not json')).toBeUndefined();
    expect(readCommitNotice('{"collections":{}}')).toBeUndefined();
    expect(readCommitNotice(undefined)).toBeUndefined();
  });
});
