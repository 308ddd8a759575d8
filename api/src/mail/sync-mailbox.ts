import { listedIdOf } from '../domain/processed-message.js';
import { handleMessage, type MessageOutcome } from './handle-message.js';
import { LedgerFinisher } from './ledger-finisher.js';
import type { ListedMessage } from '../ports/mailbox.js';
import type { SyncReport, SyncTrigger } from '../ports/mail-engine.js';
import type { SyncContext } from './sync-context.js';

// One sync of one mailbox: list every unread message of the folder first (marking read while following $skip links
// would skip mail, docs/graph-behaviour.md C1), then run each through the pipeline; after its commit, the after-step (mark read /
// move / delete), then the ledger says 'finished' (ledger-finisher.ts). A round takes at most `roundSize` messages; another round
// re-queries from the start while the last one made progress.

export type SyncCounts = Omit<SyncReport, 'trigger' | 'startedAt' | 'finishedAt' | 'rounds'>;

const MAX_ROUNDS = 50;
/** Extra rounds for emails that could not be read (a dropped connection); after that the next sync tries. */
const MAX_REREAD_ROUNDS = 3;

export function emptyCounts(): SyncCounts {
  return {
    listed: 0,
    notes: 0,
    mailCenter: 0,
    alreadyProcessed: 0,
    failed: 0,
    deferred: 0,
    gone: 0,
    afterStepsDone: 0,
    afterStepsFailed: 0,
  };
}

export async function syncMailbox(
  ctx: SyncContext,
  trigger: SyncTrigger,
  seen?: Set<string>,
): Promise<SyncReport> {
  const startedAt = ctx.deps.clock().toISOString();
  const counts = emptyCounts();
  const handOver = ctx.handOver;
  let rounds = 0;
  let rereads = 0;
  while (rounds < MAX_ROUNDS) {
    rounds += 1;
    if (handOver) handOver.remaining = undefined;
    const listed = await ctx.mailbox.listUnread(ctx.folderId, ctx.limits.roundSize);
    counts.listed += listed.length;
    if (handOver) handOver.remaining = listed.length;
    for (const item of listed) seen?.add(item.id);
    const finisher = new LedgerFinisher(
      ctx,
      rounds === 1 && listed.length < ctx.limits.roundSize
        ? await settledElsewhere(ctx, listed, startedAt)
        : [],
    );
    const afterSteps: Promise<void>[] = [];
    let unreadable = 0;
    // Asked to hand the mailbox over (hand-over.ts): no new email is started; those started finish as usual.
    const stop = () => handOver?.to !== undefined;
    await forEachLimited(listed, ctx.limits.parallel, stop, async (item) => {
      if (handOver?.remaining !== undefined) handOver.remaining -= 1;
      const outcome = await handleMessage(ctx, item);
      if (outcome.kind === 'unreadable') unreadable += 1;
      count(counts, outcome);
      // The after-step starts as soon as this message is committed, while the others are still being imported.
      if (outcome.afterStep) afterSteps.push(afterStep(ctx, item, outcome.key, counts, finisher));
    });
    await Promise.all(afterSteps);
    await finisher.done();
    if (handOver?.to !== undefined) return report({ handedOverTo: handOver.to });
    if (unreadable > 0 && rereads < MAX_REREAD_ROUNDS) {
      rereads += 1;
      continue;
    }
    if (listed.length < ctx.limits.roundSize || finisher.finished.length === 0) break;
  }
  return report({});

  function report(extra: Pick<SyncReport, 'handedOverTo'>): SyncReport {
    return { trigger, ...counts, rounds, startedAt, finishedAt: ctx.deps.clock().toISOString(), ...extra };
  }
}

async function afterStep(
  ctx: SyncContext,
  item: ListedMessage,
  key: string,
  counts: SyncCounts,
  finisher: LedgerFinisher,
): Promise<void> {
  const result = await ctx.mailbox.afterStep(item.id, ctx.afterStep);
  if (result.outcome === 'failed') {
    counts.afterStepsFailed += 1;
    ctx.logger.warn(
      { err: result.error, mailbox: ctx.mailbox.address },
      'the after-step failed; the next sync does it again',
    );
    return;
  }
  counts.afterStepsDone += 1;
  finisher.add(key);
}

/**
 * Ledger entries still 'pending' whose message is no longer unread in the folder: the after-step went through but the
 * process stopped before the ledger said so (or a person read, moved or deleted the email). Only a complete listing
 * can tell.
 */
async function settledElsewhere(
  ctx: SyncContext,
  listed: readonly ListedMessage[],
  startedAt: string,
): Promise<string[]> {
  const unread = new Set(listed.map((m) => m.id));
  const pending = await ctx.deps.store.read((tx) =>
    tx.collection('processedMessages').pendingAfterStep(ctx.account.id, startedAt),
  );
  return pending
    .filter((e) => {
      const id = listedIdOf(e);
      return id === undefined || !unread.has(id);
    })
    .map((e) => e.id);
}

function count(counts: SyncCounts, outcome: MessageOutcome): void {
  switch (outcome.kind) {
    case 'note':
      counts.notes += 1;
      break;
    case 'mail-center':
      counts.mailCenter += 1;
      break;
    case 'already':
      counts.alreadyProcessed += 1;
      break;
    case 'failed':
      counts.failed += 1;
      break;
    case 'deferred':
    case 'unreadable':
      counts.deferred += 1;
      break;
    case 'gone':
      counts.gone += 1;
      break;
  }
}

async function forEachLimited<T>(
  items: readonly T[],
  limit: number,
  stop: () => boolean,
  run: (item: T) => Promise<void>,
): Promise<void> {
  let next = 0;
  const worker = async (): Promise<void> => {
    for (let index = next++; index < items.length && !stop(); index = next++) await run(items[index] as T);
  };
  await Promise.all(Array.from({ length: Math.max(1, Math.min(limit, items.length)) }, worker));
}
