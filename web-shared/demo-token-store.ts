import { isFresh, readTokenClaims } from './token-claims';

export type DemoTokenStore = { restore(): string | undefined; remember(token: string): void; forget(): void };

/**
 * Demo mode: the API asks the local M365 emulator for a user token on our behalf (browsers do not trust the
 * emulator's local CA). It is kept in sessionStorage, not localStorage: closing the tab or the pane signs out.
 * An expired token is dropped rather than restored.
 */
export function demoTokenStore(storageKey: string): DemoTokenStore {
  const forget = () => sessionStorage.removeItem(storageKey);
  return {
    restore() {
      const token = sessionStorage.getItem(storageKey) ?? undefined;
      if (token && isFresh(readTokenClaims(token))) return token;
      forget();
      return undefined;
    },
    remember: (token) => sessionStorage.setItem(storageKey, token),
    forget,
  };
}
