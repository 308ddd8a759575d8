import { startTestEmulator, type TestEmulator } from '../../support/emulator.js';

// The emulator's Entra token endpoint as the Entra conformance tests call it: a form POST, and an app token.

export type EntraTarget = {
  emu: TestEmulator;
  tokenEndpoint: string;
  /** POSTs a form to the token endpoint. */
  form: (fields: Record<string, string>, headers?: Record<string, string>) => Promise<Response>;
  /** A Graph app token for the mail app (client credentials). */
  appToken: () => Promise<string>;
};

export async function startEntraTarget(): Promise<EntraTarget> {
  const emu = await startTestEmulator();
  const tokenEndpoint = `${emu.url}/${emu.tenant.tenantId}/oauth2/v2.0/token`;
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
  return { emu, tokenEndpoint, form, appToken };
}
