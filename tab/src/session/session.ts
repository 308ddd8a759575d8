import type { TokenClaims } from '../../../web-shared/token-claims';

// Who is signed in and how the tab gets a token for the API. The three ways in: Teams SSO (or nested
// app authentication) inside Teams; the emulator's demo users in demo mode; Entra ID (MSAL) in a browser.
export type User = { name: string; upn: string; isAdmin: boolean };
export type SignInMethod = 'teams' | 'demo' | 'entra';

export type Session = {
  user: User;
  via: SignInMethod;
  getToken(): Promise<string>;
};

export const SIGN_IN_METHOD_LABEL: Record<SignInMethod, string> = {
  teams: 'Teams single sign-on',
  demo: 'Demo sign-in',
  entra: 'Microsoft sign-in',
};

export const ADMIN_ROLE = 'ServiceDesk.Admin';

export const userFromClaims = (claims: TokenClaims): User => ({
  name: claims.name,
  upn: claims.upn,
  isAdmin: claims.roles.includes(ADMIN_ROLE),
});
