import { DEMO_TENANT_ID, SERVICE_MESSAGING_CLIENT_ID } from './tenant/demo-tenant.js';

/**
 * The settings that point the Service Messaging API at this emulator as its tenant: sign-in tokens from its Entra,
 * mail through its Graph. `npm start`, the test stacks and the benchmarks all start the API this way.
 */
export function apiEnvironment(emulator: { url: string; authorityHost: string }): Record<string, string> {
  return {
    AAD_APP_CLIENT_ID: SERVICE_MESSAGING_CLIENT_ID,
    AAD_APP_TENANT_ID: DEMO_TENANT_ID,
    AAD_APP_OAUTH_AUTHORITY_HOST: emulator.authorityHost,
    GRAPH_MODE: 'emulator',
    GRAPH_BASE_URL: emulator.url,
    GRAPH_AUTHORITY_HOST: emulator.authorityHost,
  };
}
