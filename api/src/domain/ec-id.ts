import { createHash, createHmac, timingSafeEqual } from 'node:crypto';
import {
  crockfordValue,
  decodeCrockfordInt,
  encodeCrockfordBits,
  encodeCrockfordInt,
} from './crockford-base32.js';
import { formatSrNumber } from './service-request.js';

// The EC_ID token that #EC_ID# renders to: SR-000123-2-K4QF3M9XZC7A
//   SR-000123   the SR number people see (decimal, so agents can read it even when the rest is damaged)
//   2           the outbound email it was sent in (base32)
//   K           which key signed it (one symbol derived from the key id)
//   4QF3M9XZ    HMAC-SHA256 over requestId, outbound id and key symbol, truncated to 40 bits
//   C7          a public check over everything before it, so damage reads as "damaged", not as "forged"
// Only digits, capital letters and hyphens: nothing mail clients rewrite, auto-link or treat as markup, and
// decoding folds case and the O/0, I/L/1 look-alikes (Crockford base32).

export type EcIdKey = { kid: string; secret: string | Uint8Array };
export type EcIdPreviousKey = EcIdKey & { validUntil: string | Date };
/** Keys are supplied by the caller; old keys keep verifying until their validUntil (key rotation). */
export type EcIdKeyring = { current: EcIdKey; previous: readonly EcIdPreviousKey[] };

export type EcIdRef = { requestId: number; outboundId: number };

export type EcIdDecoded =
  | { status: 'valid'; requestId: number; outboundId: number; kid: string; token: string }
  /** The check failed: the token was changed on the way. `requestId` is only what the visible digits still say. */
  | { status: 'damaged'; requestId?: number; token: string }
  /** Well-formed and self-consistent, but its key is not in the keyring (another install, or a purged key). */
  | { status: 'unknown-key'; requestId: number; outboundId: number; token: string }
  /** Signed by a previous key whose validity period has ended. */
  | { status: 'expired'; requestId: number; outboundId: number; kid: string; token: string }
  /** Consistent but the HMAC does not verify: made without our key. */
  | { status: 'forged'; requestId: number; outboundId: number; token: string };

const MAC_BITS = 40;
const MAC_LENGTH = MAC_BITS / 5;
const CHECK_MODULUS = 1021; // prime below 32*32, so it fits two symbols
const SEPARATOR_VALUE = 32; // outside 0..31, so moving a symbol across a hyphen changes the check
const MAX_SR_ID = 999_999_999;
const MAX_OUTBOUND_ID = 32 ** 7 - 1;

/** The loose shape of a token after case folding; decodeEcId decides what it is. */
export const EC_ID_SHAPE = /SR-?([0-9OIL]{1,12})-([0-9A-Z]{1,7})-([0-9A-Z]{11})/;

export function kidSymbol(kid: string): string {
  return encodeCrockfordBits(createHash('sha256').update(kid).digest(), 5);
}

function mac(secret: string | Uint8Array, requestId: number, outboundId: number, keySymbol: string): string {
  const digest = createHmac('sha256', secret)
    .update(`ec-id:v1:${requestId}:${outboundId}:${keySymbol}`)
    .digest();
  return encodeCrockfordBits(digest, MAC_BITS);
}

// Weighted sum modulo a prime: catches every single-symbol change and every swap of two neighbours.
function check(values: readonly number[]): string {
  let sum = 0;
  for (let i = 0; i < values.length; i++) sum = (sum + (i + 1) * (values[i] ?? 0)) % CHECK_MODULUS;
  return encodeCrockfordInt(sum, 2);
}

function symbolValues(text: string): number[] | undefined {
  const values: number[] = [];
  for (const symbol of text) {
    const value = crockfordValue(symbol);
    if (value === undefined) return undefined;
    values.push(value);
  }
  return values;
}

