import { describe, expect, it } from 'vitest';
import { CROCKFORD_ALPHABET } from '../../../api/src/domain/crockford-base32.js';
import { decodeEcId, EC_ID_SHAPE, encodeEcId, type EcIdKeyring } from '../../../api/src/domain/ec-id.js';

const keyring: EcIdKeyring = {
  current: { kid: 'k-2025', secret: 'current secret' },
  previous: [
    { kid: 'k-2024', secret: 'previous secret', validUntil: '2025-06-01T00:00:00Z' },
    { kid: 'k-2023', secret: 'old secret', validUntil: '2024-06-01T00:00:00Z' },
  ],
};
const now = new Date('2025-03-01T00:00:00Z');

describe('EC_ID token', () => {
  const token = encodeEcId({ requestId: 123, outboundId: 45 }, keyring);

  it('shows the SR number and decodes to the SR and the outbound email', () => {
    expect(token).toMatch(/^SR-000123-/);
    expect(decodeEcId(token, keyring, now)).toEqual({
      status: 'valid',
      requestId: 123,
      outboundId: 45,
      kid: 'k-2025',
      token,
    });
  });

  it('is short and made only of characters mail clients leave alone', () => {
    expect(token.length).toBeLessThanOrEqual(30);
    expect(token).toMatch(/^[0-9A-Z-]+$/);
    expect(token.slice(3)).not.toMatch(/[ILOU]/);
    expect(
      encodeEcId({ requestId: 999_999_999, outboundId: 32 ** 7 - 1 }, keyring).length,
    ).toBeLessThanOrEqual(34);
  });

  it('carries at least 40 bits of HMAC: a different key gives a different token', () => {
    const other = encodeEcId(
      { requestId: 123, outboundId: 45 },
      { current: { kid: 'k-2025', secret: 'another secret' }, previous: [] },
    );
    const mac = (t: string) => t.split('-')[3]?.slice(1, 9) ?? '';
    expect(mac(token)).toHaveLength(8); // 8 base32 symbols = 40 bits
    expect(mac(other)).not.toBe(mac(token));
  });

  it('is case-insensitive and forgives the O/0 and I/L/1 look-alikes', () => {
    expect(decodeEcId(token.toLowerCase(), keyring, now).status).toBe('valid');
    const lookAlike = token.replace(/0/g, 'O').replace(/1/g, 'l');
    expect(decodeEcId(lookAlike, keyring, now)).toMatchObject({ status: 'valid', requestId: 123 });
  });

  it('recognises every single-symbol change as damage, never as another valid token', () => {
    for (let i = 0; i < token.length; i++) {
      if (token[i] === '-' || i < 3) continue;
      for (const symbol of CROCKFORD_ALPHABET) {
        if (symbol === token[i]) continue;
        const changed = token.slice(0, i) + symbol + token.slice(i + 1);
        expect(decodeEcId(changed, keyring, now).status, changed).toBe('damaged');
      }
    }
  });

  it('recognises swapped neighbours, lost and extra symbols as damage', () => {
    for (let i = 3; i < token.length - 1; i++) {
      if (token[i] === token[i + 1]) continue;
      const swapped = token.slice(0, i) + token[i + 1] + token[i] + token.slice(i + 2);
      expect(['damaged']).toContain(decodeEcId(swapped, keyring, now).status);
    }
    expect(decodeEcId(token.slice(0, -1), keyring, now).status).toBe('damaged');
    expect(decodeEcId(`${token}7`, keyring, now).status).toBe('damaged');
    expect(decodeEcId(token.replace(/-(?=[^-]*$)/, ''), keyring, now).status).toBe('damaged');
  });

  it('keeps the SR number a damaged token still shows, as a hint', () => {
    const damaged = `${token.slice(0, -1)}${token.endsWith('0') ? '1' : '0'}`;
    expect(decodeEcId(damaged, keyring, now)).toMatchObject({ status: 'damaged', requestId: 123 });
  });

  it('tells a forged token (consistent, wrong HMAC) from a damaged one', () => {
    const forged = encodeEcId(
      { requestId: 124, outboundId: 45 },
      { current: { kid: 'k-2025', secret: 'attacker guess' }, previous: [] },
    );
    expect(decodeEcId(forged, keyring, now)).toMatchObject({ status: 'forged', requestId: 124 });
  });

  it('reports a token signed by a key it does not have', () => {
    const foreign = encodeEcId(
      { requestId: 5, outboundId: 1 },
      { current: { kid: 'other install', secret: 'x' }, previous: [] },
    );
    const status = decodeEcId(foreign, keyring, now).status;
    // One key symbol of 32 may collide with ours; then the HMAC tells it apart.
    expect(['unknown-key', 'forged']).toContain(status);
    expect(status).not.toBe('valid');
  });

  it('keeps old tokens valid until their key expires (rotation)', () => {
    const old = encodeEcId(
      { requestId: 9, outboundId: 3 },
      { current: { kid: 'k-2024', secret: 'previous secret' }, previous: [] },
    );
    expect(decodeEcId(old, keyring, now)).toMatchObject({ status: 'valid', requestId: 9, kid: 'k-2024' });
    expect(decodeEcId(old, keyring, new Date('2025-07-01T00:00:00Z'))).toMatchObject({
      status: 'expired',
      requestId: 9,
    });
    const older = encodeEcId(
      { requestId: 9, outboundId: 3 },
      { current: { kid: 'k-2023', secret: 'old secret' }, previous: [] },
    );
    expect(decodeEcId(older, keyring, now).status).toBe('expired');
  });

  it('never throws on garbage', () => {
    for (const input of [
      '',
      'SR-',
      'SR-0000000000000000000-1-',
      '\u0000\uffff',
      'x'.repeat(100_000),
      'SR-12-ZZZZZZZ-UUUUUUUUUUU',
    ]) {
      expect(() => decodeEcId(input, keyring, now)).not.toThrow();
      expect(decodeEcId(input, keyring, now).status).toBe('damaged');
    }
  });

  it('refuses ids it cannot encode', () => {
    expect(() => encodeEcId({ requestId: 0, outboundId: 1 }, keyring)).toThrow(RangeError);
    expect(() => encodeEcId({ requestId: 1, outboundId: -1 }, keyring)).toThrow(RangeError);
    expect(() => encodeEcId({ requestId: 1.5, outboundId: 1 }, keyring)).toThrow(RangeError);
  });

  it('has a fixed shape a scanner can find', () => {
    expect(EC_ID_SHAPE.test(token)).toBe(true);
  });
});
