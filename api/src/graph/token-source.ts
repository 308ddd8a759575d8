import { ClientCertificateCredential, ClientSecretCredential, type TokenCredential } from '@azure/identity';
import type { GraphConfig } from './graph-config.js';

// App-only tokens for one mail account (client credentials, docs/graph-behaviour.md §1). MSAL caches the token and renews it 5
// minutes before expiry; `refresh` throws that cache away, for the one retry a 401 earns (docs/graph-behaviour.md C24).

export const GRAPH_SCOPE = 'https://graph.microsoft.com/.default';

export type AccountCredentials = {
  tenantId: string;
  clientId: string;
  /** The client secret's value, or a certificate (PEM with the private key) for certificate credentials. */
  secret: string | { certificatePem: string };
};

export type TokenSource = {
  get(): Promise<string>;
  /** A new token from the token endpoint, not from the cache. */
  refresh(): Promise<string>;
};

export function createCredential(
  credentials: AccountCredentials,
  config: Pick<GraphConfig, 'authorityHost' | 'mode'>,
): TokenCredential {
  const options = {
    authorityHost: config.authorityHost,
    // Instance discovery asks login.microsoftonline.com about the authority; the emulator is not known there.
    disableInstanceDiscovery: config.mode === 'emulator',
  };
  const { tenantId, clientId, secret } = credentials;
  return typeof secret === 'string'
    ? new ClientSecretCredential(tenantId, clientId, secret, options)
    : new ClientCertificateCredential(tenantId, clientId, { certificate: secret.certificatePem }, options);
}

export function createTokenSource(newCredential: () => TokenCredential): TokenSource {
  let credential = newCredential();
  const fetchToken = async (): Promise<string> => {
    const token = await credential.getToken(GRAPH_SCOPE);
    if (!token) throw new Error('The identity client returned no token.');
    return token.token;
  };
  return {
    get: fetchToken,
    refresh: () => {
      credential = newCredential();
      return fetchToken();
    },
  };
}
