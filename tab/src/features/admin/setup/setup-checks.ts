import type { TMailAccount } from '../../../../../api/src/contract/mail-account';
import type { TConnectionTest } from '../../../../../api/src/contract/mail-health';
import type { TMailTemplate } from '../../../../../api/src/contract/mail-template';
import type { TNoteType } from '../../../../../api/src/contract/note-type';
import { daysUntil } from '../accounts/account-draft';

// The live ticks of the setup checklist: what the API can confirm from the stored configuration, and what the Default
// account's Test connection shows of the steps done in the Entra admin center and Exchange Online. What neither can
// prove is "manual": the admin checks it with the command the step names.

export type CheckState = 'done' | 'warning' | 'todo' | 'manual';
/** The Default account's Test connection, or why it could not run. */
export type ConnectionFacts = { test: TConnectionTest } | { error: string };
/** `storeWarning`: /api/health's store check says the desk has outgrown its storage (a large lowdb file). */
export type SetupFacts = {
  accounts: TMailAccount[];
  noteTypes: TNoteType[];
  templates: TMailTemplate[];
  connection?: ConnectionFacts;
  storeWarning?: string;
};
export type Check = { state: CheckState; detail: string };

const defaultAccount = (facts: SetupFacts) => facts.accounts.find((a) => a.isDefault);

export function checkAppRegistration(facts: SetupFacts): Check {
  const account = defaultAccount(facts) ?? facts.accounts[0];
  return account
    ? {
        state: 'done',
        detail: `Application (client) ID ${account.clientId} in tenant ${account.tenantId} is recorded on ${account.emailAddress}.`,
      }
    : { state: 'todo', detail: 'No mail account records the app registration yet.' };
}

export function checkClientSecret(facts: SetupFacts): Check {
  const account = defaultAccount(facts);
  if (!account) return { state: 'todo', detail: 'Record the secret on the Default mail account.' };
  if (!account.clientSecret.isSet)
    return { state: 'todo', detail: `${account.emailAddress} has no client secret.` };
  const ending = `ends in …${account.clientSecret.last4 ?? ''}`;
  if (!account.clientSecretExpiresAt)
    return {
      state: 'done',
      detail: `Set (${ending}). Record its expiry date so the desk can warn before it expires.`,
    };
  const days = daysUntil(account.clientSecretExpiresAt);
  if (days < 0)
    return {
      state: 'warning',
      detail: `The secret (${ending}) expired on ${account.clientSecretExpiresAt}: create a new one and enter it.`,
    };
  if (days <= 30)
    return {
      state: 'warning',
      detail: `The secret (${ending}) expires in ${days} days: create a new one soon.`,
    };
  return { state: 'done', detail: `Set (${ending}), valid until ${account.clientSecretExpiresAt}.` };
}

/** Without any Graph mail permission in the token, Entra gives the app nothing: only Exchange's scoped grant counts. */
export function checkNoGraphConsent(facts: SetupFacts): Check {
  const test = testOf(facts);
  if (!test) return untested(facts);
  if (test.hasGraphMailConsent === undefined)
    return { state: 'todo', detail: `Test connection stopped before it saw the token: ${failureOf(test)}` };
  if (!test.hasGraphMailConsent)
    return {
      state: 'done',
      detail: 'The app’s token carries no Graph mail permission: only Exchange grants it mail access.',
    };
  return {
    state: 'manual',
    detail:
      'The app’s token carries Mail.Send from Entra admin consent, the alternative route of step 4. That consent reaches every mailbox until an application access policy limits it: check with Test-ApplicationAccessPolicy, or remove the consent and grant access in Exchange.',
  };
}

export function checkExchangeAccess(facts: SetupFacts): Check {
  const test = testOf(facts);
  if (!test) return untested(facts);
  const opened = test.steps.filter((step) => step.name === 'mailbox' || step.name === 'folder');
  if (opened.length === 2 && opened.every((step) => step.ok))
    return { state: 'done', detail: `Test connection: ${opened.map((step) => step.detail).join(' ')}` };
  return {
    state: 'todo',
    detail: `Test connection: ${failureOf(test)} New Exchange assignments take 30 minutes to 2 hours to apply.`,
  };
}

const testOf = (facts: SetupFacts): TConnectionTest | undefined =>
  facts.connection && 'test' in facts.connection ? facts.connection.test : undefined;
const failureOf = (test: TConnectionTest): string =>
  test.steps.find((step) => !step.ok)?.detail ?? 'it did not finish.';

function untested(facts: SetupFacts): Check {
  if (facts.connection && 'error' in facts.connection)
    return { state: 'todo', detail: `Test connection could not run: ${facts.connection.error}` };
  return {
    state: 'todo',
    detail: 'Add the Default account with its client secret (step 5): its Test connection shows this step.',
  };
}

export function checkMailAccount(facts: SetupFacts): Check {
  const account = defaultAccount(facts);
  if (!account)
    return {
      state: 'todo',
      detail: facts.accounts.length ? 'No account is set as Default.' : 'No mail account yet.',
    };
  if (!account.serviceMessaging)
    return { state: 'todo', detail: `${account.emailAddress} is Default, but Service Messaging is No.` };
  if (!account.clientSecret.isSet)
    return { state: 'todo', detail: `${account.emailAddress} has no client secret.` };
  return { state: 'done', detail: `${account.emailAddress} is Default with Service Messaging on.` };
}

export function checkPublicNoteType(facts: SetupFacts): Check {
  const type = facts.noteTypes.find((t) => t.code === 'PUBLIC');
  if (!type) return { state: 'todo', detail: 'There is no note type with code PUBLIC.' };
  if (type.accessLevel !== 'User')
    return { state: 'todo', detail: `PUBLIC has access level ${type.accessLevel}; it must be User.` };
  return { state: 'done', detail: `PUBLIC (${type.name}) has access level User.` };
}

/** Every template sends its reply text at the top of the email: without the marker and #EC_ID#, replies come back unmatched. */
export function checkReplyMarker(facts: SetupFacts): Check {
  if (facts.templates.length === 0) return { state: 'todo', detail: 'There is no mail template.' };
  const broken = facts.templates.filter((t) => t.replyTextProblems.length > 0);
  if (broken.length > 0)
    return {
      state: 'todo',
      detail: broken.map((t) => `${t.name}: ${t.replyTextProblems.join(' ')}`).join(' '),
    };
  const count = facts.templates.length;
  return {
    state: 'done',
    detail: `${count === 1 ? 'The template carries' : `All ${count} templates carry`} the reply line with #EC_ID#.`,
  };
}
