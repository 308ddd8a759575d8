import { describe, expect, it } from 'vitest';
import { decodeEcId, encodeEcId, type EcIdKeyring } from '../../../api/src/domain/ec-id.js';
import { findEcIdCandidates, isCompleteEcIdShape } from '../../../api/src/domain/ec-id-scan.js';

const keyring: EcIdKeyring = { current: { kid: 'k', secret: 's' }, previous: [] };
const now = new Date('2025-01-01T00:00:00Z');
const token = encodeEcId({ requestId: 4711, outboundId: 1234 }, keyring);
const marker = `##- Please type your reply above this line -## [${token}]`;

function topmost(text: string) {
  const [candidate] = findEcIdCandidates(text, 1);
  return candidate ? decodeEcId(candidate, keyring, now) : undefined;
}

// The damage mail clients do to text, one by one (issue 4, "Matching" 1). Html-level damage (entities, tags) is covered
// with the body-token matcher, which renders html first.
describe('finding the token in damaged text', () => {
  const damages: [string, string][] = [
    ['as sent', marker],
    ['lower-cased', marker.toLowerCase()],
    ['full-width (NFKC)', marker.replace(/[!-~]/g, (c) => String.fromCharCode(c.charCodeAt(0) + 0xfee0))],
    ['zero-width spaces inserted', marker.replace(/(.)/g, '$1\u200b')],
    ['soft hyphens inserted', token.split('').join('\u00ad')],
    ['quoted with ">"', `> ${marker}`],
    ['quoted twice, with spaces', `>  > ${marker}`],
    [
      'wrapped at 40 columns',
      `##- Please type your reply above\nthis line -## [${token.slice(0, 12)}\n${token.slice(12)}]`,
    ],
    [
      'wrapped inside a quote',
      `> ##- Please type your reply above this line -## [${token.slice(0, 15)}\n> ${token.slice(15)}]`,
    ],
    ['wrapped at a hyphen (format=flowed)', `${token.slice(0, 10)} \n${token.slice(10)}`],
    ['typographic dashes (Word autocorrect)', token.replace(/-/g, '\u2013')],
    ['non-breaking hyphens', token.replace(/-/g, '\u2011')],
    ['marker text translated', `##- Bitte antworten Sie oberhalb dieser Zeile -## [${token}]`],
    ['marker text deleted, token kept', `Thanks!\n[${token}]`],
    ['brackets lost', `${token} Thanks`],
    ['look-alikes O for 0', token.replace(/0/g, 'O')],
  ];

  it.each(damages)('%s', (_, text) => {
    expect(topmost(text)).toMatchObject({ status: 'valid', requestId: 4711, outboundId: 1234 });
  });

  it('returns the topmost token first', () => {
    const older = encodeEcId({ requestId: 99, outboundId: 1 }, keyring);
    expect(findEcIdCandidates(`reply\n> ${marker}\n>> [${older}]`)).toEqual([token, older]);
  });

  it('reports what is left of a token that lost symbols, so it reads as damaged', () => {
    const [candidate] = findEcIdCandidates(`[${token.slice(0, -3)}]`, 1);
    expect(candidate).toBeDefined();
    expect(isCompleteEcIdShape(candidate ?? '')).toBe(false);
    expect(decodeEcId(candidate ?? '', keyring, now)).toMatchObject({ status: 'damaged', requestId: 4711 });
  });

  it('finds nothing in ordinary text, subject tags or SR numbers', () => {
    expect(findEcIdCandidates('See [SR-000123] and SR-000124, call 555-1234-5678.')).toEqual([]);
  });

  it('stops at the limit on a token repeated a thousand times', () => {
    const started = performance.now();
    expect(findEcIdCandidates(`${marker}\n`.repeat(1000), 10)).toHaveLength(10);
    expect(performance.now() - started).toBeLessThan(500);
  });
});
