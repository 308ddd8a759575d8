import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { createGraphMailClient, type GraphMailClient } from '../../api/src/graph/graph-mail-client.js';
import type { GraphConfig } from '../../api/src/graph/graph-config.js';
import { GraphError } from '../../api/src/ports/graph-error.js';
import { DEMO_TENANT_ID, SERVICE_MAILBOX } from '../../emulator/src/index.js';
import { startTestEmulator, type TestEmulator } from '../support/emulator.js';

// The graph/ client against the emulator, on the client-side cases of docs/graph-behaviour.md: immutable ids on every request (C5),
// Retry-After honoured (C13), one token refresh on 401 (C24), Entra errors mapped (C25), at most 4 in flight.

let emulator: TestEmulator;
let config: GraphConfig;

beforeAll(async () => {
  emulator = await startTestEmulator({ throttle: true });
  config = { mode: 'emulator', baseUrl: emulator.url, authorityHost: emulator.authorityHost };
});
afterAll(() => emulator.close());
beforeEach(async () => {
  await emulator.control('DELETE', '/faults');
  emulator.exchanges.length = 0;
});

function client(secret = emulator.mailApp.clientSecret, mailbox = SERVICE_MAILBOX): GraphMailClient {
  return createGraphMailClient(
    { tenantId: DEMO_TENANT_ID, clientId: emulator.mailApp.clientId, userPrincipalName: mailbox },
    secret,
    config,
  );
}

async function deliver(subject: string): Promise<{ id: string; immutableId: string }> {
  const res = await emulator.control('POST', `/mailboxes/${SERVICE_MAILBOX}/messages?folder=inbox`, {
    subject,
    from: { emailAddress: { address: 'ann@fabrikam.test' } },
    toRecipients: [{ emailAddress: { address: SERVICE_MAILBOX } }],
    body: { contentType: 'text', content: 'hello' },
  });
  expect(res.status).toBe(201);
  return (await res.json()) as { id: string; immutableId: string };
}

