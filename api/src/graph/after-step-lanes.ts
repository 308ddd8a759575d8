import type { AfterStepAction, AfterStepOutcome } from '../ports/mailbox.js';
import type { BatchResult, BatchStep, GraphMailClient } from './graph-mail-client.js';
import { isNotFound } from '../ports/graph-error.js';

// Marking a backlog read one request at a time spends part of every slot on the round trip. Up to four lanes (Outlook's
// concurrency per mailbox) each send whatever queued while they were busy: one step as a plain request, more as one
// $batch chain, whose steps run back to back inside Graph while the chain holds a single slot. A quiet mailbox sends
// each after-step at once; a backlog fills chains of up to 20 steps, with the four slots busy on the steps themselves.
// A lane takes its share of what waits (a quarter), not all it can: the steps of a chain run one after another, so 20
// after-steps in one chain take 2 s at 100 ms a step, where four chains of 5 take 0.5 s. That wait held up the end of
// every sync, and each hand-over of a mailbox to another instance (mail/hand-over.ts), by seconds.

const LANES = 4;
const MAX_STEPS = 20;

type Pending = { id: string; action: AfterStepAction; settle: (outcome: AfterStepOutcome) => void };

export type AfterStepRunner = (id: string, action: AfterStepAction) => Promise<AfterStepOutcome>;

export function createAfterStepLanes(client: GraphMailClient): AfterStepRunner {
  const queue: Pending[] = [];
  let lanes = 0;

  async function lane(): Promise<void> {
    lanes += 1;
    try {
      for (let chunk = takeChunk(queue); chunk.length > 0; chunk = takeChunk(queue))
        await send(client, chunk);
    } finally {
      lanes -= 1;
    }
  }

  return (id, action) =>
    new Promise((settle) => {
      queue.push({ id, action, settle });
      if (lanes < LANES) void lane();
    });
}

function takeChunk(queue: Pending[]): Pending[] {
  const waiting = queue.reduce((sum, item) => sum + stepsOf(item.action).length, 0);
  const share = Math.min(MAX_STEPS, Math.max(2, Math.ceil(waiting / LANES)));
  const chunk: Pending[] = [];
  let steps = 0;
  for (let next = queue[0]; next && steps + stepsOf(next.action).length <= share; next = queue[0]) {
    steps += stepsOf(next.action).length;
    chunk.push(next);
    queue.shift();
  }
  return chunk;
}

type Step = Omit<BatchStep, 'id'>;

/** The requests of one after-step; a move is marked read first, so a message moved by hand elsewhere is still read. */
function stepsOf(action: AfterStepAction, messagePath = ''): Step[] {
  // Bare DELETE lands in Recoverable Items, invisible to users; permanentDelete says what it does (docs/graph-behaviour.md C6).
  if (action.kind === 'delete') return [{ method: 'POST', url: `${messagePath}/permanentDelete`, body: {} }];
  const read: Step = { method: 'PATCH', url: messagePath, body: { isRead: true } };
  return action.kind === 'move'
    ? [read, { method: 'POST', url: `${messagePath}/move`, body: { destinationId: action.folderId } }]
    : [read];
}

async function send(client: GraphMailClient, chunk: readonly Pending[]): Promise<void> {
  const planned = chunk.map((item) =>
    stepsOf(item.action, `${client.userPath}/messages/${encodeURIComponent(item.id)}`),
  );
  try {
    if (chunk.length === 1 && planned[0]?.length === 1) {
      const [step] = planned[0];
      if (step) await sendAlone(client, step);
      chunk[0]?.settle({ outcome: 'done' });
      return;
    }
    const steps = planned.flatMap((itemSteps, item) =>
      itemSteps.map((step, index) => ({ ...step, id: `${item}.${index}` })),
    );
    const results = new Map((await client.batch(steps)).map((r) => [r.id, r]));
    chunk.forEach((item, index) =>
      item.settle(outcomeOf((planned[index] ?? []).map((_, step) => results.get(`${index}.${step}`)))),
    );
  } catch (error) {
    for (const item of chunk)
      item.settle(isNotFound(error) ? { outcome: 'gone' } : { outcome: 'failed', error });
  }
}

async function sendAlone(client: GraphMailClient, step: Step): Promise<void> {
  if (step.method === 'PATCH') await client.patch(step.url, step.body, { ignoreBody: true });
  else await client.post(step.url, step.body, { ignoreBody: true });
}

function outcomeOf(results: ReadonlyArray<BatchResult | undefined>): AfterStepOutcome {
  const failed = results.find((r) => !r || r.status < 200 || r.status >= 300);
  if (!failed) return { outcome: 'done' };
  return isNotFound(failed.error) ? { outcome: 'gone' } : { outcome: 'failed', error: failed.error };
}
