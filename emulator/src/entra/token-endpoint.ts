import { createHash } from 'node:crypto';
import type { EmuRequest, EmuResponse } from '../core/emu-http.js';
import type { EntraContext } from './entra-context.js';
import { entraError } from './entra-error.js';
import { findApp, findUser, type AppRegistration } from '../tenant/tenant-directory.js';
import {
  EXCHANGE_APP_ID,
  EXCHANGE_RESOURCE,
  GRAPH_APP_ID,
  GRAPH_RESOURCE,
  SERVICE_MESSAGING_CLIENT_ID,
  USER_SCOPE,
} from '../tenant/demo-tenant.js';

const NO_STORE = { 'cache-control': 'no-store, no-cache', pragma: 'no-cache' };

/** POST /{tenant}/oauth2/v2.0/token: client_credentials, authorization_code (+PKCE) and refresh_token. */
export async function tokenEndpoint(req: EmuRequest, ctx: EntraContext): Promise<EmuResponse> {
  const form = new URLSearchParams(req.body.toString('utf8'));
  const basic = basicCredentials(req.headers.authorization);
  const clientId = (form.get('client_id') ?? basic?.id ?? '').toLowerCase();
  const grantType = form.get('grant_type');
  if (!grantType) {
    return entraError(
      req,
      400,
      'invalid_request',
      900144,
      "The request body must contain the following parameter: 'grant_type'.",
    );
  }
  if (!clientId) {
    return entraError(
      req,
      400,
      'invalid_request',
      900144,
      "The request body must contain the following parameter: 'client_id'.",
    );
  }
  const app = findApp(ctx.tenant, clientId);
  if (!app) {
    return entraError(
      req,
      400,
      'unauthorized_client',
      700016,
      `Application with identifier '${clientId}' was not found in the directory '${ctx.tenant.domains[0]}'. This can happen if the application has not been installed by the administrator of the tenant or consented to by any user in the tenant. You may have sent your authentication request to the wrong tenant.`,
    );
  }
  switch (grantType) {
    case 'client_credentials':
      return clientCredentials(req, ctx, app, form, form.get('client_secret') ?? basic?.secret);
    case 'authorization_code':
      return authorizationCode(req, ctx, form, clientId);
    case 'refresh_token':
      return refreshToken(req, ctx, form, clientId);
    default:
      return entraError(
        req,
        400,
        'unsupported_grant_type',
        70003,
        `The app requested an unsupported grant type '${grantType}'.`,
      );
  }
}

/** The resources a daemon app may ask for: Graph, and Exchange Online for IMAP/SMTP with XOAUTH2. */
const APP_RESOURCES: Record<string, string> = {
  [`${GRAPH_RESOURCE}/.default`]: GRAPH_RESOURCE,
  [`${GRAPH_APP_ID}/.default`]: GRAPH_RESOURCE,
  [`${EXCHANGE_RESOURCE}/.default`]: EXCHANGE_RESOURCE,
  [`${EXCHANGE_APP_ID}/.default`]: EXCHANGE_RESOURCE,
};

async function clientCredentials(
  req: EmuRequest,
  ctx: EntraContext,
  app: AppRegistration,
  form: URLSearchParams,
  secret: string | undefined,
): Promise<EmuResponse> {
  if (!secret) {
    return entraError(
      req,
      401,
      'invalid_client',
      7000218,
      "The request body must contain the following parameter: 'client_assertion' or 'client_secret'.",
    );
  }
  if (app.clientSecret === null || secret !== app.clientSecret) {
    return entraError(
      req,
      401,
      'invalid_client',
      7000215,
      `Invalid client secret provided. Ensure the secret being sent in the request is the client secret value, not the client secret ID, for a secret added to app '${app.clientId}'.`,
    );
  }
  const scope = form.get('scope') ?? '';
  const scopes = scope.split(' ').filter(Boolean);
  const resource = scopes.length === 1 ? APP_RESOURCES[scopes[0]!] : undefined;
  if (!resource) {
    return entraError(
      req,
      400,
      'invalid_scope',
      1002012,
      `The provided value for scope ${scope || '(empty)'} is not valid. Client credential flows must have a scope value with /.default suffixed to the resource identifier (application ID URI).`,
    );
  }
  const issued = await ctx.tokens.appToken(app, resource);
  ctx.countTokenIssued('app');
  return {
    status: 200,
    headers: NO_STORE,
    json: {
      token_type: 'Bearer',
      expires_in: issued.expiresIn,
      ext_expires_in: issued.expiresIn,
      access_token: issued.token,
    },
  };
}

