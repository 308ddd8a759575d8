import { ImapFlow, type MailboxObject } from 'imapflow';
import type { MailAccount } from '../domain/mail-account.js';
import { MailTransportError } from '../ports/mail-transport-error.js';
import type { ImapCredentials } from './imap-credentials.js';
import { transportFailure, type Where } from './imap-failure.js';

// One IMAP connection for a mailbox's syncs, opened on first use and again after it dropped. Commands on it queue in
// ImapFlow; each operation takes the folder's lock, so a UIDVALIDITY read with the lock holds for what runs under it.
// A refused OAuth token earns one retry with a fresh token; refused again, the account needs an admin.

export type ImapEndpoint = { host: string; port: number; secure: boolean; servername?: string };

export function imapEndpoint(account: MailAccount): ImapEndpoint {
  return {
    host: account.incomingHost,
    port: account.incomingPort,
    secure: account.incomingSecurity === 'tls',
  };
}

export async function openImap(
  endpoint: ImapEndpoint,
  credentials: ImapCredentials,
  options: { autoIdleDelay?: number } = {},
): Promise<ImapFlow> {
  const where: Where = {
    protocol: 'IMAP',
    host: endpoint.host,
    port: endpoint.port,
    authMethod: credentials.method,
  };
  for (let attempt = 0; ; attempt++) {
    const client = new ImapFlow({
      host: endpoint.host,
      port: endpoint.port,
      secure: endpoint.secure,
      // Port 143: the credentials never cross the wire before STARTTLS.
      doSTARTTLS: endpoint.secure ? undefined : true,
      auth: await credentials.signIn(),
      logger: false,
      connectionTimeout: 30_000,
      greetingTimeout: 15_000,
      ...(options.autoIdleDelay === undefined
        ? { disableAutoIdle: true }
        : { autoIdleDelay: options.autoIdleDelay }),
    });
    // A dropped connection emits 'error'; the next command fails and is handled there.
    client.on('error', () => undefined);
    try {
      await client.connect();
      return client;
    } catch (error) {
      client.close();
      const failure = transportFailure(error, where);
      if (failure.kind === 'consent' && attempt === 0) {
        credentials.refresh();
        continue;
      }
      throw failure.kind === 'consent'
        ? new MailTransportError('consent', `Re-authorisation required: ${failure.message}`, {
            reauthorisationRequired: true,
            cause: error,
          })
        : failure;
    }
  }
}

export class ImapSession {
  private connecting: Promise<ImapFlow> | undefined;

  constructor(
    private readonly endpoint: ImapEndpoint,
    private readonly credentials: ImapCredentials,
  ) {}

  /** Runs `work` with the folder selected (locked); a dropped connection is closed, so the next call reconnects. */
  async inFolder<T>(path: string, work: (client: ImapFlow, folder: MailboxObject) => Promise<T>): Promise<T> {
    const client = await this.client();
    const where: Where = {
      protocol: 'IMAP',
      ...this.endpoint,
      authMethod: this.credentials.method,
      folder: path,
    };
    let lock;
    try {
      lock = await client.getMailboxLock(path);
    } catch (error) {
      this.dropIfClosed(client);
      throw transportFailure(error, where);
    }
    try {
      return await work(client, client.mailbox as MailboxObject);
    } catch (error) {
      this.dropIfClosed(client);
      throw transportFailure(error, where);
    } finally {
      lock.release();
    }
  }

  async list(): Promise<Array<{ path: string; name: string; delimiter: string; specialUse?: string }>> {
    const client = await this.client();
    try {
      return (await client.list()).map((f) => ({
        path: f.path,
        name: f.name,
        delimiter: f.delimiter,
        ...(f.specialUse ? { specialUse: f.specialUse } : {}),
      }));
    } catch (error) {
      this.dropIfClosed(client);
      throw transportFailure(error, {
        protocol: 'IMAP',
        ...this.endpoint,
        authMethod: this.credentials.method,
      });
    }
  }

  /** Logs out; a connection still being opened is closed when it arrives, without waiting for it. */
  async close(): Promise<void> {
    const pending = this.connecting;
    this.connecting = undefined;
    const closeWhenOpen = pending?.then(
      (client) => client.logout().catch(() => client.close()),
      () => undefined,
    );
    await Promise.race([closeWhenOpen, new Promise((resolve) => setTimeout(resolve, 2_000).unref())]);
  }

  private client(): Promise<ImapFlow> {
    this.connecting ??= openImap(this.endpoint, this.credentials);
    const current = this.connecting;
    return current.then(
      (client) => {
        if (client.usable) return client;
        if (this.connecting === current) this.connecting = undefined;
        return this.client();
      },
      (error: unknown) => {
        if (this.connecting === current) this.connecting = undefined;
        throw error;
      },
    );
  }

  private dropIfClosed(client: ImapFlow): void {
    if (client.usable) return;
    client.close();
  }
}
