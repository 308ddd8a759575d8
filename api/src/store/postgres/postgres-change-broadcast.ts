import { randomUUID } from 'node:crypto';
import type { CommitChange } from '../../ports/store.js';
import type { CommitListeners } from '../commit-listeners.js';
import { commitNotice, readCommitNotice } from './commit-notice.js';
import type { Run } from './postgres-collection.js';
import { ReconnectingListener } from './reconnecting-listener.js';

const CHANGES_CHANNEL = 'sm_store_changes';

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

  /** Announces `change` to the other instances (bounded: commit-notice.ts); run inside the transaction that made it. */
  async announce(run: Run, change: CommitChange): Promise<void> {
    await run('SELECT pg_notify($1, $2)', [CHANGES_CHANNEL, commitNotice(this.#instance, change)]);
  }

  /** Hears the commits of other instances; it opens itself again after a server restart (the workers' sweeps cover
   * what it missed meanwhile). */
  async listen(connectionString: string | undefined): Promise<void> {
    this.#listener = new ReconnectingListener({
      connectionString,
      channel: CHANGES_CHANNEL,
      onPayload: (payload) => {
        const notice = readCommitNotice(payload);
        if (notice && notice.from !== this.#instance)
          this.#listeners.notify({ ...notice.change, byOtherInstance: true });
      },
    });
    await this.#listener.start();
  }

  async close(): Promise<void> {
    await this.#listener?.close();
  }
}
