import { fieldError } from '../../domain/app-error.js';
import type { MailAccount } from '../../domain/mail-account.js';
import type { ConnectionStep } from '../../ports/mail-engine.js';
import type { Transaction } from '../../ports/store.js';
import type { ServiceDeps } from '../deps.js';
import { requireMailEngine } from '../require-mail-engine.js';

// Rule emails and the emails agents send from SRs all go out from the Default account. Moving Default to another
// account silently stopped them when that account could not send (a wrong secret, Service Messaging off), and only
// SR history showed it. So a change of Default is confirmed by naming the account it replaces, and refused unless
// the new account has Service Messaging on and passes Test connection. The first Default of a desk changes nothing
// that worked, so it needs neither.

const SENT_FROM_DEFAULT = 'rule emails and the emails agents send from SRs';

const STEP_WORDS: Record<ConnectionStep['name'], string> = {
  token: 'getting a token',
  mailbox: 'opening the mailbox',
  folder: 'finding the folder',
  'send-permission': 'the send permission',
  dns: 'looking up the server',
  tcp: 'connecting to the server',
  tls: 'the secure connection',
  authentication: 'signing in',
  smtp: 'the outgoing (SMTP) server',
};

/**
 * Before the save, outside any transaction (it talks to Microsoft 365): the account that stops being Default when
 * `candidate` is saved, or undefined when the save does not move Default. Throws, naming what would stop, otherwise.
 */
export async function approveDefaultChange(
  deps: ServiceDeps,
  candidate: MailAccount,
  wasDefault: boolean,
  replacesDefault: string | undefined,
): Promise<MailAccount | undefined> {
  if (!candidate.isDefault || wasDefault) return undefined;
  const current = await deps.store.read(async (tx) =>
    (await tx.collection('mailAccounts').all()).find((a) => a.isDefault && a.id !== candidate.id),
  );
  if (!current) return undefined;
  const { emailAddress: next } = candidate;
  if (replacesDefault !== current.id) {
    throw fieldError(
      'conflict',
      'isDefault',
      `${current.emailAddress} is the Default account: ${SENT_FROM_DEFAULT} go out from it. Making ${next} the Default moves them to ${next}; confirm the change to go ahead.`,
    );
  }
  if (!candidate.serviceMessaging) {
    throw fieldError(
      'precondition_failed',
      'isDefault',
      `${next} cannot become the Default account while Service Messaging is off for it: ${SENT_FROM_DEFAULT} would stop. Turn Service Messaging on for it first. ${current.emailAddress} stays the Default.`,
    );
  }
  const failed = (await requireMailEngine(deps).testCandidate(candidate)).steps.find((step) => !step.ok);
  if (failed) {
    throw fieldError(
      'precondition_failed',
      'isDefault',
      `${next} cannot become the Default account: Test connection failed at ${STEP_WORDS[failed.name]}. ${failed.detail} ${current.emailAddress} stays the Default, so ${SENT_FROM_DEFAULT} keep going out from it.`,
    );
  }
  return current;
}

/** Inside the save's transaction: the approved account stops being Default, unless someone changed it meanwhile. */
export async function handOverDefault(
  tx: Transaction,
  from: MailAccount | undefined,
  now: string,
): Promise<void> {
  if (!from) return;
  const stored = await tx.collection('mailAccounts').get(from.id);
  if (!stored?.isDefault || stored.updatedAt !== from.updatedAt) {
    throw fieldError(
      'conflict',
      'isDefault',
      `The Default account changed while ${from.emailAddress} was being replaced. Look at the accounts again and confirm once more.`,
    );
  }
  await tx.collection('mailAccounts').put({ ...stored, isDefault: false, updatedAt: now });
}
