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
 * for tokens requested with the App ID URI), audience, lifetime, and that it is an access token as Entra
 * issues them, for our scope or one of our app roles. https://learn.microsoft.com/entra/identity-platform/access-tokens#validate-tokens
 * The rules and the reasons for each are in docs/security.md ("Sign-in tokens").
 */
export function createEntraTokenVerifier(options: EntraVerifierOptions): VerifyAccessToken {
  const { tenantId, clientId, authorityHost } = options;
  const keys =
    options.keys ?? createRemoteJWKSet(new URL(`${authorityHost}/${tenantId}/discovery/v2.0/keys`));
  const issuer = [`${authorityHost}/${tenantId}/v2.0`, `https://sts.windows.net/${tenantId}/`];
  const audience = [clientId, ...(options.tabDomain ? [`api://${options.tabDomain}/${clientId}`] : [])];

  return async (token) => {
    let payload: JWTPayload;
    try {
      ({ payload } = await jwtVerify(token, keys, {
        issuer,
        audience,
        algorithms: ['RS256'],
        clockTolerance: 60,
        typ: 'JWT',
        requiredClaims: REQUIRED_CLAIMS,
      }));
    } catch (err) {
      throw new AppError('unauthenticated', explain(err));
    }
    const shape = accessTokenProblem(payload);
    if (shape) throw new AppError('unauthenticated', shape);
    const scopes = typeof payload.scp === 'string' ? payload.scp.split(' ') : [];
    const roles = (Array.isArray(payload.roles) ? payload.roles : []).filter((r): r is Role =>
      ROLES.includes(r as Role),
    );
    if (!scopes.includes('access_as_user') && roles.length === 0) {
      throw new AppError(
        'unauthenticated',
        'The token was not issued for this API (no access_as_user scope and no app role).',
      );
    }
    return {
      id: String(payload.oid),
      tenantId: String(payload.tid),
      name: String(payload.name ?? payload.preferred_username ?? 'Unknown user'),
      email: String(payload.preferred_username ?? payload.upn ?? payload.email ?? '').toLowerCase(),
      roles,
    };
  };
}

// A token without a lifetime would be valid forever; without tid/oid it names no one we can authorise.
const REQUIRED_CLAIMS = ['exp', 'iat', 'tid', 'oid'];

/**
 * Entra's access tokens say which client asked for them (azp in v2, appid in v1) and carry `ver`; ID tokens do
 * not, and an ID token for our app may still list its roles. Answers what is wrong, or undefined.
 */
function accessTokenProblem(payload: JWTPayload): string | undefined {
  const ver = payload.ver;
  const v2 = payload.iss?.endsWith('/v2.0');
  if (ver !== (v2 ? '2.0' : '1.0'))
    return 'The token is not an Entra access token (its version does not match its issuer).';
  const client = v2 ? payload.azp : payload.appid;
  if (typeof client !== 'string' || client === '')
    return 'The token is not an access token (an ID token cannot be used to call the API; sign in again).';
  if (payload.scp !== undefined && typeof payload.scp !== 'string')
    return 'The token is not an Entra access token (scp is not a list of scopes).';
  if (payload.roles !== undefined && !Array.isArray(payload.roles))
    return 'The token is not an Entra access token (roles is not a list).';
  return undefined;
}

function explain(err: unknown): string {
  if (err instanceof errors.JWTExpired) return 'The access token has expired; sign in again.';
  if (err instanceof errors.JWTClaimValidationFailed) {
    return err.reason === 'missing'
      ? `The access token lacks the ${err.claim} claim Entra always sets; sign in again.`
      : `The access token is not for this API (${err.claim} does not match).`;
  }
  if (err instanceof errors.JWKSNoMatchingKey || err instanceof errors.JWSSignatureVerificationFailed)
    return 'The access token signature is not valid.';
  if (err instanceof errors.JWKSTimeout || (err as { code?: string })?.code === 'ERR_JOSE_GENERIC')
    return 'The identity provider could not be reached to check the token.';
  return 'The access token is not valid.';
}
