// The seeded demo tenant. The ids are fixed so env files and other suites can name them.
export const DEMO_TENANT_ID = '8f3d2c1a-6b4e-4f7a-9c2d-1e5b7a9c3f60';
export const DEMO_TENANT_DOMAIN = 'contoso.test';
export const CUSTOMER_DOMAINS: readonly string[] = ['fabrikam.test'];

/** Our API's app registration: the `aud` of user tokens, with app roles for the desk. */
export const SERVICE_MESSAGING_CLIENT_ID = '3b9e6f12-7c4d-4a8e-b5f1-2d6c8e0a4b71';
/** The daemon app that reads and sends the desk's mail (client credentials). */
export const SERVICE_DESK_MAIL_CLIENT_ID = 'c5a7e2d9-1f3b-4c6e-8a0d-9b2f4e6c8a13';

export const ROLE_ADMIN = 'ServiceDesk.Admin';
export const ROLE_AGENT = 'ServiceDesk.Agent';
export const USER_SCOPE = 'access_as_user';
export const GRAPH_RESOURCE = 'https://graph.microsoft.com';
export const GRAPH_APP_ID = '00000003-0000-0000-c000-000000000000';
/** Exchange Online, the audience of app tokens for IMAP and SMTP with XOAUTH2 (docs/platform-behaviour.md §5). */
export const EXCHANGE_RESOURCE = 'https://outlook.office365.com';
export const EXCHANGE_APP_ID = '00000002-0000-0ff1-ce00-000000000000';

export type DemoUser = {
  id: string;
  userPrincipalName: string;
  displayName: string;
  /** Roles of the Service Messaging app assigned to the user. */
  appRoles: string[];
  /** False for a user with no Exchange Online mailbox (Graph answers MailboxNotEnabledForRESTAPI). */
  hasMailbox: boolean;
  /** Shown on the sign-in page; a shared mailbox cannot sign in. */
  canSignIn: boolean;
  /**
   * A shared mailbox: a disabled account that nobody signs in to. Graph serves its mail to an app at
   * /users/{address} like a user's, which is all the desk uses (no /me, no delegated token).
   */
  isSharedMailbox?: true;
};

export const DEMO_USERS: readonly DemoUser[] = [
  {
    id: '0a6b2c4d-8e1f-4a3b-9c5d-7e2f1a0b3c41',
    userPrincipalName: 'admin@contoso.test',
    displayName: 'Megan Bowen (Admin)',
    appRoles: [ROLE_ADMIN, ROLE_AGENT],
    hasMailbox: true,
    canSignIn: true,
  },
  {
    id: '1b7c3d5e-9f2a-4b4c-8d6e-8f3a2b1c4d52',
    userPrincipalName: 'agent@contoso.test',
    displayName: 'Alex Wilber (Agent)',
    appRoles: [ROLE_AGENT],
    hasMailbox: true,
    canSignIn: true,
  },
  {
    id: '2c8d4e6f-0a3b-4c5d-9e7f-9a4b3c2d5e63',
    userPrincipalName: 'support@contoso.test',
    displayName: 'Contoso Support',
    appRoles: [],
    hasMailbox: true,
    canSignIn: false,
    isSharedMailbox: true,
  },
  {
    id: '3d9e5f7a-1b4c-4d6e-8f8a-0b5c4d3e6f74',
    userPrincipalName: 'unlicensed@contoso.test',
    displayName: 'Unlicensed User (no mailbox)',
    appRoles: [],
    hasMailbox: false,
    canSignIn: false,
  },
];

export const SERVICE_MAILBOX = 'support@contoso.test';

/** How many service mailboxes a tenant may hold: enough for a many-mailbox benchmark, few enough to stay small. */
export const MAX_SERVICE_MAILBOXES = 50;

/**
 * The tenant's service mailboxes when it holds `count` of them: support@ first, then support2@ .. supportN@, so a
 * benchmark can spread a backlog over many mailboxes that each have their own Outlook throttle.
 */
export function serviceMailboxAddresses(count: number): string[] {
  return [SERVICE_MAILBOX, ...extraServiceMailboxes(count).map((u) => u.userPrincipalName)];
}

/** The shared mailboxes beyond support@ (none for the default count of 1), with fixed ids like the rest. */
export function extraServiceMailboxes(count: number): DemoUser[] {
  if (!Number.isInteger(count) || count < 1 || count > MAX_SERVICE_MAILBOXES) {
    throw new RangeError(
      `serviceMailboxes must be a whole number from 1 to ${MAX_SERVICE_MAILBOXES}, not ${count}.`,
    );
  }
  return Array.from({ length: count - 1 }, (_, i) => ({
    id: `2c8d4e6f-0a3b-4c5d-9e7f-${(i + 2).toString(16).padStart(12, '0')}`,
    userPrincipalName: `support${i + 2}@${DEMO_TENANT_DOMAIN}`,
    displayName: `Contoso Support ${i + 2}`,
    appRoles: [],
    hasMailbox: true,
    canSignIn: false,
    isSharedMailbox: true,
  }));
}
