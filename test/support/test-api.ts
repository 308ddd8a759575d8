import { randomUUID } from 'node:crypto';
import { SignJWT, createLocalJWKSet, exportJWK, generateKeyPair } from 'jose';
import { pino } from 'pino';
import { createSecretBox } from '../../api/src/domain/secret-box.js';
import type { Role } from '../../api/src/domain/principal.js';
import { createEntraTokenVerifier } from '../../api/src/http/auth/entra-token-verifier.js';
import { createApp, type AppDeps } from '../../api/src/http/create-app.js';
import { DEFAULT_READ_TIME_LIMIT_MS, understand } from '../../api/src/mail/understand/understand.js';
import type { ServiceDeps } from '../../api/src/services/deps.js';
import { ensureDefaults } from '../../api/src/services/settings/ensure-defaults.js';
import { createMemoryBlobStore } from '../../api/src/store/memory-blob-store.js';
import { createMemoryStore } from '../../api/src/store/memory-store.js';
import type { Store } from '../../api/src/ports/store.js';

// The API over a memory store with a local signing key standing in for the tenant's JWKS: the real
// verifier runs (signature, issuer, audience, expiry), only the key source differs.
export const TENANT_ID = '11111111-2222-4333-8444-555555555555';
export const CLIENT_ID = '66666666-7777-4888-9999-aaaaaaaaaaaa';
export const AUTHORITY = 'https://login.microsoftonline.com';
export const ISSUER = `${AUTHORITY}/${TENANT_ID}/v2.0`;

export type TokenOptions = {
  roles?: Role[];
  upn?: string;
  /** The caller's Entra object id (oid); a fresh one per token when not given. */
  oid?: string;
  audience?: string;
  issuer?: string;
  expiresInSec?: number;
  scp?: string | null;
  signWith?: 'ours' | 'stranger';
  /** Claims to leave out (exp, iat, tid, oid ...), to check the API insists on them. */
  omit?: readonly string[];
  /** 'id': shaped as Entra's ID token for our app (no azp, no scp), which the API must refuse. */
  shape?: 'access' | 'id';
};

// RSA key generation is the slow part of a test API; one pair per test process is enough.
const keyPairs = Promise.all([generateKeyPair('RS256'), generateKeyPair('RS256')]);

export async function createTestApi(
  options: { adminObjectIds?: string[]; extra?: Partial<AppDeps>; store?: Store } = {},
) {
  const [ours, stranger] = await keyPairs;
  const jwk = { ...(await exportJWK(ours.publicKey)), kid: 'test-key', alg: 'RS256', use: 'sig' };
  const services: ServiceDeps = {
    store: options.store ?? createMemoryStore(),
    blobs: createMemoryBlobStore(),
    secrets: createSecretBox(Buffer.alloc(32, 7)),
    clock: () => new Date(),
    newId: randomUUID,
    ecIdKeyring: { current: { kid: 'test', secret: 'test-ec-id-secret' }, previous: [] },
    // The add-in files through the engine's body reader (worker threads), though this API runs no engine.
    reader: { understand, readTimeLimitMs: DEFAULT_READ_TIME_LIMIT_MS },
  };
  await ensureDefaults(services);
  const app = createApp({
    services,
    verifyToken: createEntraTokenVerifier({
      tenantId: TENANT_ID,
      clientId: CLIENT_ID,
      authorityHost: AUTHORITY,
      tabDomain: 'desk.example.com',
      keys: createLocalJWKSet({ keys: [jwk] }),
    }),
    logger: pino({ level: 'silent' }),
    version: 'test',
    mode: { demo: false, store: options.store ? 'other' : 'memory', blobs: 'memory', graph: 'real' },
    adminObjectIds: options.adminObjectIds ?? [],
    clientConfig: {
      demo: false,
      clientId: CLIENT_ID,
      tenantId: TENANT_ID,
      authority: `${AUTHORITY}/${TENANT_ID}`,
      apiScope: `api://desk.example.com/${CLIENT_ID}/access_as_user`,
    },
    ...options.extra,
  });

  async function token(opts: TokenOptions = {}): Promise<string> {
    const upn = opts.upn ?? 'agent@contoso.test';
    const now = Math.floor(Date.now() / 1000);
    const claims: Record<string, unknown> = {
      iss: opts.issuer ?? ISSUER,
      aud: opts.audience ?? CLIENT_ID,
      iat: now - 60,
      exp: now + (opts.expiresInSec ?? 3600),
      tid: TENANT_ID,
      oid: opts.oid ?? randomUUID(),
      name: upn.split('@')[0],
      preferred_username: upn,
      roles: opts.roles ?? ['ServiceDesk.Agent'],
      ver: '2.0',
    };
    if (opts.shape !== 'id') {
      claims.azp = randomUUID();
      if (opts.scp !== null) claims.scp = opts.scp ?? 'access_as_user';
    }
    for (const claim of opts.omit ?? []) delete claims[claim];
    return new SignJWT(claims)
      .setProtectedHeader({ typ: 'JWT', alg: 'RS256', kid: 'test-key' })
      .sign(opts.signWith === 'stranger' ? stranger.privateKey : ours.privateKey);
  }

  return {
    app,
    services,
    token,
    agent: () => token({ roles: ['ServiceDesk.Agent'], upn: 'agent@contoso.test' }),
    admin: () => token({ roles: ['ServiceDesk.Admin'], upn: 'admin@contoso.test' }),
  };
}

export type TestApi = Awaited<ReturnType<typeof createTestApi>>;