async function authorizationCode(
  req: EmuRequest,
  ctx: EntraContext,
  form: URLSearchParams,
  clientId: string,
): Promise<EmuResponse> {
  const grant = ctx.codes.redeemCode(form.get('code') ?? '');
  if (grant === 'redeemed') {
    return entraError(
      req,
      400,
      'invalid_grant',
      54005,
      'OAuth2 Authorization code was already redeemed, please retry with a new valid code or use an existing refresh token.',
    );
  }
  if (grant === 'expired' || grant === undefined || grant.clientId !== clientId) {
    return entraError(
      req,
      400,
      'invalid_grant',
      70008,
      'The provided authorization code or refresh token has expired due to inactivity. Send a new interactive authorization request for this user and resource.',
    );
  }
  if (form.get('redirect_uri') !== grant.redirectUri) {
    return entraError(
      req,
      400,
      'invalid_grant',
      500112,
      'The reply address does not match the reply address provided when requesting the authorization code.',
    );
  }
  if (grant.codeChallenge) {
    const verifier = form.get('code_verifier') ?? '';
    const computed =
      grant.codeChallengeMethod === 'plain'
        ? verifier
        : createHash('sha256').update(verifier).digest('base64url');
    if (computed !== grant.codeChallenge) {
      return entraError(
        req,
        400,
        'invalid_grant',
        50148,
        'The code_verifier does not match the code_challenge supplied in the authorization request for PKCE.',
      );
    }
  }
  return userTokens(req, ctx, grant.upn, clientId, form.get('scope') ?? grant.scope, grant.nonce);
}

async function refreshToken(
  req: EmuRequest,
  ctx: EntraContext,
  form: URLSearchParams,
  clientId: string,
): Promise<EmuResponse> {
  const grant = ctx.codes.redeemRefreshToken(form.get('refresh_token') ?? '');
  if (!grant || grant.clientId !== clientId) {
    return entraError(
      req,
      400,
      'invalid_grant',
      9002313,
      'Invalid request. Request is malformed or invalid.',
    );
  }
  return userTokens(req, ctx, grant.upn, clientId, form.get('scope') ?? grant.scope, undefined);
}

async function userTokens(
  req: EmuRequest,
  ctx: EntraContext,
  upn: string,
  clientId: string,
  scope: string,
  nonce: string | undefined,
): Promise<EmuResponse> {
  const user = findUser(ctx.tenant, upn);
  if (!user)
    return entraError(
      req,
      400,
      'invalid_grant',
      50034,
      `The user account ${upn} does not exist in the ${ctx.tenant.domains[0]} directory.`,
    );
  const unknown = scope
    .split(' ')
    .filter(Boolean)
    .find((s) => !isKnownDelegatedScope(s));
  if (unknown) {
    return entraError(
      req,
      400,
      'invalid_resource',
      500011,
      `The resource principal named ${unknown.replace(/\/[^/]*$/, '')} was not found in the tenant named ${ctx.tenant.domains[0]}. This can happen if the application has not been installed by the administrator of the tenant or consented to by any user in the tenant.`,
    );
  }
  const access = await ctx.tokens.userToken(user, clientId, USER_SCOPE);
  const id = await ctx.tokens.idToken(user, clientId, nonce);
  ctx.countTokenIssued('user');
  const granted = [
    `api://${SERVICE_MESSAGING_CLIENT_ID}/${USER_SCOPE}`,
    ...scope.split(' ').filter((s) => ['openid', 'profile', 'email', 'offline_access'].includes(s)),
  ];
  return {
    status: 200,
    headers: NO_STORE,
    json: {
      token_type: 'Bearer',
      scope: granted.join(' '),
      expires_in: access.expiresIn,
      ext_expires_in: access.expiresIn,
      access_token: access.token,
      refresh_token: ctx.codes.issueRefreshToken({ upn: user.userPrincipalName, clientId, scope }),
      id_token: id.token,
      client_info: Buffer.from(JSON.stringify({ uid: user.id, utid: ctx.tenant.tenantId })).toString(
        'base64url',
      ),
    },
  };
}

/**
 * Delegated scopes the demo tenant can grant: OIDC ones and our API's access_as_user (or its .default). The API's
 * Application ID URI is api://<tab host>/<client id> (aad.manifest.json); on a laptop the tab host is loopback, with
 * or without a port, so the demo app registration carries those identifier URIs.
 */
function isKnownDelegatedScope(scope: string): boolean {
  if (['openid', 'profile', 'email', 'offline_access'].includes(scope)) return true;
  const api = [`api://${SERVICE_MESSAGING_CLIENT_ID}`, SERVICE_MESSAGING_CLIENT_ID];
  if (api.some((prefix) => scope === `${prefix}/${USER_SCOPE}` || scope === `${prefix}/.default`))
    return true;
  const loopbackUri = new RegExp(
    `^api://(localhost|127\\.0\\.0\\.1)(:\\d{1,5})?/${SERVICE_MESSAGING_CLIENT_ID}/(${USER_SCOPE}|\\.default)$`,
  );
  return loopbackUri.test(scope);
}

function basicCredentials(authorization: string | undefined): { id: string; secret: string } | undefined {
  if (!authorization?.startsWith('Basic ')) return undefined;
  const [id, ...rest] = Buffer.from(authorization.slice(6), 'base64').toString('utf8').split(':');
  return id ? { id: decodeURIComponent(id), secret: decodeURIComponent(rest.join(':')) } : undefined;
}
