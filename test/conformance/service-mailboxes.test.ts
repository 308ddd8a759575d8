import { copyFileSync, mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { DEMO_TENANT_ID, serviceMailboxAddresses, startEmulator } from '../../emulator/src/index.js';
import { startTestEmulator, type TestEmulator } from '../support/emulator.js';
import { testCaDir, testSigningKeysFile } from '../support/emulator-ca.js';
import { announceTarget, emulatorOnly } from '../support/emulator-conformance.js';

announceTarget('service-mailboxes');

// A tenant with many service mailboxes (emulator option serviceMailboxes): what a many-mailbox cluster benchmark
// needs, each mailbox a shared mailbox with its own Outlook throttle that the mail app reaches like support@.
describe.skipIf(emulatorOnly())('a tenant with N service mailboxes', () => {
  let emu: TestEmulator;
  const addresses = serviceMailboxAddresses(10);
  beforeAll(async () => {
    emu = await startTestEmulator({ serviceMailboxes: 10 });
  });
  afterAll(() => emu.close());

  const appToken = async (): Promise<string> => {
    const res = await fetch(`${emu.url}/${DEMO_TENANT_ID}/oauth2/v2.0/token`, {
      method: 'POST',
      body: new URLSearchParams({
        grant_type: 'client_credentials',
        client_id: emu.mailApp.clientId,
        client_secret: emu.mailApp.clientSecret,
        scope: 'https://graph.microsoft.com/.default',
      }),
    });
    return ((await res.json()) as { access_token: string }).access_token;
  };
  const inbox = async (token: string, address: string) =>
    fetch(`${emu.url}/v1.0/users/${address}/mailFolders/inbox/messages?$select=subject`, {
      headers: { authorization: `Bearer ${token}` },
    });

  it('lists support@ and support2@ .. support10@ as shared mailboxes, each with its own mail', async () => {
    expect(addresses).toEqual([
      'support@contoso.test',
      ...[2, 3, 4, 5, 6, 7, 8, 9, 10].map((n) => `support${n}@contoso.test`),
    ]);
    const tenant = (await (await emu.control('GET', '/tenant')).json()) as typeof emu.tenant;
    const shared = tenant.users.filter((u) => u.isSharedMailbox);
    expect(shared.map((u) => u.userPrincipalName)).toEqual(addresses);
    expect(new Set(shared.map((u) => u.id)).size).toBe(10);
    expect(tenant.mailboxes).toEqual(expect.arrayContaining(addresses));
    expect(
      (
        await emu.control('POST', '/mailboxes/support7@contoso.test/messages?folder=inbox', {
          subject: 'For seven',
        })
      ).status,
    ).toBe(201);
    const token = await appToken();
    const seven = (await (await inbox(token, 'support7@contoso.test')).json()) as {
      value: { subject: string }[];
    };
    expect(seven.value.map((m) => m.subject)).toEqual(['For seven']);
    const eight = (await (await inbox(token, 'support8@contoso.test')).json()) as { value: unknown[] };
    expect(eight.value).toEqual([]);
  });

  it('an Exchange RBAC scope over the service mailboxes reaches every one of them and nothing else', async () => {
    const scoped = await emu.control('PUT', '/app-permissions', {
      entraRoles: [],
      exchangeRoles: [{ role: 'Application Mail.ReadWrite', mailboxes: addresses }],
    });
    expect(scoped.status).toBe(200);
    try {
      const token = await appToken();
      for (const address of addresses) expect((await inbox(token, address)).status, address).toBe(200);
      expect((await inbox(token, 'admin@contoso.test')).status).toBe(403);
    } finally {
      await emu.control('DELETE', '/app-permissions');
    }
  });

  it('the default tenant has support@ alone; a count out of range is refused in words', async () => {
    const plain = await startTestEmulator();
    try {
      expect(plain.tenant.users.filter((u) => u.isSharedMailbox).map((u) => u.userPrincipalName)).toEqual([
        'support@contoso.test',
      ]);
    } finally {
      await plain.close();
    }
    for (const count of [0, 51, 2.5]) {
      await expect(startTestEmulator({ serviceMailboxes: count })).rejects.toThrow(
        /serviceMailboxes must be a whole number from 1 to 50/,
      );
    }
  });

  it('a snapshot from a smaller tenant keeps its mail and gains the new mailboxes, empty', async () => {
    const dataDir = mkdtempSync(join(tmpdir(), 'm365-service-mailboxes-'));
    copyFileSync(testSigningKeysFile, join(dataDir, 'signing-keys.json'));
    try {
      const first = await startEmulator({ port: 0, dataDir, caDir: testCaDir, snapshot: true, seed: false });
      await fetch(`${first.url}/_emulator/mailboxes/support@contoso.test/messages`, {
        method: 'POST',
        headers: { 'content-type': 'application/json' },
        body: JSON.stringify({ subject: 'Keep me' }),
      });
      await first.close();
      const second = await startEmulator({
        port: 0,
        dataDir,
        caDir: testCaDir,
        snapshot: true,
        seed: false,
        serviceMailboxes: 3,
      });
      try {
        const list = async (address: string) =>
          (
            (await (
              await fetch(`${second.url}/_emulator/mailboxes/${address}/messages?folder=inbox`)
            ).json()) as { value: { subject: string }[] }
          ).value;
        expect((await list('support@contoso.test')).map((m) => m.subject)).toEqual(['Keep me']);
        expect(await list('support3@contoso.test')).toEqual([]);
      } finally {
        await second.close();
      }
    } finally {
      rmSync(dataDir, { recursive: true, force: true });
    }
  });
});
