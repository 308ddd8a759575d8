import { AppError, fieldError } from './app-error.js';

// Administration > Mail > Accounts > Email. The host and port fields mirror the seed guide's form
// (admins know them); the engine itself talks to the mailbox through Microsoft Graph.
export type AfterProcessing = 'mark-read' | 'move' | 'delete';

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
  isDefault: boolean;
  serviceMessaging: boolean;
  tenantId: string;
  clientId: string;
  clientSecret?: EncryptedSecret;
  /** When the admin recorded it, so health can warn 30 and 7 days ahead. */
  clientSecretExpiresAt?: string;
  userPrincipalName: string;
  folder: string;
  afterProcessing: AfterProcessing;
  moveToFolder?: string;
  createdAt: string;
  updatedAt: string;
};

export const MAIL_ACCOUNT_DEFAULTS = {
  incomingHost: 'outlook.office365.com',
  incomingPort: 143,
  outgoingHost: 'smtp.office365.com',
  outgoingPort: 587,
  folder: 'Inbox',
  afterProcessing: 'mark-read' as AfterProcessing,
} as const;

/** Exactly one account may be Default: the one outbound mail is sent from. */
export function assertSingleDefault(accounts: readonly MailAccount[]): void {
  const defaults = accounts.filter((a) => a.isDefault);
  if (defaults.length > 1) {
    throw new AppError('conflict', `Only one mail account can be Default; ${defaults.map((a) => a.emailAddress).join(' and ')} both are.`);
  }
}

export function assertAfterProcessing(account: Pick<MailAccount, 'afterProcessing' | 'moveToFolder'>): void {
  if (account.afterProcessing === 'move' && !account.moveToFolder?.trim()) {
    throw fieldError('validation_failed', 'moveToFolder', 'Choose the folder to move processed mail to, or pick another after-processing action.');
  }
}
