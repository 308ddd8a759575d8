import { ClientSecretCredential } from '@azure/identity';
import { mailUsername, type MailAccount } from '../domain/mail-account.js';
import { MailTransportError } from '../ports/mail-transport-error.js';

// How the account signs in to IMAP and SMTP: a password, or an app-only token for XOAUTH2 (client credentials, scope
// https://outlook.office365.com/.default for Exchange Online). The identity client caches the token and renews it
// before it expires; `refresh` throws the cache away, for the one retry a refused token earns.

export type SignIn = { user: string; pass: string } | { user: string; accessToken: string };

export type ImapCredentials = {
  readonly method: MailAccount['authMethod'];
  signIn(): Promise<SignIn>;
  refresh(): void;
};

export type IdentityOptions = { authorityHost: string; disableInstanceDiscovery: boolean };

export function createImapCredentials(
  account: MailAccount,
  secrets: { password?: string; clientSecret?: string },
  identity: IdentityOptions,
): ImapCredentials {
  const user = mailUsername(account);
  if (account.authMethod === 'password') {
    return {
      method: 'password',
      signIn: () => Promise.resolve({ user, pass: secrets.password ?? '' }),
      refresh: () => undefined,
    };
  }
  const newCredential = () =>
    new ClientSecretCredential(account.tenantId, account.clientId, secrets.clientSecret ?? '', identity);
  let credential = newCredential();
  return {
    method: 'oauth2',
    async signIn() {
      try {
        const token = await credential.getToken(account.oauthScope);
        return { user, accessToken: token.token };
      } catch (error) {
        throw tokenError(error);
      }
    },
    refresh() {
      credential = newCredential();
    },
  };
}

/** Entra refused a token: the same words as for Graph accounts, by AADSTS code. */
function tokenError(error: unknown): MailTransportError {
  const text = error instanceof Error ? error.message : String(error);
  const code = /AADSTS(\d+)/.exec(text)?.[1];
  const why: Record<string, string> = {
    '7000215': "the client secret is wrong (paste the secret's Value, not its Secret ID)",
    '7000222': 'the client secret has expired',
    '700016': 'the application (client) ID is not known in this tenant',
    '90002': 'the directory (tenant) ID is wrong',
    '1002012': 'the scope is not valid for client credentials (it must end in /.default)',
  };
  const reason = code
    ? (why[code] ?? `Entra ID answered AADSTS${code}`)
    : 'the identity platform could not be reached or refused the request';
  return new MailTransportError('authentication', `No token for IMAP/SMTP: ${reason}.`, {
    reauthorisationRequired: Boolean(code),
    transient: !code,
    cause: error,
  });
}
