import type {
  TCreateMailAccount,
  TMailAccount,
  TUpdateMailAccount,
} from '../../../../../api/src/contract/mail-account';

// The account form edits strings; these turn them into the API's create and update bodies.
// Defaults are the seed guide's ("ports will default to 143/587") and the API's own.

export type AfterProcessing = TMailAccount['afterProcessing'];
export type Transport = TMailAccount['transport'];
export type Security = TMailAccount['incomingSecurity'];
export type AuthMethod = TMailAccount['authMethod'];

export type AccountDraft = {
  emailAddress: string;
  displayName: string;
  incomingHost: string;
  incomingPort: string;
  outgoingHost: string;
  outgoingPort: string;
  transport: Transport;
  incomingSecurity: Security;
  outgoingSecurity: Security;
  username: string;
  authMethod: AuthMethod;
  /** Write-only: empty keeps the stored password. */
  password: string;
  oauthScope: string;
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
  /** IMAP only: the receiving server's names in Authentication-Results, comma-separated; empty means the incoming host. */
  authservIds: string;
};

export const NEW_ACCOUNT: AccountDraft = {
  emailAddress: '',
  displayName: '',
  incomingHost: 'outlook.office365.com',
  incomingPort: '143',
  outgoingHost: 'smtp.office365.com',
  outgoingPort: '587',
  transport: 'graph',
  incomingSecurity: 'starttls',
  outgoingSecurity: 'starttls',
  username: '',
  authMethod: 'oauth2',
  password: '',
  oauthScope: 'https://outlook.office365.com/.default',
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
  authservIds: '',
};

export const draftFromAccount = (account: TMailAccount): AccountDraft => ({
  emailAddress: account.emailAddress,
  displayName: account.displayName ?? '',
  incomingHost: account.incomingHost,
  incomingPort: String(account.incomingPort),
  outgoingHost: account.outgoingHost,
  outgoingPort: String(account.outgoingPort),
  transport: account.transport,
  incomingSecurity: account.incomingSecurity,
  outgoingSecurity: account.outgoingSecurity,
  username: account.username ?? '',
  authMethod: account.authMethod,
  password: '',
  oauthScope: account.oauthScope,
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
  authservIds: (account.authservIds ?? []).join(', '),
});

const port = (text: string): number | undefined => (text.trim() ? Number(text) : undefined);
const optional = (text: string): string | undefined => text.trim() || undefined;
const names = (text: string): string[] => text.split(/[\s,;]+/).filter(Boolean);

export function toCreateBody(draft: AccountDraft): TCreateMailAccount {
  return {
    emailAddress: draft.emailAddress.trim(),
    displayName: optional(draft.displayName),
    incomingHost: optional(draft.incomingHost),
    incomingPort: port(draft.incomingPort),
    outgoingHost: optional(draft.outgoingHost),
    outgoingPort: port(draft.outgoingPort),
    transport: draft.transport,
    incomingSecurity: draft.incomingSecurity,
    outgoingSecurity: draft.outgoingSecurity,
    username: optional(draft.username),
    authMethod: draft.authMethod,
    password: draft.password || undefined,
    oauthScope: optional(draft.oauthScope),
    isDefault: draft.isDefault,
    serviceMessaging: draft.serviceMessaging,
    tenantId: optional(draft.tenantId),
    clientId: optional(draft.clientId),
    clientSecret: draft.clientSecret || undefined,
    clientSecretExpiresAt: optional(draft.clientSecretExpiresAt),
    userPrincipalName: optional(draft.userPrincipalName),
    folder: optional(draft.folder),
    afterProcessing: draft.afterProcessing,
    moveToFolder: draft.afterProcessing === 'move' ? optional(draft.moveToFolder) : undefined,
    authservIds:
      draft.transport === 'imap-smtp' && names(draft.authservIds).length > 0
        ? names(draft.authservIds)
        : undefined,
  };
}

export function toUpdateBody(draft: AccountDraft, before: TMailAccount): TUpdateMailAccount {
  const { clientSecret, clientSecretExpiresAt, moveToFolder, displayName, password, username, ...rest } =
    toCreateBody(draft);
  return {
    ...rest,
    ...(clientSecret ? { clientSecret } : {}),
    ...(password ? { password } : {}),
    username: username ?? null,
    // Clearing a field the account had is a change too: the API takes null (or an empty name) for that.
    ...(displayName !== undefined ? { displayName } : before.displayName ? { displayName: '' } : {}),
    clientSecretExpiresAt: clientSecretExpiresAt ?? null,
    moveToFolder: moveToFolder ?? null,
    // An emptied list goes back to the default (the incoming host).
    ...(draft.transport === 'imap-smtp' || before.authservIds?.length
      ? { authservIds: draft.transport === 'imap-smtp' ? names(draft.authservIds) : [] }
      : {}),
  };
}

/** Days until the recorded secret expiry (negative once it has expired). */
export function daysUntil(isoDate: string, now = Date.now()): number {
  return Math.floor((new Date(`${isoDate.slice(0, 10)}T23:59:59Z`).getTime() - now) / 86_400_000);
}

/** The usual port for a security setting, when the port still holds the other setting's usual one. */
export function portForSecurity(
  current: string,
  security: Security,
  ports: { tls: string; starttls: string },
): string {
  return current === ports.tls || current === ports.starttls || !current.trim() ? ports[security] : current;
}
