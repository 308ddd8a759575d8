import { createHash, randomBytes } from 'node:crypto';
import { createRemoteJWKSet, decodeJwt, jwtVerify } from 'jose';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { SERVICE_MESSAGING_CLIENT_ID, DEMO_TENANT_ID } from '../../emulator/src/index.js';
import { startEntraTarget, type EntraTarget } from './support/entra-target.js';

// Entra side of docs/graph-behaviour.md §1 for users: tokens for our API, the authorization-code + PKCE sign-in, and
// what Graph says of bad or expired tokens. Emulator only.
describe('Entra user tokens and sign-in', () => {
  let emu: EntraTarget['emu'];
  let tokenEndpoint: string;
  let form: EntraTarget['form'];
  let appToken: EntraTarget['appToken'];
  beforeAll(async () => {
    ({ emu, tokenEndpoint, form, appToken } = await startEntraTarget());
  });
  afterAll(() => emu.close());

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
