// Crockford base32: digits and upper-case letters without I, L, O and U, so a token survives being read aloud,
// retyped or lower-cased by a mail client. Decoding folds the look-alikes (O -> 0, I/L -> 1) as the spec says.
// https://www.crockford.com/base32.html

export const CROCKFORD_ALPHABET = '0123456789ABCDEFGHJKMNPQRSTVWXYZ';

const DECODE = new Map<string, number>();
for (let i = 0; i < CROCKFORD_ALPHABET.length; i++) {
  const symbol = CROCKFORD_ALPHABET.charAt(i);
  DECODE.set(symbol, i);
  DECODE.set(symbol.toLowerCase(), i);
}
for (const [alias, value] of [
  ['O', 0],
  ['o', 0],
  ['I', 1],
  ['i', 1],
  ['L', 1],
  ['l', 1],
] as const)
  DECODE.set(alias, value);

/** The value of one symbol, or undefined for characters outside the alphabet (U, punctuation...). */
export function crockfordValue(symbol: string): number | undefined {
  return DECODE.get(symbol);
}

/** A non-negative integer in base32, at least `minLength` symbols (left-padded with 0). */
export function encodeCrockfordInt(value: number, minLength = 1): string {
  if (!Number.isSafeInteger(value) || value < 0) throw new RangeError(`cannot encode ${value}`);
  let out = '';
  let rest = value;
  do {
    out = CROCKFORD_ALPHABET.charAt(rest % 32) + out;
    rest = Math.floor(rest / 32);
  } while (rest > 0);
  return out.padStart(minLength, '0');
}

/** The integer a string of symbols spells, or undefined when a symbol is not base32. */
export function decodeCrockfordInt(text: string): number | undefined {
  let value = 0;
  for (const symbol of text) {
    const digit = DECODE.get(symbol);
    if (digit === undefined) return undefined;
    value = value * 32 + digit;
  }
  return Number.isSafeInteger(value) ? value : undefined;
}

/** The first `bits` bits of `bytes` (a multiple of 5), as base32 symbols. */
export function encodeCrockfordBits(bytes: Uint8Array, bits: number): string {
  let out = '';
  for (let bit = 0; bit < bits; bit += 5) {
    let value = 0;
    for (let i = 0; i < 5; i++) {
      const at = bit + i;
      const byte = bytes[at >> 3] ?? 0;
      value = (value << 1) | ((byte >> (7 - (at & 7))) & 1);
    }
    out += CROCKFORD_ALPHABET.charAt(value);
  }
  return out;
}
