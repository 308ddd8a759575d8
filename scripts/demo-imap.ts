import { randomBytes } from 'node:crypto';
import { readFileSync } from 'node:fs';
import { request } from 'node:https';
import { dirname } from 'node:path';
import {
  accountEndpoints,
  mailServersUnavailable,
  startMailServers,
  type MailServers,
} from '../test/support/mail-servers/start-mail-servers.js';

// `DEMO_IMAP=1 npm start`: a second demo mailbox, helpdesk@contoso.test, on IMAP/SMTP against real Dovecot and Postfix
// started on free loopback ports (as the tests start them), beside the Graph one. Needs the Debian packages and root
// (Postfix); without them the demo says why and runs with the Graph mailbox alone.

export const DEMO_IMAP_MAILBOX = 'helpdesk@contoso.test';
const CUSTOMER = 'diego@fabrikam.test';

export type DemoImap = {
  servers: MailServers;
  password: string;
  customerPassword: string;
  accountBody: Record<string, unknown>;
  close(): Promise<void>;
};

export async function startDemoImap(caCertFile: string): Promise<DemoImap | undefined> {
  const unavailable = mailServersUnavailable();
  if (unavailable) {
    console.log(`The IMAP/SMTP demo mailbox is off: ${unavailable}`);
    return undefined;
  }
  const servers = await startMailServers({
    issuer: 'unused',
    audience: 'unused',
    caDir: dirname(caCertFile),
  });
  // Demo passwords are made per run, shown once in the console, and gone when the demo stops.
  const password = randomBytes(9).toString('base64url');
  const customerPassword = randomBytes(9).toString('base64url');
  servers.addUser(DEMO_IMAP_MAILBOX, password);
  servers.addUser(CUSTOMER, customerPassword);
  return {
    servers,
    password,
    customerPassword,
    accountBody: {
      emailAddress: DEMO_IMAP_MAILBOX,
      displayName: 'Contoso Helpdesk (IMAP)',
      ...accountEndpoints(servers),
      authMethod: 'password',
      password,
      serviceMessaging: true,
    },
    close: () => servers.close(),
  };
}

/** Adds the account through the API as the demo admin (the emulator issues the admin's token). */
export async function addDemoImapAccount(
  apiUrl: string,
  emulator: { url: string; caCertFile: string },
  body: Record<string, unknown>,
): Promise<void> {
  const accessToken = await adminToken(emulator);
  const existing = await fetch(`${apiUrl}/api/admin/mail/accounts`, {
    headers: { authorization: `Bearer ${accessToken}` },
  });
  const { items } = (await existing.json()) as { items: Array<{ id: string; emailAddress: string }> };
  const found = items.find((a) => a.emailAddress === DEMO_IMAP_MAILBOX);
  // The ports and password are new each run: update the account a previous run left.
  const res = await fetch(`${apiUrl}/api/admin/mail/accounts${found ? `/${found.id}` : ''}`, {
    method: found ? 'PATCH' : 'POST',
    headers: { authorization: `Bearer ${accessToken}`, 'content-type': 'application/json' },
    body: JSON.stringify(found ? { ...body, emailAddress: undefined } : body),
  });
  if (!res.ok) throw new Error(`The IMAP demo account could not be added: ${res.status} ${await res.text()}`);
}

/** This process does not trust the emulator's CA by default (only the API child is started with it): ask with it. */
function adminToken(emulator: { url: string; caCertFile: string }): Promise<string> {
  return new Promise((resolve, reject) => {
    const req = request(
      `${emulator.url}/_emulator/tokens/user`,
      {
        method: 'POST',
        ca: readFileSync(emulator.caCertFile),
        headers: { 'content-type': 'application/json' },
      },
      (res) => {
        const chunks: Buffer[] = [];
        res.on('data', (c: Buffer) => chunks.push(c));
        res.on('end', () => {
          try {
            resolve(
              (JSON.parse(Buffer.concat(chunks).toString('utf8')) as { access_token: string }).access_token,
            );
          } catch (error) {
            reject(error instanceof Error ? error : new Error(String(error)));
          }
        });
      },
    );
    req.on('error', reject);
    req.end(JSON.stringify({ upn: 'admin@contoso.test' }));
  });
}
