import type { EmuRequest, EmuResponse } from '../core/emu-http.js';
import type { EntraContext } from './entra-context.js';
import { entraError } from './entra-error.js';
import { findApp, findUser } from '../tenant/tenant-directory.js';
import { escapeHtml } from '../core/escape-html.js';

/**
 * /{tenant}/oauth2/v2.0/authorize: a small sign-in page listing the demo users (GET), and the pick (POST) that
 * redirects back with a code. `prompt=none` with a known `login_hint` signs in silently, as an SSO session would.
 */
export function authorize(req: EmuRequest, ctx: EntraContext): EmuResponse {
  const params = req.method === 'POST' ? new URLSearchParams(req.body.toString('utf8')) : req.query;
  const clientId = (params.get('client_id') ?? '').toLowerCase();
  const redirectUri = params.get('redirect_uri');
  if (!findApp(ctx.tenant, clientId)) {
    return entraError(
      req,
      400,
      'unauthorized_client',
      700016,
      `Application with identifier '${clientId}' was not found in the directory '${ctx.tenant.domains[0]}'.`,
    );
  }
  if (!redirectUri || params.get('response_type') !== 'code') {
    return entraError(
      req,
      400,
      'invalid_request',
      900144,
      "The request must contain 'redirect_uri' and response_type 'code'.",
    );
  }
  const chosen =
    req.method === 'POST'
      ? params.get('upn')
      : params.get('prompt') === 'none'
        ? params.get('login_hint')
        : null;
  const user = chosen ? findUser(ctx.tenant, chosen) : undefined;
  if (user?.canSignIn) {
    const code = ctx.codes.issueCode({
      upn: user.userPrincipalName,
      clientId,
      redirectUri,
      scope: params.get('scope') ?? '',
      codeChallenge: params.get('code_challenge') ?? undefined,
      codeChallengeMethod: params.get('code_challenge_method') ?? undefined,
      nonce: params.get('nonce') ?? undefined,
    });
    const clientInfo = Buffer.from(JSON.stringify({ uid: user.id, utid: ctx.tenant.tenantId })).toString(
      'base64url',
    );
    return redirectBack(redirectUri, params, { code, client_info: clientInfo });
  }
  if (params.get('prompt') === 'none') {
    return redirectBack(redirectUri, params, {
      error: 'login_required',
      error_description: 'AADSTS50058: A silent sign-in request was sent but no user is signed in.',
    });
  }
  return {
    status: 200,
    headers: { 'content-type': 'text/html; charset=utf-8' },
    text: signInPage(ctx, params),
  };
}

function redirectBack(
  redirectUri: string,
  params: URLSearchParams,
  result: Record<string, string>,
): EmuResponse {
  const answer = new URLSearchParams(result);
  const state = params.get('state');
  if (state) answer.set('state', state);
  const mode = params.get('response_mode') ?? 'query';
  if (mode === 'form_post') {
    const inputs = [...answer]
      .map(([k, v]) => `<input type="hidden" name="${escapeHtml(k)}" value="${escapeHtml(v)}">`)
      .join('');
    return {
      status: 200,
      headers: { 'content-type': 'text/html; charset=utf-8' },
      text: `<!doctype html><html><body onload="document.forms[0].submit()"><form method="post" action="${escapeHtml(redirectUri)}">${inputs}</form></body></html>`,
    };
  }
  const url = new URL(redirectUri);
  if (mode === 'fragment') url.hash = answer.toString();
  else answer.forEach((v, k) => url.searchParams.set(k, v));
  return { status: 302, headers: { location: url.toString() } };
}

function signInPage(ctx: EntraContext, params: URLSearchParams): string {
  const hidden = [...params]
    .filter(([k]) => k !== 'upn')
    .map(([k, v]) => `<input type="hidden" name="${escapeHtml(k)}" value="${escapeHtml(v)}">`)
    .join('');
  const buttons = ctx.tenant.users
    .filter((u) => u.canSignIn)
    .map(
      (u) =>
        `<button type="submit" name="upn" value="${escapeHtml(u.userPrincipalName)}"><strong>${escapeHtml(u.displayName)}</strong><span>${escapeHtml(u.userPrincipalName)} · ${escapeHtml(u.appRoles.join(', '))}</span></button>`,
    )
    .join('');
  return `<!doctype html>
<html lang="en"><head><meta charset="utf-8"><title>Sign in to ${escapeHtml(ctx.tenant.domains[0] ?? '')} (M365 emulator)</title>
<style>body{font-family:"Segoe UI",system-ui,sans-serif;background:#f2f2f2;display:flex;justify-content:center;padding-top:10vh}
main{background:#fff;padding:44px;width:340px;box-shadow:0 2px 6px rgba(0,0,0,.2)}h1{font-size:24px;font-weight:600;margin:0 0 8px}
p{color:#555;margin:0 0 20px}button{display:flex;flex-direction:column;align-items:flex-start;width:100%;margin:8px 0;padding:12px;border:1px solid #ccc;background:#fff;cursor:pointer;text-align:left;font:inherit}
button:hover,button:focus{border-color:#0067b8;outline:2px solid #0067b8}span{color:#555;font-size:13px}</style></head>
<body><main><h1>Pick an account</h1><p>M365 emulator · demo tenant ${escapeHtml(ctx.tenant.domains[0] ?? '')}</p>
<form method="post">${hidden}${buttons}</form></main></body></html>`;
}
