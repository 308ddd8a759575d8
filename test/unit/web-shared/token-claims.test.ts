import { describe, expect, it } from 'vitest';
import { isFresh, readTokenClaims, reuseWhileFresh } from '../../../web-shared/token-claims.js';

// The tab and the add-in both read their own access token to greet the user and to ask the host for a new one
// only when the last is about to expire.

const base64Url = (value: string): string => Buffer.from(value).toString('base64url');
const token = (claims: object): string =>
  `${base64Url('{"alg":"none"}')}.${base64Url(JSON.stringify(claims))}.signature`;
const inSeconds = (seconds: number): number => Math.floor(Date.now() / 1000) + seconds;

describe('readTokenClaims', () => {
  it('reads the name, the UPN (from preferred_username, upn or email), the roles and the expiry', () => {
    expect(
      readTokenClaims(
        token({
          name: 'Megan Bowen',
          preferred_username: 'megan@contoso.test',
          roles: ['ServiceDesk.Admin'],
          exp: 2_000_000_000,
        }),
      ),
    ).toEqual({
      name: 'Megan Bowen',
      upn: 'megan@contoso.test',
      roles: ['ServiceDesk.Admin'],
      expiresAt: 2_000_000_000_000,
    });
    expect(readTokenClaims(token({ upn: 'adele@contoso.test' }))).toEqual({
      name: 'adele@contoso.test',
      upn: 'adele@contoso.test',
      roles: [],
      expiresAt: 0,
    });
  });

  it('reads names outside ASCII (base64url of UTF-8)', () => {
    expect(readTokenClaims(token({ name: 'Zoë Šimić', email: 'zoe@contoso.test' }))?.name).toBe('Zoë Šimić');
  });

  it('gives up on what is not a JWT instead of throwing', () => {
    expect(readTokenClaims('not-a-token')).toBeUndefined();
    expect(readTokenClaims('a.!!!.c')).toBeUndefined();
  });
});

describe('isFresh', () => {
  it('wants at least another minute', () => {
    const now = Date.now();
    expect(isFresh({ name: '', upn: '', roles: [], expiresAt: now + 61_000 }, now)).toBe(true);
    expect(isFresh({ name: '', upn: '', roles: [], expiresAt: now + 59_000 }, now)).toBe(false);
    expect(isFresh(undefined, now)).toBe(false);
  });
});

describe('reuseWhileFresh', () => {
  it('asks once for parallel callers and reuses the token until it is about to expire', async () => {
    const issued = [token({ upn: 'a@contoso.test', exp: inSeconds(3600) })];
    let calls = 0;
    const getToken = reuseWhileFresh(async () => issued[calls++] ?? '');
    const [first, second] = await Promise.all([getToken(), getToken()]);
    expect(first).toBe(issued[0]);
    expect(second).toBe(issued[0]);
    expect(await getToken()).toBe(issued[0]);
    expect(calls).toBe(1);
  });

  it('asks again when the last token expires within the minute, and after a failure', async () => {
    const issued = [token({ exp: inSeconds(30) }), token({ exp: inSeconds(3600) })];
    let calls = 0;
    const getToken = reuseWhileFresh(async () => {
      calls += 1;
      if (calls === 2) throw new Error('host busy');
      return issued[calls === 1 ? 0 : 1] ?? '';
    });
    expect(await getToken()).toBe(issued[0]);
    await expect(getToken()).rejects.toThrow('host busy');
    expect(await getToken()).toBe(issued[1]);
    expect(calls).toBe(3);
  });
});
