// Reads (does not verify) the claims of our own access token, to greet the user and decide which navigation to
// show. The API verifies every token and enforces the roles itself.

export type TokenClaims = { name: string; upn: string; roles: string[]; expiresAt: number };

export function readTokenClaims(token: string): TokenClaims | undefined {
  const payload = token.split('.')[1];
  if (!payload) return undefined;
  try {
    const json = new TextDecoder().decode(
      Uint8Array.from(atob(payload.replace(/-/g, '+').replace(/_/g, '/')), (c) => c.charCodeAt(0)),
    );
    const claims = JSON.parse(json) as Record<string, unknown>;
    const upn = String(claims.preferred_username ?? claims.upn ?? claims.email ?? '');
    return {
      name: String(claims.name ?? upn),
      upn,
      roles: Array.isArray(claims.roles) ? claims.roles.map(String) : [],
      expiresAt: typeof claims.exp === 'number' ? claims.exp * 1000 : 0,
    };
  } catch {
    return undefined;
  }
}

/** Still good for at least another minute (clock skew and the request's own time). */
export const isFresh = (claims: TokenClaims | undefined, now = Date.now()): claims is TokenClaims =>
  claims !== undefined && claims.expiresAt - 60_000 > now;

/** Asks for a new token only when the last one is about to expire; parallel callers share one request. */
export function reuseWhileFresh(fetchToken: () => Promise<string>): () => Promise<string> {
  let token: string | undefined;
  let pending: Promise<string> | undefined;
  return () => {
    if (token && isFresh(readTokenClaims(token))) return Promise.resolve(token);
    pending ??= fetchToken()
      .then((fresh) => (token = fresh))
      .finally(() => (pending = undefined));
    return pending;
  };
}
