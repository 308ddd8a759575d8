import { SERVICE_MAILBOX } from '../../emulator/src/index.js';
import { startBenchStack, type BenchStack, type BenchStore, type Exchange } from './bench-stack.js';
import { replyMime } from './reply-mime.js';
import { allRecords } from '../../test/support/store-records.js';

// Figure 3: a backlog of 2,000 unread replies (no attachments) with realistic latency (100 ms a request) and Outlook
// throttling on (4 concurrent requests, 10,000 per 10 minutes per app and mailbox). The engine starts on it the moment
// the account is added; the run ends when every reply is a note and its after-step (mark read) is done.
// Targets: throughput >= 90% of what the throttle allows, <= 1.2 Graph requests per reply, no unhonoured 429.

export async function backlog(
  caDir: string,
  replies = 2_000,
  store: BenchStore = 'lowdb',
  latencyMs = 100,
): Promise<Record<string, unknown>> {
  const knobs = { maxConcurrentPerMailbox: 4, requestsPer10Min: 10_000, retryAfterSec: 2 };
  const stack = await startBenchStack({
    caDir,
    emulator: { latencyMs, throttle: true, knobs },
    env: { MAIL_SWEEP_INTERVAL_SEC: '3600', MAIL_LOOP_LIMIT_PER_HOUR: '100000' },
    notifications: false,
    store,
  });
  try {
    const ids = await stack.createRequests(replies);
    for (let i = 0; i < ids.length; i += 50) {
      const batch = ids.slice(i, i + 50);
      const mimes = await Promise.all(
        batch.map((id) => replyMime(id, stack.runtime.services.ecIdKeyring, `Backlog reply for ${id}.`)),
      );
      for (const mime of mimes) await stack.deliver(mime);
    }
    const calibrated = await calibrate(stack, knobs.maxConcurrentPerMailbox, 400);
    await stack.emulator.clearExchanges();
    const started = Date.now();
    const accountId = await stack.addAccount();
    let notesAt = 0;
    const deadline = started + 30 * 60_000;
    const ledger = stack.runtime.services.store;
    // Polled cheaply (a count, then the still-pending ledger entries), so the bench takes little of the CPU it measures.
    for (;;) {
      const [notes, pending] = await ledger.read(async (tx) => {
        const count = await tx.collection('notes').count();
        return [
          count,
          count < replies
            ? undefined
            : (await tx.collection('processedMessages').pendingAfterStep(accountId, '9999')).length,
        ] as const;
      });
      if (!notesAt && notes >= replies) notesAt = Date.now();
      if (pending === 0) break;
      if (Date.now() > deadline)
        throw new Error(
          `backlog not done after 30 min: ${notes} notes, ${pending ?? 'all'} after-steps pending`,
        );
      await new Promise((resolve) => setTimeout(resolve, 100));
    }
    const seconds = (Date.now() - started) / 1000;
    const finished = (await ledger.read((tx) => allRecords(tx, 'processedMessages'))).filter(
      (e) => e.afterStep === 'finished',
    ).length;
    if (finished < replies)
      throw new Error(`backlog ended with ${finished} of ${replies} after-steps finished`);
    const exchanges = await stack.emulator.exchanges();
    // HTTP requests to Graph (a $batch counts once; the token endpoint is Entra, not Graph), and the operations the
    // throttle counts (each step of a $batch on its own, as Outlook does).
    const graph = exchanges.filter((e) => e.path.startsWith('/v1.0/') && !e.batched);
    const operations = exchanges.filter((e) => e.path.startsWith('/v1.0/') && !e.path.endsWith('/$batch'));
    const graphRequests = graph.length;
    const operationsPerSecond = operations.length / seconds;
    // What the throttle allows over this run: 4 operations in flight of `latencyMs` each, and 10,000 per 10 minutes.
    const allowedPerSecond = Math.min(
      knobs.maxConcurrentPerMailbox / (latencyMs / 1000),
      knobs.requestsPer10Min / Math.min(seconds, 600),
    );
    const byOperation: Record<string, number> = {};
    for (const e of operations) {
      const key = `${e.method} ${e.path
        .replace(/\/users\/[^/]+/, '/users/{id}')
        .replace(/messages\/[^/]+/, 'messages/{id}')
        .replace(/mailFolders\/[^/]+/, 'mailFolders/{id}')}`;
      byOperation[key] = (byOperation[key] ?? 0) + 1;
    }
    const throttled = operations.filter((e) => e.status === 429).length;
    const unhonoured429 = unhonoured(exchanges, knobs.retryAfterSec * 1000, latencyMs);
    return {
      figure: 'backlog-throttled',
      replies,
      emulatorLatencyMs: latencyMs,
      throttle: knobs,
      store,
      seconds: round(seconds),
      notesVisibleAfterSeconds: round((notesAt - started) / 1000),
      repliesPerSecond: round(replies / seconds),
      graphRequests,
      graphRequestsPerReply: round(graphRequests / replies, 3),
      graphOperationsPerReply: round(operations.length / replies, 3),
      operations: byOperation,
      graphOperationsPerSecond: round(operationsPerSecond),
      throttleAllowsOperationsPerSecond: allowedPerSecond,
      throughputVsThrottle: round(operationsPerSecond / allowedPerSecond, 3),
      // Context, not the target: what 4 bare clients sending single requests get from this emulator on this machine.
      singleRequestClientsOperationsPerSecond: round(calibrated),
      throttled429: throttled,
      unhonoured429,
      target: { throughputVsThrottle: 0.9, graphRequestsPerReply: 1.2, unhonoured429: 0 },
      met:
        operationsPerSecond / allowedPerSecond >= 0.9 &&
        graphRequests / replies <= 1.2 &&
        unhonoured429 === 0,
    };
  } finally {
    await stack.close();
  }
}