describe('graph client', () => {
  it('sends Prefer: IdType="ImmutableId" on every request, so ids survive a move (C4, C5)', async () => {
    const graph = client();
    const sent = await deliver('immutable');
    const list = await graph.get<{ value: Array<{ id: string; subject: string }> }>(
      `${graph.userPath}/mailFolders/inbox/messages`,
      { query: { $select: 'subject' } },
    );
    const listed = list.value.find((m) => m.subject === 'immutable');
    expect(listed?.id).toBe(sent.immutableId);
    const moved = await graph.post<{ id: string }>(`${graph.userPath}/messages/${sent.immutableId}/move`, {
      destinationId: 'archive',
    });
    expect(moved?.id).toBe(sent.immutableId);
  });

  it('waits out a 429 Retry-After before the retry, and then succeeds (C13)', async () => {
    const graph = client();
    await emulator.control('POST', '/faults', {
      script: [{ path: '/v1.0/users/*/mailFolders/*', status: 429, times: 1, retryAfterSec: 1 }],
    });
    const started = Date.now();
    const folder = await graph.get<{ id: string }>(`${graph.userPath}/mailFolders/inbox`);
    expect(folder.id).toBeTruthy();
    const statuses = emulator.exchanges.filter((e) => e.path.includes('/mailFolders/')).map((e) => e.status);
    expect(statuses).toEqual([429, 200]);
    expect(Date.now() - started).toBeGreaterThanOrEqual(1000);
  });

  it('retries 503 and 504 gateway pages and dropped connections on reads', async () => {
    const graph = client();
    await emulator.control('POST', '/faults', {
      retryAfterSec: 0,
      script: [
        { path: '/v1.0/users/*/mailFolders/*', status: 503, times: 1, retryAfterSec: 0 },
        { path: '/v1.0/users/*/mailFolders/*', status: 504, times: 1 },
        { path: '/v1.0/users/*/mailFolders/*', status: 'reset', times: 1 },
      ],
    });
    const folder = await graph.get<{ displayName: string }>(`${graph.userPath}/mailFolders/inbox`);
    expect(folder.displayName).toBe('Inbox');
  });

  it('gives up past its patience with a GraphError that says how long to wait', async () => {
    const graph = createGraphMailClient(
      { tenantId: DEMO_TENANT_ID, clientId: emulator.mailApp.clientId, userPrincipalName: SERVICE_MAILBOX },
      emulator.mailApp.clientSecret,
      { ...config, maxRetryAfterMs: 500 },
    );
    await emulator.control('POST', '/faults', {
      script: [{ path: '/v1.0/users/*/mailFolders/*', status: 429, times: 1, retryAfterSec: 30 }],
    });
    const error = await graph.get(`${graph.userPath}/mailFolders/inbox`).catch((e: unknown) => e);
    expect(error).toBeInstanceOf(GraphError);
    expect(error).toMatchObject({ status: 429, retryAfterMs: 30_000 });
  });

  it('refreshes the token once on 401 and carries on (C24)', async () => {
    const graph = client();
    await graph.get(`${graph.userPath}/mailFolders/inbox`);
    const tokensBefore = (
      (await (await emulator.control('GET', '/stats')).json()) as { tokensIssued: { app: number } }
    ).tokensIssued.app;
    expect((await emulator.control('POST', '/tokens/expire')).status).toBe(204);
    const folder = await graph.get<{ displayName: string }>(`${graph.userPath}/mailFolders/inbox`);
    expect(folder.displayName).toBe('Inbox');
    const tokensAfter = (
      (await (await emulator.control('GET', '/stats')).json()) as { tokensIssued: { app: number } }
    ).tokensIssued.app;
    expect(tokensAfter).toBe(tokensBefore + 1);
  });

  it('reports a 401 that survives a fresh token as re-authorisation required', async () => {
    const graph = client();
    await emulator.control('POST', '/faults', {
      script: [{ path: '/v1.0/users/*/mailFolders/*', status: 401, times: 2 }],
    });
    const error = await graph.get(`${graph.userPath}/mailFolders/inbox`).catch((e: unknown) => e);
    expect(error).toMatchObject({
      status: 401,
      code: 'InvalidAuthenticationToken',
      reauthorisationRequired: true,
    });
  });

  it('maps a wrong secret to Entra invalid_client 7000215, and never retries it (C25)', async () => {
    const graph = client('not-the-secret');
    const error = await graph.get(`${graph.userPath}/mailFolders/inbox`).catch((e: unknown) => e);
    expect(error).toBeInstanceOf(GraphError);
    expect(error).toMatchObject({ source: 'entra', code: 'invalid_client', aadsts: 7000215 });
    expect(emulator.exchanges.filter((e) => e.path.includes('/mailFolders/'))).toHaveLength(0);
  });

  it('maps a mailbox without Exchange and an unknown mailbox to distinct 404 codes (C24)', async () => {
    const unlicensed = await client(undefined, 'unlicensed@contoso.test')
      .get('/users/unlicensed%40contoso.test/mailFolders/inbox')
      .catch((e: unknown) => e);
    expect(unlicensed).toMatchObject({ status: 404, code: 'MailboxNotEnabledForRESTAPI' });
    const nobody = await client(undefined, 'nobody@contoso.test')
      .get('/users/nobody%40contoso.test/mailFolders/inbox')
      .catch((e: unknown) => e);
    expect(nobody).toMatchObject({ status: 404 });
    expect((nobody as GraphError).code).not.toBe('MailboxNotEnabledForRESTAPI');
  });

  it('keeps at most 4 requests in flight per mailbox, so Outlook never throttles concurrency (C13)', async () => {
    await emulator.control('POST', '/faults', { latencyMs: 50 });
    const graph = client();
    const other = client();
    await Promise.all(
      Array.from({ length: 24 }, (_, i) =>
        (i % 2 ? graph : other).get(`${graph.userPath}/mailFolders/inbox`),
      ),
    );
    expect(emulator.exchanges.filter((e) => e.status === 429)).toHaveLength(0);
  });

  it('runs a $batch as one chain and resends inner 429s (C14)', async () => {
    const graph = client();
    const a = await deliver('batch a');
    const b = await deliver('batch b');
    await emulator.control('POST', '/faults', {
      script: [
        { method: 'PATCH', path: '/v1.0/users/*/messages/*', status: 429, times: 1, retryAfterSec: 0 },
      ],
    });
    const results = await graph.batch(
      [a, b].map((m, i) => ({
        id: String(i),
        method: 'PATCH',
        url: `${graph.userPath}/messages/${m.immutableId}`,
        body: { isRead: true },
      })),
    );
    expect(results.map((r) => r.status)).toEqual([200, 200]);
  });
});
