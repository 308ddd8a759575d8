import { ClientSecretCredential } from '@azure/identity';
import { decodeJwt } from 'jose';
import forge from 'node-forge';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { DEMO_TENANT_ID } from '../../emulator/src/index.js';
import { startEntraTarget, type EntraTarget } from './support/entra-target.js';

// Entra side of docs/graph-behaviour.md §1 and case C25: discovery, app tokens and their errors. Emulator only: a live
// tenant's token service needs no conformance check. User sign-in: entra-user-tokens.test.ts.
describe('Entra token service', () => {
  let emu: EntraTarget['emu'];
  let tokenEndpoint: string;
  let form: EntraTarget['form'];
  beforeAll(async () => {
    ({ emu, tokenEndpoint, form } = await startEntraTarget());
  });
  afterAll(() => emu.close());

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
});
