import { ImapFlow } from 'imapflow';
import nodemailer from 'nodemailer';
import { DEMO_TENANT_ID, EXCHANGE_RESOURCE, SERVICE_MAILBOX } from '../../../../emulator/src/index.js';
import {
  mailServersUnavailable,
  accountEndpoints,
  startMailServers,
  type MailServers,
} from '../../../support/mail-servers/start-mail-servers.js';
import { startMailStack, type MailStack, type MailStackOptions } from './mail-stack.js';

// The API (compose, real engine) with support@contoso.test on IMAP/SMTP against real Dovecot and Postfix, signing in
// with XOAUTH2 and app tokens from the emulator's Entra (Dovecot validates them locally against the emulator's keys),
// or with a password. Customers are mailboxes on the same servers, so a test can send as one and read what one got.

export const CUSTOMER = { address: 'diego@fabrikam.test', password: 'customer-pw' };
export const SERVICE_PASSWORD = 'service-pw';

/** Why these tests cannot run on this machine (printed by the suites that skip), or undefined. */
export const imapUnavailable = mailServersUnavailable();

export type ImapStack = MailStack & {
  servers: MailServers;
  /** The account as the API created it (transport imap-smtp). */
  createAccount(fields?: Record<string, unknown>): Promise<string>;
  /** Delivers a message into support's Inbox (IMAP APPEND, as the LMTP delivery would leave it). */
  append(mime: Buffer, folder?: string): Promise<void>;
  /** Sends through Postfix's submission port as the customer. */
  sendAsCustomer(mime: Buffer, to?: string): Promise<void>;
  /** Opens an IMAP session as a user of the test servers. */
  imap(user?: string, password?: string): Promise<ImapFlow>;
};

export async function startImapStack(
  options: MailStackOptions & { messageSizeLimit?: number } = {},
): Promise<ImapStack> {
  const stack = await startMailStack({ notifications: false, ...options, account: false });
  let servers: MailServers | undefined;
  try {
    servers = await startMailServers({
      issuer: `https://sts.windows.net/${DEMO_TENANT_ID}/`,
      audience: EXCHANGE_RESOURCE,
      ...(options.messageSizeLimit ? { messageSizeLimit: options.messageSizeLimit } : {}),
    });
    servers.trustKeys(
      (await (await fetch(`${stack.emulator.url}/${DEMO_TENANT_ID}/discovery/v2.0/keys`)).json()) as {
        keys: Array<Record<string, unknown>>;
      },
    );
    servers.addUser(SERVICE_MAILBOX, SERVICE_PASSWORD);
    servers.addUser(CUSTOMER.address, CUSTOMER.password);
  } catch (error) {
    await stack.close();
    throw error;
  }
  const mailServers = servers;
  const imap = async (user = SERVICE_MAILBOX, password = SERVICE_PASSWORD) => {
    const client = new ImapFlow({
      host: '127.0.0.1',
      port: mailServers.ports.imaps,
      secure: true,
      auth: { user, pass: password },
      logger: false,
    });
    await client.connect();
    return client;
  };
  const result: ImapStack = {
    ...stack,
    servers: mailServers,
    async createAccount(fields = {}) {
      const res = await stack
        .api()
        .post('/api/admin/mail/accounts')
        .set('authorization', `Bearer ${stack.admin}`)
        .send({
          emailAddress: SERVICE_MAILBOX,
          isDefault: true,
          serviceMessaging: true,
          ...accountEndpoints(mailServers),
          authMethod: 'oauth2',
          tenantId: DEMO_TENANT_ID,
          clientId: stack.emulator.mailApp.clientId,
          clientSecret: stack.emulator.mailApp.clientSecret,
          ...fields,
        });
      if (res.status !== 201)
        throw new Error(`Creating the IMAP account failed: ${res.status} ${JSON.stringify(res.body)}`);
      result.accountId = (res.body as { id: string }).id;
      return result.accountId;
    },
    async append(mime, folder = 'INBOX') {
      const client = await imap();
      await client.append(folder, mime);
      await client.logout();
    },
    async sendAsCustomer(mime, to = SERVICE_MAILBOX) {
      const transport = nodemailer.createTransport({
        host: '127.0.0.1',
        port: mailServers.ports.submission,
        requireTLS: true,
        auth: { user: CUSTOMER.address, pass: CUSTOMER.password },
      });
      await transport.sendMail({ envelope: { from: CUSTOMER.address, to: [to] }, raw: mime });
      transport.close();
    },
    imap,
    async close() {
      // Side by side: the servers always stop, and the engine's connections then fail fast instead of waiting.
      await Promise.allSettled([stack.close(), mailServers.close()]);
    },
  };
  return result;
}

/** Unread messages in a user's folder. */
export async function unreadIn(client: ImapFlow, folder = 'INBOX'): Promise<number> {
  const status = await client.status(folder, { unseen: true });
  return status ? (status.unseen ?? 0) : 0;
}
