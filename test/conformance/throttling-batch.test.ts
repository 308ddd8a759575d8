import {
  BatchRequestContent,
  BatchResponseContent,
  RetryHandlerOptions,
} from '@microsoft/microsoft-graph-client';
import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest';
import { eventually, openGraphTarget, type GraphTarget } from '../support/emulator-graph-target.js';
import { announceTarget, emulatorOnly, itMatchesTheSchemas } from '../support/emulator-conformance.js';

type GraphErrorBody = { error: { code: string; message: string; innerError: Record<string, string> } };

announceTarget('throttling-batch');

// docs/graph-behaviour.md §7 and cases C13-C14, plus the fault injector. Emulator only: these need the control API.
describe.skipIf(emulatorOnly())('Graph throttling, faults and JSON batching', () => {
  let t: GraphTarget;
  let inbox: string;
  beforeAll(async () => {
    t = await openGraphTarget();
    inbox = `/users/${t.mailbox}/mailFolders/inbox/messages`;
  });
  afterEach(async () => {
    await t.emulator!.control('DELETE', '/faults');
  });
  afterAll(() => t.close());

  const stats = async (): Promise<{
    throttled429: number;
    faultsInjected: number;
    throttleInFlight: Record<string, number>;
    requests: { byOperation: Record<string, number>; byMailbox: Record<string, number> };
  }> => (await (await t.emulator!.control('GET', '/stats')).json()) as never;

  it('C13: over 4 concurrent requests to one mailbox, the rest get 429 ApplicationThrottled with Retry-After', async () => {
    // Long latency holds the first four in flight; the stats say when they are, so load cannot blur the test.
    await t.emulator!.control('POST', '/faults', { throttle: true, latencyMs: 3_000, retryAfterSec: 1 });
    const before = (await stats()).throttled429;
    const first = Array.from({ length: 4 }, () => t.fetchGraph(inbox));
    await eventually(
      async () => (Object.values((await stats()).throttleInFlight).includes(4) ? true : undefined),
      15_000,
      'four requests in flight',
    );
    const rest = await Promise.all(Array.from({ length: 4 }, () => t.fetchGraph(inbox)));
    expect(rest.map((r) => r.status)).toEqual([429, 429, 429, 429]);
    expect(rest[0]!.headers.get('retry-after')).toBe('1');
    const body = (await rest[0]!.json()) as GraphErrorBody;
    expect(body.error).toMatchObject({
      code: 'ApplicationThrottled',
      message: 'Application is over its MailboxConcurrency limit.',
    });
    expect((await Promise.all(first)).map((r) => r.status)).toEqual([200, 200, 200, 200]);
    expect((await stats()).throttled429 - before).toBe(4);
  });

  it('C13: the request budget per app and mailbox runs out too, and only for that mailbox', async () => {
    await t.emulator!.control('POST', '/faults', { throttle: true, requestsPer10Min: 3 });
    for (let i = 0; i < 3; i += 1) expect((await t.fetchGraph(inbox)).status).toBe(200);
    expect((await t.fetchGraph(inbox)).status).toBe(429);
    expect((await t.fetchGraph('/users/agent@contoso.test/mailFolders/inbox/messages')).status).toBe(200);
  });

  it('injects faults by rate: 503 with Retry-After, 504 with an HTML body, a reset connection, an expired token', async () => {
    const expectFault = async (
      status: number | 'reset',
      check: (r: Response) => Promise<void>,
    ): Promise<void> => {
      await t.emulator!.control('POST', '/faults', { rate: 1, statuses: [status], retryAfterSec: 7 });
      if (status === 'reset') {
        await expect(t.fetchGraph(inbox)).rejects.toThrow();
        return;
      }
      await check(await t.fetchGraph(inbox));
    };
    await expectFault(503, async (r) => {
      expect([r.status, r.headers.get('retry-after')]).toEqual([503, '7']);
      expect(((await r.json()) as GraphErrorBody).error.code).toBe('ServiceUnavailable');
    });
    await expectFault(504, async (r) => {
      expect(r.status).toBe(504);
      expect(r.headers.get('content-type')).toContain('text/html');
      expect(await r.text()).toContain('504 Gateway Time-out');
    });
    await expectFault(401, async (r) => {
      expect(r.status).toBe(401);
      expect(((await r.json()) as GraphErrorBody).error).toMatchObject({
        code: 'InvalidAuthenticationToken',
        message: 'Lifetime validation failed, the token is expired.',
      });
    });
    await expectFault('reset', async () => undefined);
    await t.emulator!.control('DELETE', '/faults');
    expect((await t.fetchGraph(inbox)).status).toBe(200);
  });

  it('scripted faults hit matching requests a set number of times; the SDK RetryHandler rides out a 429', async () => {
    await t.emulator!.control('POST', '/faults', {
      script: [
        {
          method: 'GET',
          path: '/v1.0/users/*/mailFolders/inbox/messages',
          status: 429,
          times: 1,
          retryAfterSec: 0,
        },
      ],
    });
    const response = (await t.graph
      .api(inbox)
      .middlewareOptions([new RetryHandlerOptions(0, 3)])
      .get()) as { value: unknown[] };
    expect(response.value).toBeDefined();
    expect((await stats()).faultsInjected).toBeGreaterThanOrEqual(1);
    expect((await t.fetchGraph(inbox)).status).toBe(200);
  });

  it('adds latency to every request when asked', async () => {
    await t.emulator!.control('POST', '/faults', { latencyMs: 250 });
    const started = Date.now();
    expect((await t.fetchGraph(inbox)).status).toBe(200);
    expect(Date.now() - started).toBeGreaterThanOrEqual(250);
  });

  it('C14: a $batch of 20 comes back 200 overall with inner 429s (Retry-After inside), which the SDK leaves to the caller', async () => {
    await t.emulator!.control('POST', '/faults', { throttle: true, latencyMs: 200 });
    const batch = new BatchRequestContent(
      Array.from({ length: 20 }, (_, i) => ({
        id: String(i + 1),
        request: new Request(`${t.graphOrigin}/v1.0${inbox}?$top=1`, { method: 'GET' }),
      })),
    );
    const raw = (await t.graph.api('/$batch').post(await batch.getContent())) as {
      responses: Array<{ id: string; status: number; headers: Record<string, string> }>;
    };
    const content = new BatchResponseContent(raw);
    const statuses = [...content.getResponses().values()].map((r) => r.status);
    expect(statuses).toHaveLength(20);
    expect(statuses.filter((s) => s === 429).length).toBeGreaterThan(0);
    expect(statuses.filter((s) => s === 200).length).toBeGreaterThan(0);
    const throttled = raw.responses.find((r) => r.status === 429)!;
    expect(throttled.headers['retry-after']).toBeDefined();
    expect(new Set(raw.responses.map((r) => r.id))).toEqual(
      new Set(Array.from({ length: 20 }, (_, i) => String(i + 1))),
    );
  });

  it('C14: dependsOn orders steps and a failed dependency gives 424; malformed batches are 400', async () => {
    const folder = (await t.graph
      .api(`/users/${t.mailbox}/mailFolders`)
      .post({ displayName: `batch ${Date.now()}` })) as { id: string };
    const raw = (await t.graph.api('/$batch').post({
      requests: [
        {
          id: '1',
          method: 'POST',
          url: `/users/${t.mailbox}/mailFolders/${folder.id}/messages`,
          headers: { 'Content-Type': 'application/json' },
          body: { subject: 'from batch' },
        },
        {
          id: '2',
          method: 'GET',
          url: `/users/${t.mailbox}/mailFolders/${folder.id}/messages`,
          dependsOn: ['1'],
        },
        { id: '3', method: 'GET', url: `/users/${t.mailbox}/messages/AAMkAGI2THVSAAA=` },
        { id: '4', method: 'GET', url: `/users/${t.mailbox}/mailFolders/inbox`, dependsOn: ['3'] },
      ],
    })) as {
      responses: Array<{ id: string; status: number; body: { value?: unknown[]; error?: { code: string } } }>;
    };
    const byId = new Map(raw.responses.map((r) => [r.id, r]));
    expect(byId.get('1')!.status).toBe(201);
    expect(byId.get('2')).toMatchObject({
      status: 200,
      body: { value: [expect.objectContaining({ subject: 'from batch' })] },
    });
    expect(byId.get('3')!.status).toBe(400);
    expect(byId.get('4')).toMatchObject({ status: 424, body: { error: { code: 'FailedDependency' } } });
    const tooMany = await t.fetchGraph('/$batch', {
      method: 'POST',
      body: JSON.stringify({
        requests: Array.from({ length: 21 }, (_, i) => ({ id: String(i), method: 'GET', url: inbox })),
      }),
    });
    expect(tooMany.status).toBe(400);
    const duplicate = await t.fetchGraph('/$batch', {
      method: 'POST',
      body: JSON.stringify({
        requests: [
          { id: 'a', method: 'GET', url: inbox },
          { id: 'A', method: 'GET', url: inbox },
        ],
      }),
    });
    expect(duplicate.status).toBe(400);
  });

  it('counts requests per operation and mailbox', async () => {
    await t.fetchGraph(inbox);
    const s = await stats();
    expect(s.requests.byOperation['messages.listInFolder']).toBeGreaterThan(0);
    expect(s.requests.byMailbox[t.mailbox]).toBeGreaterThan(0);
  });

  itMatchesTheSchemas(() => t.emulator?.exchanges ?? []);
});
