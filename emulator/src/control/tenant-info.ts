import type { Services } from '../graph/services.js';

/** GET /_emulator/tenant: the seeded tenant, including the mail app's secret, and where to point clients. */
export function tenantInfo(s: Services, origin: string) {
  const { tenant } = s;
  return {
    tenantId: tenant.tenantId,
    domains: tenant.domains,
    customerDomains: tenant.customerDomains,
    authorityHost: origin,
    authority: `${origin}/${tenant.tenantId}`,
    issuer: s.tokens.userTokenIssuer,
    jwksUri: `${origin}/${tenant.tenantId}/discovery/v2.0/keys`,
    openIdConfiguration: `${origin}/${tenant.tenantId}/v2.0/.well-known/openid-configuration`,
    tokenEndpoint: `${origin}/${tenant.tenantId}/oauth2/v2.0/token`,
    graphBaseUrl: `${origin}/v1.0`,
    apps: tenant.apps.map((a) => ({
      name: a.name,
      clientId: a.clientId,
      clientSecret: a.clientSecret,
      roles: a.roles,
    })),
    users: tenant.users.map((u) => ({
      id: u.id,
      userPrincipalName: u.userPrincipalName,
      displayName: u.displayName,
      roles: u.appRoles,
      hasMailbox: u.hasMailbox,
      isSharedMailbox: u.isSharedMailbox === true,
    })),
    mailboxes: s.store.state.mailboxes.map((m) => m.address),
  };
}

export type TenantInfo = ReturnType<typeof tenantInfo>;
