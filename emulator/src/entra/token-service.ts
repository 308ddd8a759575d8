import { randomBytes, randomUUID, createHash } from 'node:crypto';
import { SignJWT, jwtVerify, decodeProtectedHeader, errors as joseErrors, type JWTPayload } from 'jose';
import type { SigningKeys } from './signing-keys.js';
import type { AppRegistration, Tenant } from '../tenant/tenant-directory.js';
import type { DemoUser } from '../tenant/demo-tenant.js';
import {
  GRAPH_RESOURCE,
  GRAPH_APP_ID,
  USER_SCOPE,
  SERVICE_MESSAGING_CLIENT_ID,
} from '../tenant/demo-tenant.js';

export type IssuedToken = { token: string; expiresIn: number };

export type GraphTokenCheck = { ok: true; claims: AppTokenClaims } | { ok: false; message: string };

export type AppTokenClaims = JWTPayload & {
  appid: string;
  tid: string;
  roles?: string[];
  oid: string;
  idtyp?: string;
};

/** Issues Entra-shaped RS256 tokens and checks the ones Graph receives. */
export class TokenService {
  constructor(
    private readonly keys: SigningKeys,
    private readonly tenant: Tenant,
    private readonly origin: string,
    private readonly lifetimeSec: () => number,
    /** The Graph permissions Entra consented to for an app (a test may revoke them; graph/app-permissions.ts). */
    private readonly entraRoles: (app: AppRegistration) => string[] = (app) => app.roles,
  ) {}

  get userTokenIssuer(): string {
    return `${this.origin}/${this.tenant.tenantId}/v2.0`;
  }

  /** App-only token, v1 shape (docs/graph-behaviour.md §1.2), for Graph or (IMAP/SMTP XOAUTH2) Exchange Online. */
  async appToken(app: AppRegistration, resource: string = GRAPH_RESOURCE): Promise<IssuedToken> {
    const tid = this.tenant.tenantId;
    // Entra leaves `roles` out when nothing is consented, as for an app whose mail access comes from Exchange RBAC.
    const roles = this.entraRoles(app);
    return this.sign({
      aud: resource,
      iss: `https://sts.windows.net/${tid}/`,
      idp: `https://sts.windows.net/${tid}/`,
      app_displayname: app.name,
      appid: app.clientId,
      appidacr: '1',
      idtyp: 'app',
      oid: app.servicePrincipalId,
      sub: app.servicePrincipalId,
      ...(roles.length > 0 ? { roles } : {}),
      tid,
      ver: '1.0',
    });
  }

  /** A v2 access token for our API on behalf of a demo user. */
  async userToken(user: DemoUser, clientId: string, scope = USER_SCOPE): Promise<IssuedToken> {
    return this.sign({
      aud: SERVICE_MESSAGING_CLIENT_ID,
      iss: this.userTokenIssuer,
      azp: clientId,
      azpacr: '0',
      name: user.displayName,
      oid: user.id,
      preferred_username: user.userPrincipalName,
      roles: user.appRoles,
      scp: scope,
      sub: pairwiseSubject(user.id, SERVICE_MESSAGING_CLIENT_ID),
      tid: this.tenant.tenantId,
      ver: '2.0',
    });
  }

  async idToken(user: DemoUser, clientId: string, nonce: string | undefined): Promise<IssuedToken> {
    return this.sign({
      aud: clientId,
      iss: this.userTokenIssuer,
      name: user.displayName,
      oid: user.id,
      preferred_username: user.userPrincipalName,
      sub: pairwiseSubject(user.id, clientId),
      tid: this.tenant.tenantId,
      ver: '2.0',
      ...(nonce ? { nonce } : {}),
    });
  }

  /** Graph's bearer check: signature by the emulator's key, audience, tenant, lifetime. Messages as Graph words them. */
  async checkGraphToken(token: string): Promise<GraphTokenCheck> {
    if (!token) return { ok: false, message: 'Access token is empty.' };
    let kid: string | undefined;
    try {
      kid = decodeProtectedHeader(token).kid;
    } catch {
      return { ok: false, message: 'CompactToken parsing failed with error code: 80049217' };
    }
    if (kid && this.keys.isRetired(kid))
      return { ok: false, message: 'Lifetime validation failed, the token is expired.' };
    const key = kid ? this.keys.publicKey(kid) : undefined;
    if (!key) return { ok: false, message: 'Access token validation failure.' };
    try {
      const { payload } = await jwtVerify(token, key, { algorithms: ['RS256'], clockTolerance: 0 });
      if (payload.aud !== GRAPH_RESOURCE && payload.aud !== GRAPH_APP_ID) {
        return { ok: false, message: 'Access token validation failure. Invalid audience.' };
      }
      if (payload.tid !== this.tenant.tenantId)
        return { ok: false, message: 'Access token validation failure. Invalid issuer.' };
      return { ok: true, claims: payload as AppTokenClaims };
    } catch (error) {
      if (error instanceof joseErrors.JWTExpired)
        return { ok: false, message: 'Lifetime validation failed, the token is expired.' };
      return { ok: false, message: 'Access token validation failure.' };
    }
  }

  private async sign(claims: Record<string, unknown>): Promise<IssuedToken> {
    const now = Math.floor(Date.now() / 1000);
    const expiresIn = this.lifetimeSec();
    const token = await new SignJWT({
      ...claims,
      aio: randomBytes(24).toString('base64url'),
      rh: `0.${randomBytes(30).toString('base64url')}.`,
      uti: randomBytes(16).toString('base64url'),
    })
      .setProtectedHeader({ typ: 'JWT', alg: 'RS256', kid: this.keys.currentKid, x5t: this.keys.currentKid })
      .setIssuedAt(now)
      .setNotBefore(now)
      .setExpirationTime(now + expiresIn)
      .sign(this.keys.currentPrivateKey);
    return { token, expiresIn };
  }
}

// Entra's `sub` is pairwise: the same user has a different subject per app.
function pairwiseSubject(userId: string, clientId: string): string {
  return createHash('sha256').update(`${userId}:${clientId}`).digest('base64url').slice(0, 43);
}

export function newCorrelationId(): string {
  return randomUUID();
}
