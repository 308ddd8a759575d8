import { fieldError } from '../../domain/app-error.js';
import {
  MAIL_ACCOUNT_DEFAULTS,
  assertAfterProcessing,
  assertSingleDefault,
  missingCredential,
  type AfterProcessing,
  type ConnectionSecurity,
  type MailAccount,
  type MailAuthMethod,
  type MailTransport,
} from '../../domain/mail-account.js';
import { PUBLIC_NOTE_TYPE, isPublicNoteTypeUsable } from '../../domain/note-type.js';
import type { Transaction } from '../../ports/store.js';
import type { ServiceDeps } from '../deps.js';

// What admins send for Administration > Mail > Accounts > Email, and how it becomes a stored account.
// The client secret and the IMAP/SMTP password are sealed on the way in and never leave.
export type MailAccountInput = {
  emailAddress: string;
  displayName?: string;
  incomingHost?: string;
  incomingPort?: number;
  outgoingHost?: string;
  outgoingPort?: number;
  transport?: MailTransport;
  incomingSecurity?: ConnectionSecurity;
  outgoingSecurity?: ConnectionSecurity;
  username?: string | null;
  authMethod?: MailAuthMethod;
  password?: string;
  oauthScope?: string;
  isDefault: boolean;
  serviceMessaging: boolean;
  tenantId?: string;
  clientId?: string;
  clientSecret?: string;
  clientSecretExpiresAt?: string | null;
  userPrincipalName?: string;
  folder?: string;
  afterProcessing?: AfterProcessing;
  moveToFolder?: string | null;
  authservIds?: string[];
};

export function withDefaults(input: MailAccountInput): MailAccountInput {
  return {
    ...MAIL_ACCOUNT_DEFAULTS,
    tenantId: '',
    clientId: '',
    userPrincipalName: input.emailAddress,
    ...Object.fromEntries(Object.entries(input).filter(([, v]) => v !== undefined)),
  } as MailAccountInput;
}

export function applyInput(
  deps: ServiceDeps,
  base: MailAccount,
  input: Partial<MailAccountInput>,
  now: string,
): MailAccount {
  const { clientSecret, clientSecretExpiresAt, moveToFolder, password, username, ...plain } = input;
  const next: MailAccount = { ...base, ...stripUndefined(plain), updatedAt: now };
  if (clientSecret !== undefined) next.clientSecret = deps.secrets.seal(clientSecret);
  if (password !== undefined) next.password = deps.secrets.seal(password);
  if (username === null || username === '') delete next.username;
  else if (username !== undefined) next.username = username;
  if (clientSecretExpiresAt === null) delete next.clientSecretExpiresAt;
  else if (clientSecretExpiresAt !== undefined) next.clientSecretExpiresAt = clientSecretExpiresAt;
  if (moveToFolder === null) delete next.moveToFolder;
  else if (moveToFolder !== undefined) next.moveToFolder = moveToFolder;
  return next;
}

/** Every rule that spans accounts or other collections is checked here, inside the transaction. */
export async function saveChecked(tx: Transaction, account: MailAccount): Promise<void> {
  assertAfterProcessing(account);
  const others = (await tx.collection('mailAccounts').all()).filter((a) => a.id !== account.id);
  assertSingleDefault([...others, account]);
  if (others.some((a) => a.emailAddress === account.emailAddress)) {
    throw fieldError(
      'conflict',
      'emailAddress',
      `A mail account for ${account.emailAddress} already exists.`,
    );
  }
  if (account.serviceMessaging) {
    if (!isPublicNoteTypeUsable(await tx.collection('noteTypes').all())) {
      throw fieldError(
        'precondition_failed',
        'serviceMessaging',
        `Service messaging needs a note type with code ${PUBLIC_NOTE_TYPE.code} and access level User (Administration > General > Type).`,
      );
    }
    const missing = missingCredential(account);
    if (missing)
      throw fieldError('validation_failed', missing.field, `Service messaging needs ${missing.words}.`);
  }
  await tx.collection('mailAccounts').put(account);
}

const stripUndefined = <T extends object>(value: T): Partial<T> =>
  Object.fromEntries(Object.entries(value).filter(([, v]) => v !== undefined)) as Partial<T>;
