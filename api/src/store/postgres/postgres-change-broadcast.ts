import { randomUUID } from 'node:crypto';
import type { CollectionName, CommitChange, RecordId } from '../../ports/store.js';
import type { CommitListeners } from '../commit-listeners.js';
import type { Run } from './postgres-collection.js';
import { ReconnectingListener } from './reconnecting-listener.js';

const CHANGES_CHANNEL = 'sm_store_changes';
/** NOTIFY payloads must stay under 8000 bytes; a bigger change is announced by collection only. */
const MAX_PAYLOAD = 7000;

export type ChangedIds = Map<CollectionName, Set<RecordId>>;

export function changeOf(changed: ChangedIds): CommitChange {
  return { collections: Object.fromEntries([...changed].map(([name, ids]) => [name, [...ids]])) };
}

/**
 * Tells the other instances on the same database what a commit changed (NOTIFY inside the transaction, so only a
 * commit sends it) and hands what they committed to this instance's listeners.
 */
export class ChangeBroadcast {
  readonly #instance = randomUUID();
  readonly #listeners: CommitListeners;
  #listener: ReconnectingListener | undefined;

  constructor(listeners: CommitListeners) {
    this.#listeners = listeners;
  }

  /** Announces `changed` to the other instances; run inside the transaction that made the change. */
  async announce(run: Run, changed: ChangedIds): Promise<void> {
    await run('SELECT pg_notify($1, $2)', [CHANGES_CHANNEL, this.#payload(changed)]);
  }

  /** Hears the commits of other instances; it opens itself again after a server restart (the workers' sweeps cover
   * what it missed meanwhile). */
  async listen(connectionString: string | undefined): Promise<void> {
    this.#listener = new ReconnectingListener({
      connectionString,
      channel: CHANGES_CHANNEL,
      onPayload: (payload) => {
        try {
          const change = JSON.parse(payload ?? '{}') as CommitChange & { from?: string };
          if (change.from === this.#instance) return;
          this.#listeners.notify({ collections: change.collections });
        } catch {
          // Not ours: ignore.
        }
      },
    });
    await this.#listener.start();
  }

  async close(): Promise<void> {
    await this.#listener?.close();
  }

  #payload(changed: ChangedIds): string {
    const full = JSON.stringify({ from: this.#instance, ...changeOf(changed) });
    if (full.length <= MAX_PAYLOAD) return full;
    return JSON.stringify({
      from: this.#instance,
      collections: Object.fromEntries([...changed.keys()].map((name) => [name, []])),
    });
  }
}
