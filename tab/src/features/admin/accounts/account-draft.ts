import type { TCreateMailAccount, TMailAccount, TUpdateMailAccount } from '../../../../../api/src/contract/mail-account';

// The account form edits strings; these turn them into the API's create and update bodies.
// Defaults are the seed guide's ("ports will default to 143/587") and the API's own.

export type AfterProcessing = TMailAccount['afterProcessing'];

export type AccountDraft = {
  emailAddress: string;
  displayName: string;
  incomingHost: string;
  incomingPort: string;
  outgoingHost: string;
  outgoingPort: string;
  isDefault: boolean;
  serviceMessaging: boolean;
  tenantId: string;
  clientId: string;
  /** Write-only: empty keeps the stored secret. */
  clientSecret: string;
  clientSecretExpiresAt: string;
  userPrincipalName: string;
  folder: string;
  afterProcessing: AfterProcessing;
  moveToFolder: string;
};

export const NEW_ACCOUNT: AccountDraft = {
  emailAddress: '',
  displayName: '',
  incomingHost: 'outlook.office365.com',
  incomingPort: '143',
  outgoingHost: 'smtp.office365.com',
  outgoingPort: '587',
  isDefault: false,
  serviceMessaging: false,
  tenantId: '',
  clientId: '',
  clientSecret: '',
  clientSecretExpiresAt: '',
  userPrincipalName: '',
  folder: 'Inbox',
  afterProcessing: 'mark-read',
  moveToFolder: '',
};

export const draftFromAccount = (account: TMailAccount): AccountDraft => ({
  emailAddress: account.emailAddress,
  displayName: account.displayName ?? '',
  incomingHost: account.incomingHost,
  incomingPort: String(account.incomingPort),
  outgoingHost: account.outgoingHost,
  outgoingPort: String(account.outgoingPort),
  isDefault: account.isDefault,
  serviceMessaging: account.serviceMessaging,
  tenantId: account.tenantId,
  clientId: account.clientId,
  clientSecret: '',
  clientSecretExpiresAt: account.clientSecretExpiresAt?.slice(0, 10) ?? '',
  userPrincipalName: account.userPrincipalName,
  folder: account.folder,
  afterProcessing: account.afterProcessing,
  moveToFolder: account.moveToFolder ?? '',
});

const port = (text: string): number | undefined => (text.trim() ? Number(text) : undefined);
const optional = (text: string): string | undefined => text.trim() || undefined;

export function toCreateBody(draft: AccountDraft): TCreateMailAccount {
  return {
    emailAddress: draft.emailAddress.trim(),
    displayName: optional(draft.displayName),
    incomingHost: optional(draft.incomingHost),
    incomingPort: port(draft.incomingPort),
    outgoingHost: optional(draft.outgoingHost),
    outgoingPort: port(draft.outgoingPort),
    isDefault: draft.isDefault,
    serviceMessaging: draft.serviceMessaging,
    tenantId: draft.tenantId.trim(),
    clientId: draft.clientId.trim(),
    clientSecret: draft.clientSecret || undefined,
    clientSecretExpiresAt: optional(draft.clientSecretExpiresAt),
    userPrincipalName: optional(draft.userPrincipalName),
    folder: optional(draft.folder),
    afterProcessing: draft.afterProcessing,
    moveToFolder: draft.afterProcessing === 'move' ? optional(draft.moveToFolder) : undefined,
  };
}

export function toUpdateBody(draft: AccountDraft, before: TMailAccount): TUpdateMailAccount {
  const { clientSecret, clientSecretExpiresAt, moveToFolder, displayName, ...rest } = toCreateBody(draft);
  return {
    ...rest,
    ...(clientSecret ? { clientSecret } : {}),
    // Clearing a field the account had is a change too: the API takes null (or an empty name) for that.
    ...(displayName !== undefined ? { displayName } : before.displayName ? { displayName: '' } : {}),
    clientSecretExpiresAt: clientSecretExpiresAt ?? null,
    moveToFolder: moveToFolder ?? null,
  };
}

/** Days until the recorded secret expiry (negative once it has expired). */
export function daysUntil(isoDate: string, now = Date.now()): number {
  return Math.floor((new Date(`${isoDate.slice(0, 10)}T23:59:59Z`).getTime() - now) / 86_400_000);
}
