import pg from 'pg';

/**
 * One connection LISTENing on a channel that opens itself again, every `retryMs`, whenever it drops or cannot
 * connect (a server restart, a failover): notifications sent while it was away are lost, which is why every wake
 * carried on one is also covered by a sweep.
 */
export class ReconnectingListener {
  readonly #config: pg.ClientConfig;
  readonly #channel: string;
  readonly #onPayload: (payload: string | undefined) => void;
  readonly #retryMs: number;
  #client: pg.Client | undefined;
  #closed = false;

  constructor(options: {
    connectionString: string | undefined;
    applicationName?: string;
    channel: string;
    onPayload: (payload: string | undefined) => void;
    retryMs?: number;
  }) {
    this.#config = {
      ...(options.connectionString ? { connectionString: options.connectionString } : {}),
      ...(options.applicationName ? { application_name: options.applicationName } : {}),
    };
    this.#channel = options.channel;
    this.#onPayload = options.onPayload;
    this.#retryMs = options.retryMs ?? 1_000;
  }

  /** Rejects when the first attempt fails; it keeps trying in the background all the same. */
  start(): Promise<void> {
    return this.#open();
  }

  async close(): Promise<void> {
    this.#closed = true;
    await this.#client?.end().catch(() => undefined);
  }

  async #open(): Promise<void> {
    if (this.#closed) return;
    const client = new pg.Client(this.#config);
    let isLost = false;
    const reopen = () => {
      if (isLost) return;
      isLost = true;
      void client.end().catch(() => undefined);
      if (!this.#closed) setTimeout(() => void this.#open().catch(() => undefined), this.#retryMs).unref();
    };
    client.on('error', reopen);
    client.on('end', reopen);
    client.on('notification', (message) => this.#onPayload(message.payload));
    try {
      await client.connect();
      await client.query(`LISTEN ${this.#channel}`);
    } catch (error) {
      reopen();
      throw error;
    }
    this.#client = client;
    // Closed while connecting: this one was never seen by close().
    if (this.#closed) await client.end().catch(() => undefined);
  }
}
