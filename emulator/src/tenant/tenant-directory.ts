import { randomBytes } from 'node:crypto';
import { existsSync, mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import {
  CUSTOMER_DOMAINS,
  DEMO_TENANT_DOMAIN,
  DEMO_TENANT_ID,
  DEMO_USERS,
  ROLE_ADMIN,
  ROLE_AGENT,
  SERVICE_DESK_MAIL_CLIENT_ID,
  SERVICE_MESSAGING_CLIENT_ID,
  extraServiceMailboxes,
  type DemoUser,
} from './demo-tenant.js';

export type AppRegistration = {
  name: string;
  clientId: string;
  /** Object id of the app's service principal: the `oid` of its app-only tokens. */
  servicePrincipalId: string;
  clientSecret: string | null;
  /** Graph application permissions granted (daemon) or app roles defined (our API). */
  roles: string[];
};

export type Tenant = {
  tenantId: string;
  domains: string[];
  customerDomains: string[];
  apps: AppRegistration[];
  users: readonly DemoUser[];
};

/**
 * The demo tenant; the mail app's secret is generated once per data dir and kept there. `serviceMailboxes` above 1
 * adds shared mailboxes support2@ .. supportN@; the mail app's consent reaches them as it reaches support@.
 */
export function loadTenant(dataDir: string, serviceMailboxes = 1): Tenant {
  const extra = extraServiceMailboxes(serviceMailboxes);
  return {
    tenantId: DEMO_TENANT_ID,
    domains: [DEMO_TENANT_DOMAIN],
    customerDomains: [...CUSTOMER_DOMAINS],
    apps: [
      {
        name: 'Service Messaging',
        clientId: SERVICE_MESSAGING_CLIENT_ID,
        servicePrincipalId: '5e1f7a9b-3c6d-4e8f-9a1b-2c7d6e5f8a96',
        clientSecret: null,
        roles: [ROLE_ADMIN, ROLE_AGENT],
      },
      {
        name: 'Service Desk Mail',
        clientId: SERVICE_DESK_MAIL_CLIENT_ID,
        servicePrincipalId: '4d0e6f8a-2b5c-4d7e-8f9a-1b6c5d4e7f85',
        clientSecret: mailAppSecret(dataDir),
        roles: ['Mail.ReadWrite', 'Mail.Send'],
      },
    ],
    users: [...DEMO_USERS, ...extra],
  };
}

export function findUser(tenant: Tenant, idOrUpn: string): DemoUser | undefined {
  const key = idOrUpn.toLowerCase();
  return tenant.users.find((u) => u.id === key || u.userPrincipalName === key);
}

export function findApp(tenant: Tenant, clientId: string): AppRegistration | undefined {
  return tenant.apps.find((a) => a.clientId === clientId.toLowerCase());
}

export function isTenantName(tenant: Tenant, name: string): boolean {
  const key = name.toLowerCase();
  return key === tenant.tenantId || tenant.domains.includes(key);
}

export function isCustomerAddress(tenant: Tenant, address: string): boolean {
  const domain = address.toLowerCase().split('@')[1];
  return domain !== undefined && tenant.customerDomains.includes(domain);
}

function mailAppSecret(dataDir: string): string {
  const file = join(dataDir, 'tenant-secrets.json');
  if (existsSync(file))
    return (JSON.parse(readFileSync(file, 'utf8')) as { mailAppSecret: string }).mailAppSecret;
  // Shaped like an Entra secret value: 3 chars, a version digit, 'Q~', then 34 random chars.
  const secret = `Emu8Q~${randomBytes(26).toString('base64url').slice(0, 34)}`;
  mkdirSync(dataDir, { recursive: true });
  writeFileSync(file, JSON.stringify({ mailAppSecret: secret }, null, 2), { mode: 0o600 });
  return secret;
}
