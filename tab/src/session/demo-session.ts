import type { createPublicApi } from '../api/desk-api';
import { isFresh, readTokenClaims } from './token-claims';

// Demo mode: the API asks the local M365 emulator for a real user token on our behalf (browsers do not
// trust the emulator's local CA). sessionStorage, not localStorage: closing the tab signs the user out.
const STORAGE_KEY = 'service-messaging.demo-token';

export function restoreDemoToken(): string | undefined {
  const token = sessionStorage.getItem(STORAGE_KEY) ?? undefined;
  if (token && isFresh(readTokenClaims(token))) return token;
  forgetDemoToken();
  return undefined;
}

export async function signInAsDemoUser(api: ReturnType<typeof createPublicApi>, upn: string): Promise<string> {
  const { accessToken } = await api.demoSignIn(upn);
  sessionStorage.setItem(STORAGE_KEY, accessToken);
  return accessToken;
}

export function forgetDemoToken(): void {
  sessionStorage.removeItem(STORAGE_KEY);
}
