import { AppError, fieldError } from './app-error.js';

// Administration > Mail > Accounts > Email. The host and port fields mirror the seed guide's form (admins know them).
// The transport says how the engine reaches the mailbox: Microsoft Graph (the tenant's mail app), or IMAP and SMTP
// with those hosts and ports, signing in with OAuth 2.0 (XOAUTH2, client credentials) or a password.
export type AfterProcessing = 'mark-read' | 'move' | 'delete';

export type MailTransport = 'graph' | 'imap-smtp';

/** `tls`: TLS from the first byte (IMAPS 993, SMTPS 465); `starttls`: plain, upgraded before anything is said (143, 587). */
export type ConnectionSecurity = 'tls' | 'starttls';

export type MailAuthMethod = 'oauth2' | 'password';

/** A secret as stored: AES-256-GCM ciphertext, never the plain value. */
export type EncryptedSecret = { iv: string; tag: string; data: string; last4: string };

export type MailAccount = {
  id: string;
  emailAddress: string;
  displayName?: string;
  incomingHost: string;
  incomingPort: number;
  outgoingHost: string;
  outgoingPort: number;
  transport: MailTransport;
  incomingSecurity: ConnectionSecurity;
  outgoingSecurity: ConnectionSecurity;
  /** IMAP/SMTP sign-in name; the email address when not set. */
  username?: string;
  authMethod: MailAuthMethod;
  /** IMAP/SMTP password (authMethod 'password'), sealed like the client secret. */
  password?: EncryptedSecret;
  /** The client-credentials scope for XOAUTH2; Exchange Online's by default. */
  oauthScope: string;
  isDefault: boolean;
  serviceMessaging: boolean;
  tenantId: string;
  clientId: string;
  clientSecret?: EncryptedSecret;
  /** When the admin recorded it, so health can warn 30 and 7 days ahead. */
  clientSecretExpiresAt?: string;
  userPrincipalName: string;
  folder: string;
  /**
   * IMAP only: the authserv-ids whose Authentication-Results stamp is the receiving server's own; the incoming host when
   * unset (docs/sender-authenticity.md). Graph mailboxes trust Exchange Online's stamp.
   */
  authservIds?: string[];
  afterProcessing: AfterProcessing;
  moveToFolder?: string;
  createdAt: string;
  updatedAt: string;
};

/** Exchange Online's resource for IMAP and SMTP tokens (https://learn.microsoft.com/exchange/client-developer/legacy-protocols/how-to-authenticate-an-imap-pop-smtp-application-by-using-oauth). */
export const EXCHANGE_ONLINE_SCOPE = 'https://outlook.office365.com/.default';

export const MAIL_ACCOUNT_DEFAULTS = {
  transport: 'graph' as MailTransport,
  incomingHost: 'outlook.office365.com',
  incomingPort: 143,
  incomingSecurity: 'starttls' as ConnectionSecurity,
  outgoingHost: 'smtp.office365.com',
  outgoingPort: 587,
  outgoingSecurity: 'starttls' as ConnectionSecurity,
  authMethod: 'oauth2' as MailAuthMethod,
  oauthScope: EXCHANGE_ONLINE_SCOPE,
  folder: 'Inbox',
  afterProcessing: 'mark-read' as AfterProcessing,
} as const;

/** Exactly one account may be Default: the one outbound mail is sent from. */
export function assertSingleDefault(accounts: readonly MailAccount[]): void {
  const defaults = accounts.filter((a) => a.isDefault);
  if (defaults.length > 1) {
    throw new AppError(
      'conflict',
      `Only one mail account can be Default; ${defaults.map((a) => a.emailAddress).join(' and ')} both are.`,
    );
  }
}

export function assertAfterProcessing(account: Pick<MailAccount, 'afterProcessing' | 'moveToFolder'>): void {
  if (account.afterProcessing === 'move' && !account.moveToFolder?.trim()) {
    throw fieldError(
      'validation_failed',
      'moveToFolder',
      'Choose the folder to move processed mail to, or pick another after-processing action.',
    );
  }
}

/** The IMAP/SMTP sign-in name. */
export function mailUsername(account: Pick<MailAccount, 'username' | 'emailAddress'>): string {
  return account.username?.trim() || account.emailAddress;
}

/** Whether the account has what its transport needs to sign in: the mail app's secret, or the password. */
export function hasCredentials(
  account: Pick<MailAccount, 'transport' | 'authMethod' | 'clientSecret' | 'password'>,
): boolean {
  return account.transport === 'imap-smtp' && account.authMethod === 'password'
    ? Boolean(account.password)
    : Boolean(account.clientSecret);
}

/** What is missing for the account to sign in, in the form's words. */
export function missingCredential(
  account: Pick<
    MailAccount,
    'transport' | 'authMethod' | 'clientSecret' | 'password' | 'tenantId' | 'clientId'
  >,
): { field: 'password' | 'tenantId' | 'clientSecret'; words: string } | undefined {
  if (account.transport === 'imap-smtp' && account.authMethod === 'password')
    return account.password ? undefined : { field: 'password', words: 'the IMAP/SMTP password' };
  if (!account.tenantId || !account.clientId)
    return {
      field: 'tenantId',
      words: 'the directory (tenant) ID and application (client) ID of the mail app',
    };
  return account.clientSecret
    ? undefined
    : { field: 'clientSecret', words: 'the client secret of the mail app' };
}

/** What the engine lacks to sign in, in words; undefined when nothing is missing. */
export function missingCredentials(account: Parameters<typeof missingCredential>[0]): string | undefined {
  return missingCredential(account)?.words;
}