function checkInput(requestId: number, outboundText: string, keyAndMac: string): number[] | undefined {
  const digits = symbolValues(formatSrNumber(requestId).replace(/\D/g, ''));
  const outbound = symbolValues(outboundText);
  const tail = symbolValues(keyAndMac);
  if (!digits || !outbound || !tail) return undefined;
  return [...digits, SEPARATOR_VALUE, ...outbound, SEPARATOR_VALUE, ...tail];
}

export function encodeEcId(ref: EcIdRef, keyring: EcIdKeyring): string {
  if (!Number.isSafeInteger(ref.requestId) || ref.requestId < 1 || ref.requestId > MAX_SR_ID)
    throw new RangeError(`requestId ${ref.requestId} out of range`);
  if (!Number.isSafeInteger(ref.outboundId) || ref.outboundId < 0 || ref.outboundId > MAX_OUTBOUND_ID) {
    throw new RangeError(`outboundId ${ref.outboundId} out of range`);
  }
  const outbound = encodeCrockfordInt(ref.outboundId);
  const symbol = kidSymbol(keyring.current.kid);
  const keyAndMac = symbol + mac(keyring.current.secret, ref.requestId, ref.outboundId, symbol);
  const values = checkInput(ref.requestId, outbound, keyAndMac);
  if (!values) throw new Error('unreachable: encoded symbols are base32');
  return `${formatSrNumber(ref.requestId)}-${outbound}-${keyAndMac}${check(values)}`;
}

function parseSrDigits(text: string): number | undefined {
  const folded = text.replace(/[Oo]/g, '0').replace(/[IiLl]/g, '1');
  if (!/^\d+$/.test(folded)) return undefined;
  const id = Number(folded);
  return id >= 1 && id <= MAX_SR_ID ? id : undefined;
}

/** What a token says, checked against the keyring at `now`. Never throws on bad input. */
export function decodeEcId(token: string, keyring: EcIdKeyring, now: Date): EcIdDecoded {
  const canonical = token.trim().toUpperCase();
  const parts = new RegExp(`^${EC_ID_SHAPE.source}$`).exec(canonical);
  if (!parts) {
    const requestId = parseSrDigits(/^SR-?([0-9OIL]{1,12})/.exec(canonical)?.[1] ?? '');
    return requestId === undefined ? { status: 'damaged', token } : { status: 'damaged', requestId, token };
  }
  const [, srText = '', outboundText = '', tail = ''] = parts;
  const requestId = parseSrDigits(srText);
  const outboundId = decodeCrockfordInt(outboundText);
  const keyAndMac = tail.slice(0, 1 + MAC_LENGTH);
  const values = requestId === undefined ? undefined : checkInput(requestId, outboundText, keyAndMac);
  if (
    requestId === undefined ||
    outboundId === undefined ||
    !values ||
    check(values) !== canonicalSymbols(tail.slice(1 + MAC_LENGTH))
  ) {
    return requestId === undefined ? { status: 'damaged', token } : { status: 'damaged', requestId, token };
  }
  const symbol = canonicalSymbols(keyAndMac.slice(0, 1));
  const presented = Buffer.from(canonicalSymbols(keyAndMac.slice(1)));
  const candidates = [
    { key: keyring.current, expired: false },
    ...keyring.previous.map((key) => ({ key, expired: new Date(key.validUntil).getTime() < now.getTime() })),
  ].filter(({ key }) => kidSymbol(key.kid) === symbol);
  if (candidates.length === 0) return { status: 'unknown-key', requestId, outboundId, token };
  for (const { key, expired } of candidates) {
    if (!timingSafeEqual(Buffer.from(mac(key.secret, requestId, outboundId, symbol)), presented)) continue;
    return expired
      ? { status: 'expired', requestId, outboundId, kid: key.kid, token }
      : { status: 'valid', requestId, outboundId, kid: key.kid, token };
  }
  return { status: 'forged', requestId, outboundId, token };
}

/** Upper-case with the look-alikes folded, so "o" and "0" compare equal. */
function canonicalSymbols(text: string): string {
  return text.toUpperCase().replace(/O/g, '0').replace(/[IL]/g, '1');
}
