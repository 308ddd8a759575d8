import { randomBytes } from 'node:crypto';

export type CodeGrant = {
  upn: string;
  clientId: string;
  redirectUri: string;
  scope: string;
  codeChallenge: string | undefined;
  codeChallengeMethod: string | undefined;
  nonce: string | undefined;
  expiresAt: number;
};

export type RefreshGrant = { upn: string; clientId: string; scope: string };

const CODE_LIFETIME_MS = 10 * 60_000;

/** Authorization codes (one use, ten minutes, as Entra) and refresh tokens of the sign-in flow. */
export class AuthCodes {
  private readonly codes = new Map<string, CodeGrant>();
  private readonly redeemed = new Set<string>();
  private readonly refreshTokens = new Map<string, RefreshGrant>();

  issueCode(grant: Omit<CodeGrant, 'expiresAt'>): string {
    const code = `1.${randomBytes(48).toString('base64url')}`;
    this.codes.set(code, { ...grant, expiresAt: Date.now() + CODE_LIFETIME_MS });
    return code;
  }

  /** Takes a code once; 'redeemed' and 'expired' let the token endpoint answer with Entra's distinct codes. */
  redeemCode(code: string): CodeGrant | 'redeemed' | 'expired' | undefined {
    if (this.redeemed.has(code)) return 'redeemed';
    const grant = this.codes.get(code);
    if (!grant) return undefined;
    this.codes.delete(code);
    this.redeemed.add(code);
    return grant.expiresAt < Date.now() ? 'expired' : grant;
  }

  issueRefreshToken(grant: RefreshGrant): string {
    const token = `1.${randomBytes(96).toString('base64url')}`;
    this.refreshTokens.set(token, grant);
    return token;
  }

  /** Like Entra, a used refresh token stays valid; clients simply switch to the new one they get back. */
  redeemRefreshToken(token: string): RefreshGrant | undefined {
    return this.refreshTokens.get(token);
  }
}
