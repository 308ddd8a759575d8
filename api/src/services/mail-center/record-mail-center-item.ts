import type { MailCenterItem } from '../../domain/mail-center-item.js';
import type { ProcessedMessage } from '../../domain/processed-message.js';
import type { Transaction } from '../../ports/store.js';
import { SYSTEM_ACTOR } from '../../domain/history.js';
import type { ServiceDeps } from '../deps.js';
import { recordHistory } from '../requests/record-history.js';

export type NewMailCenterItem = Omit<MailCenterItem, 'id' | 'state' | 'attempts' | 'createdAt' | 'updatedAt'>;

/**
 * An email that did not become a note, kept with its reason, evidence and stored original, in the same transaction as
 * its ledger entry, so it is held exactly once. `replaces` is an earlier processing-failed item for the same email,
 * which this decision supersedes.
 */
export async function recordMailCenterItemIn(
  deps: Pick<ServiceDeps, 'clock' | 'newId'>,
  tx: Transaction,
  input: {
    item: NewMailCenterItem;
    state?: 'open' | 'ignored';
    ledger?: Omit<ProcessedMessage, 'outcome' | 'requestId' | 'noteId' | 'mailCenterItemId'>;
    replaces?: string;
  },
): Promise<MailCenterItem> {
  const now = deps.clock().toISOString();
  if (input.replaces) await tx.collection('mailCenter').delete(input.replaces);
  const item = await tx.collection('mailCenter').insert({
    ...input.item,
    id: deps.newId(),
    state: input.state ?? 'open',
    attempts: 0,
    createdAt: now,
    updatedAt: now,
  });
  if (input.ledger)
    await tx
      .collection('processedMessages')
      .put({ ...input.ledger, outcome: 'mail-center', mailCenterItemId: item.id });
  if (item.reason === 'sr-closed') await noteHeldReply(deps, tx, item);
  return item;
}

/** The SR's own history says a reply arrived after it closed and waits in the Mail Center: it never vanishes silently. */
async function noteHeldReply(
  deps: Pick<ServiceDeps, 'clock' | 'newId'>,
  tx: Transaction,
  item: MailCenterItem,
): Promise<void> {
  const requestId = item.candidateRequestIds[0];
  const sr = requestId === undefined ? undefined : await tx.collection('requests').get(requestId);
  if (!sr) return;
  const who = item.from.name ? `${item.from.name} <${item.from.address}>` : item.from.address;
  await recordHistory(deps, tx, {
    requestId: sr.id,
    kind: 'reply-held',
    summary: `A reply from ${who} arrived after this SR was ${sr.status}; it waits in the Mail Center ("${item.subject}")`,
    actor: SYSTEM_ACTOR,
    details: { mailCenterItemId: item.id, from: item.from.address, status: sr.status },
  });
}

/**
 * Processing threw. The email stays unread and is tried again after `nextAttemptAt`; the item says so, with an error id
 * to find the logged exception. When `final`, the ledger closes it: it stays in the Mail Center for a person.
 */
export async function recordProcessingFailure(
  deps: Pick<ServiceDeps, 'store' | 'clock' | 'newId'>,
  input: {
    existing?: MailCenterItem;
    item: Omit<NewMailCenterItem, 'reason' | 'errorId' | 'nextAttemptAt'>;
    errorId: string;
    nextAttemptAt?: string;
    ledger?: Omit<ProcessedMessage, 'outcome' | 'requestId' | 'noteId' | 'mailCenterItemId'>;
  },
): Promise<MailCenterItem> {
  return deps.store.transact(async (tx) => {
    const now = deps.clock().toISOString();
    const previous = input.existing ? await tx.collection('mailCenter').get(input.existing.id) : undefined;
    const base: MailCenterItem = previous ?? {
      ...input.item,
      reason: 'processing-failed',
      id: deps.newId(),
      state: 'open',
      attempts: 0,
      createdAt: now,
      updatedAt: now,
    };
    delete base.nextAttemptAt;
    const item: MailCenterItem = {
      ...base,
      reason: 'processing-failed',
      errorId: input.errorId,
      attempts: (previous?.attempts ?? 0) + 1,
      ...(input.nextAttemptAt ? { nextAttemptAt: input.nextAttemptAt } : {}),
      updatedAt: now,
    };
    await tx.collection('mailCenter').put(item);
    if (input.ledger)
      await tx
        .collection('processedMessages')
        .put({ ...input.ledger, outcome: 'mail-center', mailCenterItemId: item.id });
    return item;
  });
}
