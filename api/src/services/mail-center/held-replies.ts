import type { MailCenterItem } from '../../domain/mail-center-item.js';
import type { ReadTransaction } from '../../ports/store.js';
import type { ServiceDeps } from '../deps.js';
import { loadRequest } from '../requests/load-request.js';

/** Replies to a closed SR that the closed-SR policy held in the Mail Center and nobody has dealt with yet. */
async function openHeldReplies(tx: ReadTransaction): Promise<MailCenterItem[]> {
  const items: MailCenterItem[] = [];
  let page = await tx.collection('mailCenter').list({ state: 'open', reason: 'sr-closed', limit: 500 });
  items.push(...page.items);
  while (page.next) {
    page = await tx
      .collection('mailCenter')
      .list({ state: 'open', reason: 'sr-closed', limit: 500, after: page.next });
    items.push(...page.items);
  }
  return items;
}

/** The SR's held replies, oldest first, for the banner on its page. */
export async function listHeldReplies(deps: ServiceDeps, requestId: number): Promise<MailCenterItem[]> {
  return deps.store.read(async (tx) => {
    await loadRequest(tx, requestId);
    return (await openHeldReplies(tx)).filter((item) => item.candidateRequestIds.includes(requestId));
  });
}

/** Which SRs have a held reply waiting, for the flag in the SR list. */
export async function requestsWithHeldReplies(deps: ServiceDeps): Promise<Set<number>> {
  const items = await deps.store.read(openHeldReplies);
  return new Set(items.flatMap((item) => item.candidateRequestIds));
}
