import type { EmuRequest, EmuResponse } from '../core/emu-http.js';
import type { EntraContext } from './entra-context.js';
import { isTenantName } from '../tenant/tenant-directory.js';
import { tenantNotFound } from './entra-error.js';
import { openIdConfiguration } from './openid-configuration.js';
import { tokenEndpoint } from './token-endpoint.js';
import { authorize } from './authorize.js';

const ENTRA_PATH =
  /^\/([^/]+)\/(v2\.0\/\.well-known\/openid-configuration|\.well-known\/openid-configuration|discovery\/v2\.0\/keys|discovery\/keys|oauth2\/v2\.0\/token|oauth2\/v2\.0\/authorize|oauth2\/v2\.0\/logout)$/;

/** Whether a path belongs to the Entra token service (the same paths as login.microsoftonline.com). */
export function isEntraPath(path: string): boolean {
  return ENTRA_PATH.test(path);
}

export async function handleEntra(req: EmuRequest, ctx: EntraContext): Promise<EmuResponse> {
  const [, tenantName = '', endpoint = ''] = ENTRA_PATH.exec(req.path) ?? [];
  const cors = corsHeaders(req);
  if (req.method === 'OPTIONS') return { status: 204, headers: cors };
  const multiTenant = tenantName === 'common' || tenantName === 'organizations';
  const tenant = safeDecode(tenantName);
  if (!multiTenant && !isTenantName(ctx.tenant, tenant)) {
    const error = endpoint.includes('well-known') ? 'invalid_tenant' : 'invalid_request';
    return tenantNotFound(req, tenant, error, cors);
  }
  const response = await route(req, ctx, endpoint, multiTenant);
  return { ...response, headers: { ...response.headers, ...cors } };
}

async function route(
  req: EmuRequest,
  ctx: EntraContext,
  endpoint: string,
  multiTenant: boolean,
): Promise<EmuResponse> {
  const allowed = (methods: string[]): EmuResponse | undefined =>
    methods.includes(req.method)
      ? undefined
      : { status: 405, headers: { allow: methods.join(', ') }, text: 'Method Not Allowed' };
  switch (endpoint) {
    case 'v2.0/.well-known/openid-configuration':
    case '.well-known/openid-configuration': {
      const config = openIdConfiguration(req.origin, multiTenant ? '{tenantid}' : ctx.tenant.tenantId);
      return allowed(['GET']) ?? config;
    }
    case 'discovery/v2.0/keys':
    case 'discovery/keys':
      return allowed(['GET']) ?? { status: 200, json: ctx.keys.jwks() };
    case 'oauth2/v2.0/token':
      return allowed(['POST']) ?? tokenEndpoint(req, ctx);
    case 'oauth2/v2.0/authorize':
      return allowed(['GET', 'POST']) ?? authorize(req, ctx);
    default:
      return logout(req);
  }
}

function logout(req: EmuRequest): EmuResponse {
  const target = req.query.get('post_logout_redirect_uri');
  if (target) return { status: 302, headers: { location: target } };
  return {
    status: 200,
    headers: { 'content-type': 'text/html; charset=utf-8' },
    text: '<!doctype html><title>Signed out</title><p>You signed out of the M365 emulator.</p>',
  };
}

// The token endpoint answers browsers (SPA redirect URIs); so do discovery and keys, which MSAL fetches first.
function corsHeaders(req: EmuRequest): Record<string, string> {
  return {
    'access-control-allow-origin': req.headers.origin ?? '*',
    'access-control-allow-methods': 'GET, POST, OPTIONS',
    'access-control-allow-headers':
      req.headers['access-control-request-headers'] ??
      'content-type, client-request-id, x-client-sku, x-client-ver, x-client-os, x-client-cpu, x-ms-lib-capability',
    'access-control-expose-headers': 'client-request-id, x-ms-request-id',
    'access-control-max-age': '600',
    vary: 'Origin',
  };
}

function safeDecode(text: string): string {
  try {
    return decodeURIComponent(text);
  } catch {
    return text;
  }
}
