import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { openGraphTarget, type GraphTarget } from '../support/emulator-graph-target.js';
import { announceTarget, emulatorOnly } from '../support/emulator-conformance.js';
import { badInputCases, type Case } from './support/bad-input-cases.js';

announceTarget('bad-input');

// The "Bad input": the same status and code Graph returns, never a crash, state unchanged.
describe.skipIf(emulatorOnly())('bad input', () => {
  let t: GraphTarget;
  let mb: string;
  let foreignFolderId: string;
  let foreignMessageId: string;
  let receivedId: string;
  let userToken: string;
  beforeAll(async () => {
    t = await openGraphTarget();
    mb = t.mailbox;
    const control = t.emulator!.control;
    receivedId = (
      (await (
        await control('POST', `/mailboxes/${mb}/messages`, {
          subject: 'Received',
          from: { emailAddress: { address: 'alex@fabrikam.test' } },
        })
      ).json()) as { id: string }
    ).id;
    foreignMessageId = (
      (await (
        await control('POST', '/mailboxes/agent@contoso.test/messages', { subject: 'Elsewhere' })
      ).json()) as { id: string }
    ).id;
    foreignFolderId = (
      (await t.graph.api('/users/agent@contoso.test/mailFolders/inbox').get()) as { id: string }
    ).id;
    userToken = (
      (await (await control('POST', '/tokens/user', { upn: 'admin@contoso.test' })).json()) as {
        access_token: string;
      }
    ).access_token;
  });
  afterAll(() => t.close());

  const inbox = (): string => `/users/${mb}/mailFolders/inbox/messages`;
  const cases = (): Case[] => badInputCases({ mb, foreignFolderId, foreignMessageId, receivedId, userToken });

  it("answers every bad request with Graph's status and code, an innerError, and changes nothing", async () => {
    const snapshot = async (): Promise<string> =>
      JSON.stringify(
        await Promise.all(
          ['inbox', 'sentitems', 'drafts'].map(
            async (f) =>
              (await (
                await t.emulator!.control('GET', `/mailboxes/${mb}/messages?folder=${f}`)
              ).json()) as unknown,
          ),
        ),
      );
    const before = await snapshot();
    for (const c of cases()) {
      const res = await t.fetchGraph(c.path, {
        method: c.method ?? 'GET',
        ...(c.body !== undefined ? { body: c.body } : {}),
        headers: c.headers ?? {},
      });
      expect(res.status, c.name).toBe(c.status);
      const body = (await res.json()) as {
        error: { code: string; message: string; innerError: Record<string, string> };
      };
      if (c.code) expect(body.error.code, c.name).toBe(c.code);
      expect(body.error.message, c.name).toEqual(expect.any(String));
      expect(body.error.innerError['request-id'], c.name).toEqual(res.headers.get('request-id'));
    }
    expect(await snapshot()).toBe(before);
    const stats = (await (await t.emulator!.control('GET', '/stats')).json()) as {
      requests: { byStatus: Record<string, number> };
    };
    expect(stats.requests.byStatus['500']).toBeUndefined();
    expect((await t.fetchGraph(inbox())).status).toBe(200);
  });

  it('answers bad token and control requests with their own error shapes, not a crash', async () => {
    const token = await fetch(`${t.emulator!.url}/${t.tenantId}/oauth2/v2.0/token`, {
      method: 'POST',
      body: 'garbage',
    });
    expect(token.status).toBe(400);
    expect(await token.json()).toMatchObject({ error: 'invalid_request' });
    expect(
      (await t.emulator!.control('POST', '/mailboxes/someone@nowhere.test/messages', { subject: 'x' }))
        .status,
    ).toBe(404);
    expect((await t.emulator!.control('POST', '/faults', { rate: 5 })).status).toBe(400);
    expect(
      (await t.emulator!.control('POST', `/mailboxes/${mb}/messages`, 'plain text', 'text/plain')).status,
    ).toBe(415);
    expect((await t.emulator!.control('GET', '/nosuch')).status).toBe(404);
    expect((await t.emulator!.control('GET', '/mailboxes/%E0%A4%A/messages')).status).toBe(400);
    expect((await fetch(`${t.emulator!.url}/%E0%A4%A/v2.0/.well-known/openid-configuration`)).status).toBe(
      400,
    );
  });
});
