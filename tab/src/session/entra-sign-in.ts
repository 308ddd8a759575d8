import type { AccountInfo, PublicClientApplication } from '@azure/msal-browser';
import type { TClientConfig } from '../../../api/src/contract/client-config';

// A plain browser against a real tenant: MSAL with a popup (a tab must never redirect inside a frame).
// msal-browser is loaded only on this path, so Teams users and demo users never download it.

export type EntraSignIn = {
  /** A token without any prompt, when the user signed in earlier in this browser session. */
  restore(): Promise<string | undefined>;
  signIn(): Promise<string>;
  getToken(): Promise<string>;
  signOut(): void;
};

export async function createEntraSignIn(config: TClientConfig): Promise<EntraSignIn> {
  const msal = await import('@azure/msal-browser');
  const client: PublicClientApplication = new msal.PublicClientApplication({
    auth: {
      clientId: config.clientId,
      authority: config.authority,
      // Trust the configured authority as it is (no instance discovery call to login.microsoftonline.com),
      // which also lets the local M365 emulator stand in for Entra ID.
      knownAuthorities: [new URL(config.authority).host],
      redirectUri: new URL('auth-redirect.html', location.href.split('#')[0]).href,
    },
    cache: { cacheLocation: 'sessionStorage' },
  });
  await client.initialize();
  const scopes = [config.apiScope];
  const account = (): AccountInfo | undefined => client.getActiveAccount() ?? client.getAllAccounts()[0];

  const getToken = async (): Promise<string> => {
    const current = account();
    if (!current) throw new Error('Sign in first.');
    try {
      return (await client.acquireTokenSilent({ scopes, account: current })).accessToken;
    } catch (err) {
      if (!(err instanceof msal.InteractionRequiredAuthError)) throw err;
      return (await client.acquireTokenPopup({ scopes, account: current })).accessToken;
    }
  };

  return {
    restore: async () => (account() ? getToken().catch(() => undefined) : undefined),
    signIn: async () => {
      const result = await client.loginPopup({ scopes });
      client.setActiveAccount(result.account);
      return result.accessToken || getToken();
    },
    getToken,
    signOut: () => {
      const current = account();
      if (current) void client.clearCache({ account: current });
    },
  };
}