/**
 * What the throttle lets through in this environment, measured before the run: `concurrency` bare fetch loops (no
 * engine, no SDK) marking messages in another folder read and unread, for `operations` PATCHes.
 */
async function calibrate(stack: BenchStack, concurrency: number, operations: number): Promise<number> {
  const { emulator } = stack;
  for (let i = 0; i < concurrency * 4; i++) {
    await emulator.control('POST', `/mailboxes/${SERVICE_MAILBOX}/messages?folder=archive`, {
      subject: `calibration ${i}`,
      body: { contentType: 'text', content: '.' },
    });
  }
  const app = emulator.tenant.apps.find((a) => a.clientSecret);
  const tokenAnswer = await fetch(`${emulator.authorityHost}/${emulator.tenant.tenantId}/oauth2/v2.0/token`, {
    method: 'POST',
    headers: { 'content-type': 'application/x-www-form-urlencoded' },
    body: new URLSearchParams({
      client_id: app?.clientId ?? '',
      client_secret: app?.clientSecret ?? '',
      scope: 'https://graph.microsoft.com/.default',
      grant_type: 'client_credentials',
    }),
  });
  const token = ((await tokenAnswer.json()) as { access_token: string }).access_token;
  const headers = {
    authorization: `Bearer ${token}`,
    'content-type': 'application/json',
    prefer: 'IdType="ImmutableId"',
  };
  const base = `${emulator.url}/v1.0/users/${SERVICE_MAILBOX}`;
  const page = (await (
    await fetch(`${base}/mailFolders/archive/messages?$select=id&$top=${concurrency * 4}`, { headers })
  ).json()) as { value: Array<{ id: string }> };
  const ids = page.value.map((m) => m.id);
  let done = 0;
  const started = Date.now();
  await Promise.all(
    Array.from({ length: concurrency }, async (_, worker) => {
      for (let i = worker; done < operations; i += concurrency) {
        const res = await fetch(`${base}/messages/${ids[i % ids.length]}`, {
          method: 'PATCH',
          headers,
          body: JSON.stringify({ isRead: i % 2 === 0 }),
        });
        await res.arrayBuffer();
        if (res.status === 200) done += 1;
      }
    }),
  );
  return done / ((Date.now() - started) / 1000);
}

/** Requests answered after a 429 that must have been sent before its Retry-After had passed. */
export function unhonoured(exchanges: readonly Exchange[], retryAfterMs: number, latencyMs: number): number {
  const graph = exchanges.filter((e) => e.path.startsWith('/v1.0/') && !e.path.endsWith('/$batch'));
  let count = 0;
  for (const throttled of graph.filter((e) => e.status === 429)) {
    // Anything answered later than one latency after the 429, but earlier than Retry-After + latency, was sent inside the window.
    const from = throttled.at + latencyMs + 50;
    const to = throttled.at + retryAfterMs + latencyMs - 50;
    count += graph.filter((e) => e.at > from && e.at < to).length;
  }
  return count;
}

function round(value: number, digits = 2): number {
  return Number(value.toFixed(digits));
}
