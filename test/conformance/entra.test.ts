import { createHash, randomBytes } from 'node:crypto';
import { ClientSecretCredential } from '@azure/identity';
import { createRemoteJWKSet, decodeJwt, jwtVerify } from 'jose';
import forge from 'node-forge';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startTestEmulator, type TestEmulator } from '../support/emulator.js';
import { SERVICE_MESSAGING_CLIENT_ID, DEMO_TENANT_ID } from '../../emulator/src/index.js';

// Entra side of docs/graph-behaviour.md §1 and case C25. Emulator only: a live tenant's token service needs no conformance check.
describe('Entra token service', () => {
  let emu: TestEmulator;
  let tokenEndpoint: string;
  beforeAll(async () => {
    emu = await startTestEmulator();
    tokenEndpoint = `${emu.url}/${emu.tenant.tenantId}/oauth2/v2.0/token`;
  });
  afterAll(() => emu.close());

  const form = (fields: Record<string, string>, headers: Record<string, string> = {}): Promise<Response> =>
    fetch(tokenEndpoint, {
      method: 'POST',
      headers: { 'content-type': 'application/x-www-form-urlencoded', ...headers },
      body: new URLSearchParams(fields),
    });
  const appToken = async (): Promise<string> => {
    const res = await form({
      grant_type: 'client_credentials',
      client_id: emu.mailApp.clientId,
      client_secret: emu.mailApp.clientSecret,
      scope: 'https://graph.microsoft.com/.default',
    });
    return ((await res.json()) as { access_token: string }).access_token;
  };

  it('serves HTTPS with a CA-signed leaf for localhost and 127.0.0.1 that this worker trusts via NODE_EXTRA_CA_CERTS', async () => {
    expect(process.env.NODE_EXTRA_CA_CERTS).toBe(emu.caCertFile);
    const ca = forge.pki.certificateFromPem(emu.caCertPem);
    expect(ca.getExtension('basicConstraints')).toMatchObject({ cA: true });
    expect((await fetch(`${emu.url}/_emulator/health`)).status).toBe(200);
    expect((await fetch(`https://127.0.0.1:${emu.port}/_emulator/health`)).status).toBe(200);
  });

  it('publishes the v2.0 OIDC metadata MSAL requires, and a JWKS', async () => {
    const config = (await (
      await fetch(`${emu.url}/${DEMO_TENANT_ID}/v2.0/.well-known/openid-configuration`)
    ).json()) as Record<string, string>;
    expect(config).toMatchObject({
      issuer: `${emu.url}/${DEMO_TENANT_ID}/v2.0`,
      token_endpoint: tokenEndpoint,
      authorization_endpoint: `${emu.url}/${DEMO_TENANT_ID}/oauth2/v2.0/authorize`,
      jwks_uri: `${emu.url}/${DEMO_TENANT_ID}/discovery/v2.0/keys`,
    });
    expect(config.end_session_endpoint).toMatch(/^https:\/\//);
    const jwks = (await (await fetch(config.jwks_uri!)).json()) as {
      keys: Array<{ kid: string; kty: string }>;
    };
    expect(jwks.keys.length).toBeGreaterThanOrEqual(1);
    expect(jwks.keys.every((k) => k.kty === 'RSA')).toBe(true);
  });

  it('gives @azure/identity ClientSecretCredential a Graph app token shaped like Entra v1 (docs/graph-behaviour.md §1.2)', async () => {
    const credential = new ClientSecretCredential(
      emu.tenant.tenantId,
      emu.mailApp.clientId,
      emu.mailApp.clientSecret,
      {
        authorityHost: emu.authorityHost,
        disableInstanceDiscovery: true,
      },
    );
    const { token, expiresOnTimestamp } = await credential.getToken('https://graph.microsoft.com/.default');
    const claims = decodeJwt(token);
    expect(claims).toMatchObject({
      aud: 'https://graph.microsoft.com',
      iss: `https://sts.windows.net/${DEMO_TENANT_ID}/`,
      tid: DEMO_TENANT_ID,
      appid: emu.mailApp.clientId,
      roles: ['Mail.ReadWrite', 'Mail.Send'],
      ver: '1.0',
    });
    expect(Math.abs(expiresOnTimestamp - Date.now() - 3599_000)).toBeLessThan(10_000);
  });

  it('C25: a wrong secret is 401 invalid_client AADSTS7000215, and the credential surfaces it', async () => {
    const res = await form({
      grant_type: 'client_credentials',
      client_id: emu.mailApp.clientId,
      client_secret: 'not-the-secret',
      scope: 'https://graph.microsoft.com/.default',
    });
    expect(res.status).toBe(401);
    const body = (await res.json()) as Record<string, unknown>;
    expect(body).toMatchObject({ error: 'invalid_client', error_codes: [7000215] });
    expect(body.error_description).toMatch(/^AADSTS7000215: /);
    expect(Object.keys(body)).toEqual(
      expect.arrayContaining(['timestamp', 'trace_id', 'correlation_id', 'error_uri']),
    );
    const credential = new ClientSecretCredential(
      emu.tenant.tenantId,
      emu.mailApp.clientId,
      'not-the-secret',
      { authorityHost: emu.authorityHost, disableInstanceDiscovery: true },
    );
    await expect(credential.getToken('https://graph.microsoft.com/.default')).rejects.toThrow(
      /AADSTS7000215/,
    );
  });

  it('C25: an unknown tenant is 400 AADSTS90002 at the token endpoint (invalid_request) and discovery (invalid_tenant)', async () => {
    const token = await fetch(`${emu.url}/00000000-1111-2222-3333-444444444444/oauth2/v2.0/token`, {
      method: 'POST',
      body: new URLSearchParams({ grant_type: 'client_credentials' }),
    });
    expect(token.status).toBe(400);
    expect(await token.json()).toMatchObject({ error: 'invalid_request', error_codes: [90002] });
    const discovery = await fetch(`${emu.url}/nosuch.example/v2.0/.well-known/openid-configuration`);
    expect(discovery.status).toBe(400);
    expect(await discovery.json()).toMatchObject({ error: 'invalid_tenant', error_codes: [90002] });
  });

  it('answers other client errors with their AADSTS codes: unknown client, bad scope, missing secret', async () => {
    const unknown = await form({
      grant_type: 'client_credentials',
      client_id: '11111111-2222-3333-4444-555555555555',
      client_secret: 'x',
      scope: 'https://graph.microsoft.com/.default',
    });
    expect([unknown.status, ((await unknown.json()) as { error_codes: number[] }).error_codes]).toEqual([
      400,
      [700016],
    ]);
    const scope = await form({
      grant_type: 'client_credentials',
      client_id: emu.mailApp.clientId,
      client_secret: emu.mailApp.clientSecret,
      scope: 'Mail.Read',
    });
    expect(scope.status).toBe(400);
    expect(await scope.json()).toMatchObject({ error: 'invalid_scope' });
    const missing = await form({
      grant_type: 'client_credentials',
      client_id: emu.mailApp.clientId,
      scope: 'https://graph.microsoft.com/.default',
    });
    expect([missing.status, ((await missing.json()) as { error_codes: number[] }).error_codes]).toEqual([
      401,
      [7000218],
    ]);
  });

  it('C25: offline MSAL without disableInstanceDiscovery cannot resolve the emulator authority', async () => {
    const credential = new ClientSecretCredential(
      emu.tenant.tenantId,
      emu.mailApp.clientId,
      emu.mailApp.clientSecret,
      { authorityHost: emu.authorityHost },
    );
    await expect(credential.getToken('https://graph.microsoft.com/.default')).rejects.toThrow(
      /endpoints_resolution_error|untrusted_authority/,
    );
  });

  it('C25: @azure/identity refuses an http:// authority host', () => {
    expect(
      () =>
        new ClientSecretCredential(emu.tenant.tenantId, emu.mailApp.clientId, emu.mailApp.clientSecret, {
          authorityHost: emu.authorityHost.replace('https:', 'http:'),
        }),
    ).toThrow(/must use the 'https' protocol/);
  });

  it('issues user tokens for our API that verify with jose against the published keys', async () => {
    const res = await emu.control('POST', '/tokens/user', { upn: 'agent@contoso.test' });
    const { access_token } = (await res.json()) as { access_token: string };
    const jwks = createRemoteJWKSet(new URL(`${emu.url}/${DEMO_TENANT_ID}/discovery/v2.0/keys`));
    const { payload, protectedHeader } = await jwtVerify(access_token, jwks, {
      issuer: `${emu.url}/${DEMO_TENANT_ID}/v2.0`,
      audience: SERVICE_MESSAGING_CLIENT_ID,
    });
    expect(protectedHeader.alg).toBe('RS256');
    expect(payload).toMatchObject({
      scp: 'access_as_user',
      roles: ['ServiceDesk.Agent'],
      preferred_username: 'agent@contoso.test',
      tid: DEMO_TENANT_ID,
      ver: '2.0',
      azp: SERVICE_MESSAGING_CLIENT_ID,
    });
    expect(payload.oid).toBe(emu.tenant.users.find((u) => u.userPrincipalName === 'agent@contoso.test')?.id);
  });

  it('runs the authorization-code + PKCE sign-in: a page listing the demo users, a code, tokens, one use only', async () => {
    const verifier = randomBytes(32).toString('base64url');
    const challenge = createHash('sha256').update(verifier).digest('base64url');
    const redirectUri = 'http://localhost:3978/auth-end';
    const params = new URLSearchParams({
      client_id: SERVICE_MESSAGING_CLIENT_ID,
      response_type: 'code',
      redirect_uri: redirectUri,
      response_mode: 'fragment',
      scope: `api://${SERVICE_MESSAGING_CLIENT_ID}/access_as_user openid profile offline_access`,
      state: 's1',
      nonce: 'n1',
      code_challenge: challenge,
      code_challenge_method: 'S256',
    });
    const authorize = `${emu.url}/${DEMO_TENANT_ID}/oauth2/v2.0/authorize?${params}`;
    const page = await (await fetch(authorize)).text();
    expect(page).toContain('admin@contoso.test');
    expect(page).toContain('agent@contoso.test');
    expect(page).not.toContain('support@contoso.test');
    const newCode = async (): Promise<string> => {
      const pick = await fetch(authorize, {
        method: 'POST',
        redirect: 'manual',
        body: new URLSearchParams([...params, ['upn', 'admin@contoso.test']]),
      });
      expect(pick.status).toBe(302);
      const answer = new URLSearchParams(new URL(pick.headers.get('location')!).hash.slice(1));
      expect(answer.get('state')).toBe('s1');
      return answer.get('code')!;
    };
    const redeem = (code: string, codeVerifier: string): Promise<Response> =>
      form(
        {
          grant_type: 'authorization_code',
          client_id: SERVICE_MESSAGING_CLIENT_ID,
          code,
          redirect_uri: redirectUri,
          code_verifier: codeVerifier,
        },
        { origin: 'http://localhost:3978' },
      );
    const first = await newCode();
    expect(await (await redeem(first, 'wrong-verifier')).json()).toMatchObject({
      error: 'invalid_grant',
      error_codes: [50148],
    });
    expect(await (await redeem(first, verifier)).json()).toMatchObject({
      error: 'invalid_grant',
      error_codes: [54005],
    });
    const ok = await redeem(await newCode(), verifier);
    expect(ok.status).toBe(200);
    expect(ok.headers.get('access-control-allow-origin')).toBe('http://localhost:3978');
    const tokens = (await ok.json()) as Record<string, string>;
    expect(decodeJwt(tokens.access_token!)).toMatchObject({
      aud: SERVICE_MESSAGING_CLIENT_ID,
      roles: ['ServiceDesk.Admin', 'ServiceDesk.Agent'],
      scp: 'access_as_user',
    });
    expect(decodeJwt(tokens.id_token!)).toMatchObject({
      aud: SERVICE_MESSAGING_CLIENT_ID,
      nonce: 'n1',
      preferred_username: 'admin@contoso.test',
    });
    const refreshed = await form({
      grant_type: 'refresh_token',
      client_id: SERVICE_MESSAGING_CLIENT_ID,
      refresh_token: tokens.refresh_token!,
    });
    expect(decodeJwt(((await refreshed.json()) as { access_token: string }).access_token)).toMatchObject({
      preferred_username: 'admin@contoso.test',
    });
    // The API's Application ID URI (api://<tab host>/<client id>) on a laptop: loopback hosts only.
    const redeemFor = async (scope: string) =>
      form({
        grant_type: 'authorization_code',
        client_id: SERVICE_MESSAGING_CLIENT_ID,
        code: await newCode(),
        redirect_uri: redirectUri,
        code_verifier: verifier,
        scope,
      });
    expect(
      (await redeemFor(`api://localhost:3978/${SERVICE_MESSAGING_CLIENT_ID}/access_as_user`)).status,
    ).toBe(200);
    expect(
      await (await redeemFor(`api://desk.example.com/${SERVICE_MESSAGING_CLIENT_ID}/access_as_user`)).json(),
    ).toMatchObject({ error: 'invalid_resource', error_codes: [500011] });
    const preflight = await fetch(tokenEndpoint, {
      method: 'OPTIONS',
      headers: { origin: 'http://localhost:3978', 'access-control-request-method': 'POST' },
    });
    expect(preflight.headers.get('access-control-allow-methods')).toContain('POST');
  });

  it('Graph answers 401 InvalidAuthenticationToken for missing, malformed and wrong-audience tokens (docs/graph-behaviour.md §8)', async () => {
    const url = `${emu.url}/v1.0/users/support@contoso.test/mailFolders`;
    const userToken = (
      (await (await emu.control('POST', '/tokens/user', { upn: 'admin@contoso.test' })).json()) as {
        access_token: string;
      }
    ).access_token;
    const cases: Array<[string | undefined, RegExp]> = [
      [undefined, /Access token is empty/],
      ['not-a-jwt', /CompactToken parsing failed/],
      [userToken, /Invalid audience/],
    ];
    for (const [token, message] of cases) {
      const res = await fetch(url, { headers: token ? { authorization: `Bearer ${token}` } : {} });
      expect(res.status).toBe(401);
      expect(res.headers.get('www-authenticate')).toMatch(/^Bearer /);
      const body = (await res.json()) as {
        error: { code: string; message: string; innerError: Record<string, string> };
      };
      expect(body.error.code).toBe('InvalidAuthenticationToken');
      expect(body.error.message).toMatch(message);
      expect(Object.keys(body.error.innerError)).toEqual(['date', 'request-id', 'client-request-id']);
    }
  });

  it('POST /_emulator/tokens/expire makes issued tokens fail: Graph says expired, jose finds no key', async () => {
    const graphToken = await appToken();
    const userToken = (
      (await (await emu.control('POST', '/tokens/user', { upn: 'admin@contoso.test' })).json()) as {
        access_token: string;
      }
    ).access_token;
    const url = `${emu.url}/v1.0/users/support@contoso.test/mailFolders`;
    expect((await fetch(url, { headers: { authorization: `Bearer ${graphToken}` } })).status).toBe(200);
    expect((await emu.control('POST', '/tokens/expire')).status).toBe(204);
    const after = await fetch(url, { headers: { authorization: `Bearer ${graphToken}` } });
    expect(after.status).toBe(401);
    expect(((await after.json()) as { error: { message: string } }).error.message).toBe(
      'Lifetime validation failed, the token is expired.',
    );
    const jwks = createRemoteJWKSet(new URL(`${emu.url}/${DEMO_TENANT_ID}/discovery/v2.0/keys`));
    await expect(jwtVerify(userToken, jwks)).rejects.toThrow();
    expect((await fetch(url, { headers: { authorization: `Bearer ${await appToken()}` } })).status).toBe(200);
  });
});
