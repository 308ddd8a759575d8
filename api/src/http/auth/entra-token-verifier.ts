import { createRemoteJWKSet, errors, jwtVerify, type JWTPayload, type JWTVerifyGetKey } from 'jose';
import { AppError } from '../../domain/app-error.js';
import type { Principal, Role } from '../../domain/principal.js';

export type VerifyAccessToken = (token: string) => Promise<Principal>;

export type EntraVerifierOptions = {
  tenantId: string;
  clientId: string;
  /** https://login.microsoftonline.com, or the emulator in demo mode: same code path. */
  authorityHost: string;
  /** Host of the tab, for the v1 audience `api://<host>/<client id>`. */
  tabDomain?: string;
  /** Tests pass a local key set; otherwise the tenant's JWKS is fetched and cached. */
  keys?: JWTVerifyGetKey;
};

const ROLES: readonly Role[] = ['ServiceDesk.Admin', 'ServiceDesk.Agent'];

/**
 * Verifies an Entra ID access token for our API: signature against the tenant's keys, issuer (v2, and v1
 * for tokens requested with the App ID URI), audience, expiry, and that it was issued for our scope or
 * carries one of our app roles. https://learn.microsoft.com/entra/identity-platform/access-tokens#validate-tokens
 */
export function createEntraTokenVerifier(options: EntraVerifierOptions): VerifyAccessToken {
  const { tenantId, clientId, authorityHost } = options;
  const keys = options.keys ?? createRemoteJWKSet(new URL(`${authorityHost}/${tenantId}/discovery/v2.0/keys`));
  const issuer = [`${authorityHost}/${tenantId}/v2.0`, `https://sts.windows.net/${tenantId}/`];
  const audience = [clientId, ...(options.tabDomain ? [`api://${options.tabDomain}/${clientId}`] : [])];

  return async (token) => {
    let payload: JWTPayload;
    try {
      ({ payload } = await jwtVerify(token, keys, { issuer, audience, algorithms: ['RS256'], clockTolerance: 60 }));
    } catch (err) {
      throw new AppError('unauthenticated', explain(err));
    }
    const scopes = typeof payload.scp === 'string' ? payload.scp.split(' ') : [];
    const roles = (Array.isArray(payload.roles) ? payload.roles : []).filter((r): r is Role => ROLES.includes(r as Role));
    if (!scopes.includes('access_as_user') && roles.length === 0) {
      throw new AppError('unauthenticated', 'The token was not issued for this API (no access_as_user scope and no app role).');
    }
    return {
      id: String(payload.oid ?? payload.sub ?? ''),
      tenantId: String(payload.tid ?? ''),
      name: String(payload.name ?? payload.preferred_username ?? 'Unknown user'),
      email: String(payload.preferred_username ?? payload.upn ?? payload.email ?? '').toLowerCase(),
      roles,
    };
  };
}

function explain(err: unknown): string {
  if (err instanceof errors.JWTExpired) return 'The access token has expired; sign in again.';
  if (err instanceof errors.JWTClaimValidationFailed) return `The access token is not for this API (${err.claim} does not match).`;
  if (err instanceof errors.JWKSNoMatchingKey || err instanceof errors.JWSSignatureVerificationFailed) return 'The access token signature is not valid.';
  if (err instanceof errors.JWKSTimeout || (err as { code?: string })?.code === 'ERR_JOSE_GENERIC') return 'The identity provider could not be reached to check the token.';
  return 'The access token is not valid.';
}
