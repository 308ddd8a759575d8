import { isFresh, readTokenClaims } from './token-claims';

// Demo mode: the API asks the local M365 emulator for a user token on our behalf. sessionStorage, not
// localStorage: closing the pane signs the agent out.
const STORAGE_KEY = 'service-messaging.addin.demo-token';

export function restoreDemoToken(): string | undefined {
  const token = sessionStorage.getItem(STORAGE_KEY) ?? undefined;
  if (token && isFresh(readTokenClaims(token))) return token;
  forgetDemoToken();
  return undefined;
}

export function rememberDemoToken(token: string): void {
  sessionStorage.setItem(STORAGE_KEY, token);
}

export function forgetDemoToken(): void {
  sessionStorage.removeItem(STORAGE_KEY);
}
