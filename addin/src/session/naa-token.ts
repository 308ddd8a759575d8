import { createNestablePublicClientApplication, InteractionRequiredAuthError } from '@azure/msal-browser';
import type { TClientConfig } from '../../../api/src/contract/client-config';

// Nested app authentication: Outlook brokers the token for our API, no popup or redirect inside the pane.
// https://learn.microsoft.com/office/dev/add-ins/develop/enable-nested-app-authentication-in-your-add-in
// Loaded on demand (see use-boot.ts) so clients without NAA never download MSAL.
export async function createNaaTokenSource(config: TClientConfig): Promise<() => Promise<string>> {
  const pca = await createNestablePublicClientApplication({
    auth: { clientId: config.clientId, authority: config.authority },
  });
  const request = { scopes: [config.apiScope] };
  return async () => {
    try {
      return (await pca.acquireTokenSilent(request)).accessToken;
    } catch (err) {
      if (!(err instanceof InteractionRequiredAuthError)) throw err;
      return (await pca.acquireTokenPopup(request)).accessToken;
    }
  };
}
