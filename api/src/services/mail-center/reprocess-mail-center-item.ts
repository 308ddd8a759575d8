import { notFound } from '../../domain/app-error.js';
import type { MailCenterItem } from '../../domain/mail-center-item.js';
import type { Principal } from '../../domain/principal.js';
import { assessSender, senderTrust, type SenderTrust } from '../../reply/sender-authenticity.js';
import type { ServiceDeps } from '../deps.js';
import { checkBlockedTypes } from '../inbound/check-limits.js';
import { decide, type Decision } from '../inbound/decide.js';
import { ownAddresses } from '../inbound/own-addresses.js';
import { readBody, tooComplexEvidence } from '../inbound/read-body.js';
import { fileMailCenterItem } from './file-mail-center-item.js';
import { getMailCenterItem } from './get-mail-center-item.js';
import { openMailCenterAction } from './open-mail-center-action.js';

/** Runs the pipeline again on the stored original, after a configuration fix (a participant added, a policy changed). */
export async function reprocessMailCenterItem(
  deps: ServiceDeps,
  agent: Principal,
  itemId: string,
): Promise<MailCenterItem> {
  const action = await openMailCenterAction(deps, itemId);
  const { item, original, settings, reader } = action;
  const read = await readBody(reader.understand, original.message, reader.readTimeLimitMs);
  const classify = await ownAddresses(deps.store);
  const account = await deps.store.read((tx) => tx.collection('mailAccounts').get(item.accountId));
  // An account deleted since: no server to believe, so only a signed signal can file it.
  const trust: SenderTrust = account ? senderTrust(account) : { kind: 'authserv-ids', ids: [] };
  const authenticity = assessSender(read.message, { trust, ownDomains: classify.ownMessageIdDomains });
  let decision: Decision =
    read.kind === 'too-complex'
      ? { kind: 'mail-center', reason: 'too-complex', evidence: tooComplexEvidence(read), candidates: [] }
      : await decide(deps, { message: read.message, settings, classify, authenticity });
  if (decision.kind === 'note') decision = checkBlockedTypes(decision, original.message, settings);
  if (decision.kind === 'note') {
    const authentication = { outcome: decision.authenticity.outcome, summary: decision.authenticity.summary };
    const result = await fileMailCenterItem(deps, action, {
      requestId: decision.requestId,
      signal: decision.signal,
      actor: { id: agent.id, name: agent.name },
      manual: false,
      applyStatusPolicy: true,
      state: 'linked',
      authentication,
    });
    if (result.outcome !== 'closed') return getMailCenterItem(deps, itemId);
    decision = {
      kind: 'mail-center',
      reason: 'sr-closed',
      evidence: [...decision.evidence, `The request is ${result.status}.`],
      candidates: [decision.requestId],
    };
  }
  const held = decision;
  return deps.store.transact(async (tx) => {
    const current = await tx.collection('mailCenter').get(itemId);
    if (!current) throw notFound('Mail Center item', itemId);
    const updated: MailCenterItem = {
      ...current,
      reason: held.reason,
      evidence: held.evidence,
      candidateRequestIds: held.candidates,
      attempts: 0,
      updatedAt: deps.clock().toISOString(),
    };
    delete updated.errorId;
    delete updated.nextAttemptAt;
    await tx.collection('mailCenter').put(updated);
    return updated;
  });
}
