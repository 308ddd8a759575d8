import { EC_ID_SHAPE } from './ec-id.js';

// Finding EC_ID tokens in text that mail clients have mangled. The caller turns HTML into text first (entities
// decoded, tags dropped, so a token split across tags is whole again); here we undo what happens to plain text:
// NFKC (full-width forms), zero-width and soft-hyphen characters, typographic dashes, ">" quoting, and lines wrapped
// at 40-80 columns. Whitespace carries no meaning inside a token, so it is removed before the search; the fixed
// length of the last group keeps following text out of the match.

const INVISIBLE = /\p{Default_Ignorable_Code_Point}/gu; // soft hyphen, zero-width and bidi marks, BOM...
const DASHES = /[\u2010-\u2015\u2212\u2E3A\u2E3B\uFE58\uFE63\uFF0D]/g;
const QUOTE_PREFIX = /^[ \t]*(?:>[ \t]*)+/gm;
const WHITESPACE = /\s+/g;

export function compactForTokenSearch(text: string): string {
  return text
    .normalize('NFKC')
    .replace(INVISIBLE, '')
    .replace(DASHES, '-')
    .replace(QUOTE_PREFIX, '')
    .replace(WHITESPACE, '')
    .toUpperCase();
}

// Also what is left of a token that lost symbols or a hyphen, so it reads as damaged instead of absent.
const TOKEN_OR_REMNANT = /SR-?[0-9OIL]{1,12}-[0-9A-Z]{1,7}(?:-[0-9A-Z]{0,11})?/g;

/** Token-shaped strings (whole or damaged) in reading order, the topmost first; at most `limit` of them. */
export function findEcIdCandidates(text: string, limit = 10): string[] {
  const compact = compactForTokenSearch(text);
  const pattern = new RegExp(TOKEN_OR_REMNANT.source, 'g');
  const found: string[] = [];
  for (let match = pattern.exec(compact); match && found.length < limit; match = pattern.exec(compact)) {
    found.push(match[0]);
  }
  return found;
}

export function isCompleteEcIdShape(candidate: string): boolean {
  return new RegExp(`^${EC_ID_SHAPE.source}$`).test(candidate);
}
