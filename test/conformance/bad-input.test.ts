import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { openGraphTarget, type GraphTarget } from '../support/emulator-graph-target.js';
import { announceTarget, emulatorOnly } from '../support/emulator-conformance.js';

announceTarget('bad-input');

type Case = {
  name: string;
  method?: string;
  path: string;
  body?: string;
  headers?: Record<string, string>;
  status: number;
  code?: string;
};

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
  const cases = (): Case[] => [
    { name: 'unparseable $filter', path: `${inbox()}?$filter=isRead eq`, status: 400, code: 'BadRequest' },
    {
      name: 'unterminated string in $filter',
      path: `${inbox()}?$filter=subject eq 'open`,
      status: 400,
      code: 'BadRequest',
    },
    {
      name: 'type mismatch in $filter',
      path: `${inbox()}?$filter=isRead eq 'yes'`,
      status: 400,
      code: 'BadRequest',
    },
    {
      name: 'unknown property in $filter',
      path: `${inbox()}?$filter=colour eq 'red'`,
      status: 400,
      code: 'BadRequest',
    },
    {
      name: 'lambda over recipients',
      path: `${inbox()}?$filter=toRecipients/any(r:r/emailAddress/address eq 'a@b.c')`,
      status: 400,
      code: 'ErrorInvalidUrlQueryFilter',
    },
    {
      name: 'orderby not leading the filter',
      path: `${inbox()}?$filter=isRead eq false&$orderby=receivedDateTime`,
      status: 400,
      code: 'InefficientFilter',
    },
    { name: 'unknown query option', path: `${inbox()}?$foo=1`, status: 400, code: 'BadRequest' },
    { name: '$top over 1000', path: `${inbox()}?$top=1001`, status: 400, code: 'ErrorInvalidUrlQuery' },
    { name: '$top not a number', path: `${inbox()}?$top=ten`, status: 400, code: 'BadRequest' },
    { name: 'unknown $select property', path: `${inbox()}?$select=colour`, status: 400, code: 'BadRequest' },
    { name: 'unknown $expand', path: `${inbox()}?$expand=colour`, status: 400, code: 'BadRequest' },
    {
      name: 'malformed $orderby',
      path: `${inbox()}?$orderby=subject sideways`,
      status: 400,
      code: 'BadRequest',
    },
    {
      name: '$search (not emulated)',
      path: `${inbox()}?$search="printer"`,
      status: 501,
      code: 'NotImplemented',
    },
    {
      name: 'unknown user',
      path: '/users/nobody@contoso.test/messages',
      status: 404,
      code: 'ErrorInvalidUser',
    },
    {
      name: 'user without a mailbox',
      path: '/users/unlicensed@contoso.test/messages',
      status: 404,
      code: 'MailboxNotEnabledForRESTAPI',
    },
    { name: '/me with an app token', path: '/me/messages', status: 400, code: 'BadRequest' },
    {
      name: 'folder name that is no well-known name',
      path: `/users/${mb}/mailFolders/nosuchfolder/messages`,
      status: 400,
      code: 'ErrorInvalidIdMalformed',
    },
    {
      name: 'folder id of another mailbox',
      path: `/users/${mb}/mailFolders/${foreignFolderId}/messages`,
      status: 404,
      code: 'ErrorItemNotFound',
    },
    {
      name: 'malformed message id',
      path: `/users/${mb}/messages/not-an-id`,
      status: 400,
      code: 'ErrorInvalidIdMalformed',
    },
    {
      name: 'message id of another mailbox',
      path: `/users/${mb}/messages/${foreignMessageId}`,
      status: 404,
      code: 'ErrorItemNotFound',
    },
    { name: 'bad percent-encoding', path: `/users/${mb}/messages/%E0%A4%A`, status: 400, code: 'BadRequest' },
    {
      name: 'no Authorization header',
      path: inbox(),
      headers: { authorization: '' },
      status: 401,
      code: 'InvalidAuthenticationToken',
    },
    {
      name: 'token for another audience',
      path: inbox(),
      headers: { authorization: `Bearer ${userToken}` },
      status: 401,
      code: 'InvalidAuthenticationToken',
    },
    {
      name: 'body over 4 MB',
      method: 'POST',
      path: `/users/${mb}/sendMail`,
      body: JSON.stringify({ message: { subject: 'x'.repeat(4_300_000) } }),
      status: 413,
    },
    {
      name: 'invalid JSON',
      method: 'POST',
      path: `/users/${mb}/messages`,
      body: '{"subject": ',
      status: 400,
      code: 'BadRequest',
    },
    {
      name: 'unknown message property',
      method: 'POST',
      path: `/users/${mb}/messages`,
      body: '{"colour":"red"}',
      status: 400,
      code: 'RequestBodyRead',
    },
    {
      name: 'wrong property type',
      method: 'POST',
      path: `/users/${mb}/messages`,
      body: '{"subject":5}',
      status: 400,
      code: 'RequestBodyRead',
    },
    {
      name: 'non-x- header on a draft',
      method: 'POST',
      path: `/users/${mb}/messages`,
      body: '{"internetMessageHeaders":[{"name":"References","value":"<a@b>"}]}',
      status: 400,
      code: 'InvalidInternetMessageHeader',
    },
    {
      name: 'changing the subject of received mail',
      method: 'PATCH',
      path: `/users/${mb}/messages/${receivedId}`,
      body: '{"subject":"changed"}',
      status: 400,
      code: 'ErrorInvalidPropertyUpdateSentMessage',
    },
    {
      name: 'stale If-Match',
      method: 'PATCH',
      path: `/users/${mb}/messages/${receivedId}`,
      body: '{"isRead":true}',
      headers: { 'if-match': 'W/"CQAAABYAAAstale"' },
      status: 412,
      code: 'ErrorIrresolvableConflict',
    },
    {
      name: 'move to a malformed folder id',
      method: 'POST',
      path: `/users/${mb}/messages/${receivedId}/move`,
      body: '{"destinationId":"nowhere"}',
      status: 400,
      code: 'ErrorInvalidIdMalformed',
    },
    {
      name: 'sendMail without recipients',
      method: 'POST',
      path: `/users/${mb}/sendMail`,
      body: '{"message":{"subject":"x"}}',
      status: 400,
      code: 'ErrorInvalidRecipients',
    },
    { name: 'empty $batch', method: 'POST', path: '/$batch', body: '{}', status: 400, code: 'BadRequest' },
    {
      name: 'subscription without fields',
      method: 'POST',
      path: '/subscriptions',
      body: '{}',
      status: 400,
      code: 'InvalidRequest',
    },
    {
      name: 'a resource the emulator does not implement',
      path: `/users/${mb}/calendar/events`,
      status: 501,
      code: 'NotImplemented',
    },
    { name: 'a method the resource does not take', method: 'PUT', path: inbox(), body: '{}', status: 405 },
  ];

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
