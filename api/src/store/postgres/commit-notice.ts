import type { CommitChange } from '../../ports/store.js';

// A commit's change, told to the other instances on the database through NOTIFY, so their listeners (the live
// screens' stream, the outbound worker, the mail engine) hear every instance's commits (docs/architecture.md §4,
// "Live updates"). The notice carries what the committing instance's own listeners hear, bounded.

/** NOTIFY payloads must stay under 8000 bytes; the notice keeps well below, whatever the change. */
export const MAX_NOTICE_BYTES = 7000;

/**
 * The notice for `change`, sent by the instance `from`. Too big whole, it drops the record ids (no listener needs
 * them across instances) and keeps the SR ids; still too big, it names the collections only, which a listener takes
 * as "any SR may have changed".
 */
export function commitNotice(from: string, change: CommitChange): string {
  const full = JSON.stringify({ from, ...change });
  if (Buffer.byteLength(full) <= MAX_NOTICE_BYTES) return full;
  const collections = Object.fromEntries(Object.keys(change.collections).map((name) => [name, []]));
  const withRequests = JSON.stringify({ from, collections, requestIds: change.requestIds });
  if (Buffer.byteLength(withRequests) <= MAX_NOTICE_BYTES) return withRequests;
  return JSON.stringify({ from, collections });
}

/** The change in a notice, with the instance that sent it; undefined for a payload that is not a notice. */
export function readCommitNotice(
  payload: string | undefined,
): { from: string; change: CommitChange } | undefined {
  try {
    const notice = JSON.parse(payload ?? '') as {
      from?: unknown;
      collections?: unknown;
      requestIds?: unknown;
    };
    if (typeof notice.from !== 'string' || typeof notice.collections !== 'object' || !notice.collections)
      return undefined;
    const collections = notice.collections as CommitChange['collections'];
    const requestIds = Array.isArray(notice.requestIds)
      ? notice.requestIds.filter((id): id is number => typeof id === 'number')
      : undefined;
    return { from: notice.from, change: { collections, ...(requestIds ? { requestIds } : {}) } };
  } catch {
    return undefined;
  }
}
