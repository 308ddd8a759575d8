import { execFile } from 'node:child_process';
import { mkdtempSync, rmSync, copyFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { promisify } from 'node:util';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import {
  startEmulator,
  DEMO_TENANT_ID,
  SERVICE_DESK_MAIL_CLIENT_ID,
  SERVICE_MESSAGING_CLIENT_ID,
} from '../../emulator/src/index.js';
import { startTestEmulator, type TestEmulator } from '../support/emulator.js';
import { testCaDir, testSigningKeysFile } from '../support/emulator-ca.js';
import { eventually } from '../support/emulator-graph-target.js';
import { announceTarget, emulatorOnly, itMatchesTheSchemas } from '../support/emulator-conformance.js';

type Listed = {
  value: Array<
    Record<string, unknown> & {
      id: string;
      subject: string;
      internetMessageId: string;
      conversationId: string;
      body: { content: string };
      internetMessageHeaders: Array<{ name: string; value: string }>;
      attachments: unknown[];
    }
  >;
};

announceTarget('control-api');
const run = promisify(execFile);

// The control API is a public contract (issue 3); these are its paths, exactly.
describe.skipIf(emulatorOnly())('control API, snapshot and demo CLI', () => {
  let emu: TestEmulator;
  beforeAll(async () => {
    emu = await startTestEmulator();
  });
  afterAll(() => emu.close());

  const list = async (address: string, folder: string): Promise<Listed['value']> =>
    ((await (await emu.control('GET', `/mailboxes/${address}/messages?folder=${folder}`)).json()) as Listed)
      .value;

  it("GET /_emulator/tenant describes the seeded tenant with the fixed ids and the mail app's secret", async () => {
    const tenant = (await (await emu.control('GET', '/tenant')).json()) as typeof emu.tenant;
    expect(tenant.tenantId).toBe(DEMO_TENANT_ID);
    expect(tenant.domains).toEqual(['contoso.test']);
    expect(tenant.apps).toEqual([
      {
        name: 'Service Messaging',
        clientId: SERVICE_MESSAGING_CLIENT_ID,
        clientSecret: null,
        roles: ['ServiceDesk.Admin', 'ServiceDesk.Agent'],
      },
      {
        name: 'Service Desk Mail',
        clientId: SERVICE_DESK_MAIL_CLIENT_ID,
        clientSecret: expect.stringMatching(/^.{3}\dQ~.{30,}$/),
        roles: ['Mail.ReadWrite', 'Mail.Send'],
      },
    ]);
    expect(tenant.users.map((u) => u.userPrincipalName)).toEqual(
      expect.arrayContaining(['admin@contoso.test', 'agent@contoso.test', 'support@contoso.test']),
    );
    expect(tenant.mailboxes).toEqual(
      expect.arrayContaining(['support@contoso.test', 'admin@contoso.test', 'agent@contoso.test']),
    );
  });

  it('POST /_emulator/mailboxes/{address}/messages takes raw MIME and computes what Exchange computes', async () => {
    const mime = [
      'From: Alex Johnson <alex@fabrikam.test>',
      'To: support@contoso.test',
      'Subject: No Message-ID here',
      'Content-Type: multipart/mixed; boundary="b"',
      '',
      '--b',
      'Content-Type: text/plain',
      '',
      'Hello desk.',
      '--b',
      'Content-Type: application/pdf; name="a.pdf"',
      'Content-Disposition: attachment; filename="a.pdf"',
      'Content-Transfer-Encoding: base64',
      '',
      'JVBERi0xLjQ=',
      '--b--',
      '',
    ].join('\r\n');
    const res = await emu.control(
      'POST',
      '/mailboxes/support@contoso.test/messages?folder=inbox',
      mime,
      'message/rfc822',
    );
    expect(res.status).toBe(201);
    const created = (await res.json()) as { id: string; internetMessageId: string; conversationId: string };
    expect(created.internetMessageId).toMatch(/^<.+@.+>$/);
    expect(created.conversationId).toMatch(/^AAQk/);
    const [listed] = await list('support@contoso.test', 'inbox');
    expect(listed).toMatchObject({
      id: created.id,
      subject: 'No Message-ID here',
      hasAttachments: true,
      bodyPreview: 'Hello desk.',
      isRead: false,
    });
    expect(listed!.attachments).toMatchObject([{ name: 'a.pdf', contentType: 'application/pdf' }]);
    expect(listed!.internetMessageHeaders).toContainEqual({ name: 'Subject', value: 'No Message-ID here' });
    const raw = await (
      await emu.control('GET', `/mailboxes/support@contoso.test/messages/${created.id}/$value`)
    ).text();
    expect(raw).toContain(`Message-ID: ${created.internetMessageId}`);
  });

  it('takes a Graph message as JSON, lists newest first, and any customer-domain address accepts delivery', async () => {
    for (const subject of ['older', 'newer']) {
      expect(
        (
          await emu.control('POST', '/mailboxes/someone.new@fabrikam.test/messages', {
            subject,
            body: { contentType: 'text', content: subject },
          })
        ).status,
      ).toBe(201);
    }
    expect((await list('someone.new@fabrikam.test', 'inbox')).map((m) => m.subject)).toEqual([
      'newer',
      'older',
    ]);
    expect(
      (await emu.control('POST', '/mailboxes/stranger@example.org/messages', { subject: 'x' })).status,
    ).toBe(404);
  });

  it('faults, stats and reset', async () => {
    expect(
      await (await emu.control('POST', '/faults', { latencyMs: 5, rate: 0.2, statuses: [429, 503] })).json(),
    ).toMatchObject({ latencyMs: 5, rate: 0.2 });
    expect(await (await emu.control('GET', '/faults')).json()).toMatchObject({ latencyMs: 5 });
    expect(await (await emu.control('DELETE', '/faults')).json()).toMatchObject({ latencyMs: 0, rate: 0 });
    const stats = (await (await emu.control('GET', '/stats')).json()) as {
      requests: { total: number };
      notifications: Record<string, number>;
    };
    expect(stats.requests.total).toBeGreaterThan(0);
    expect(stats.notifications).toHaveProperty('delivered');
    expect((await emu.control('POST', '/reset')).status).toBe(204);
    expect(await list('support@contoso.test', 'inbox')).toEqual([]);
  });

  it('keeps mailboxes, keys and the secret across restarts with snapshot: true; seeds the demo inbox once', async () => {
    const dataDir = mkdtempSync(join(tmpdir(), 'm365-snapshot-'));
    copyFileSync(testSigningKeysFile, join(dataDir, 'signing-keys.json'));
    try {
      const first = await startEmulator({ port: 0, dataDir, caDir: testCaDir, snapshot: true, seed: true });
      const secret = first.tenant.apps.find((a) => a.clientSecret)!.clientSecret;
      await fetch(`${first.url}/_emulator/mailboxes/support@contoso.test/messages`, {
        method: 'POST',
        headers: { 'content-type': 'application/json' },
        body: JSON.stringify({ subject: 'Keep me' }),
      });
      await first.close();
      const second = await startEmulator({ port: 0, dataDir, caDir: testCaDir, snapshot: true, seed: true });
      try {
        expect(second.tenant.apps.find((a) => a.clientSecret)!.clientSecret).toBe(secret);
        const inbox = (
          (await (
            await fetch(`${second.url}/_emulator/mailboxes/support@contoso.test/messages?folder=inbox`)
          ).json()) as Listed
        ).value;
        expect(inbox.map((m) => m.subject)).toEqual(['Keep me', 'Printer on the 3rd floor keeps jamming']);
      } finally {
        await second.close();
      }
    } finally {
      rmSync(dataDir, { recursive: true, force: true });
    }
  });

  it('npm run demo:reply composes an Outlook reply to the last desk email about the SR and delivers it', async () => {
    const graphToken = await fetch(`${emu.url}/${DEMO_TENANT_ID}/oauth2/v2.0/token`, {
      method: 'POST',
      body: new URLSearchParams({
        grant_type: 'client_credentials',
        client_id: emu.mailApp.clientId,
        client_secret: emu.mailApp.clientSecret,
        scope: 'https://graph.microsoft.com/.default',
      }),
    });
    const { access_token } = (await graphToken.json()) as { access_token: string };
    const marker = '#EC_ID# SR-000123.K7QH2 — reply above this line';
    const sent = await fetch(`${emu.url}/v1.0/users/support@contoso.test/sendMail`, {
      method: 'POST',
      headers: { authorization: `Bearer ${access_token}`, 'content-type': 'application/json' },
      body: JSON.stringify({
        message: {
          subject: '[SR-000123] Printer jam',
          body: {
            contentType: 'HTML',
            content: `<p>Dear Alex, a technician is on the way.</p><p>${marker}</p>`,
          },
          toRecipients: [{ emailAddress: { name: 'Alex Johnson', address: 'alex@fabrikam.test' } }],
        },
      }),
    });
    expect(sent.status).toBe(202);
    const original = await eventually(
      async () => (await list('support@contoso.test', 'sentitems'))[0],
      5_000,
      'the sent copy',
    );
    const cli = join(process.cwd(), 'emulator/src/cli/demo-reply.ts');
    const env = { ...process.env, EMULATOR_URL: emu.url, EMULATOR_CA_FILE: emu.caCertFile };
    const { stdout } = await run(
      process.execPath,
      ['--import', 'tsx', cli, 'SR-000123', 'Thanks, it works again!'],
      { env },
    );
    expect(stdout).toContain('Delivered to support@contoso.test');
    const [reply] = await list('support@contoso.test', 'inbox');
    expect(reply).toMatchObject({
      subject: 'RE: [SR-000123] Printer jam',
      from: { emailAddress: { address: 'alex@fabrikam.test' } },
      conversationId: original.conversationId,
    });
    expect(reply!.internetMessageHeaders).toContainEqual({
      name: 'In-Reply-To',
      value: original.internetMessageId,
    });
    expect(reply!.body.content).toContain('Thanks, it works again!');
    expect(reply!.body.content).toContain('id="divRplyFwdMsg"');
    expect(reply!.body.content).toContain(marker);
    expect(reply!.body.content.indexOf('Thanks, it works again!')).toBeLessThan(
      reply!.body.content.indexOf('divRplyFwdMsg'),
    );
    await expect(
      run(process.execPath, ['--import', 'tsx', cli, 'SR-999999', 'x'], { env }),
    ).rejects.toMatchObject({ code: 1 });
  });

  itMatchesTheSchemas(() => emu.exchanges);
});
