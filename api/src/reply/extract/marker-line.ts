import { findEcIdCandidates } from '../../domain/ec-id-scan.js';
import { looksLikeMarkerLine } from '../../domain/reply-marker.js';

// Cheap pre-check (also for full-width forms) before the NFKC-normalising token search.
const INVISIBLE = '[\\s\\u200b-\\u200d\\u00ad]*';
const TOKEN_HINT = new RegExp(
  `[SＳｓ]${INVISIBLE}[RＲｒ]${INVISIBLE}[-\\u2010-\\u2015\\u2212\\uFF0D]?${INVISIBLE}[0-9０-９OIL]`,
  'i',
);

/** Our reply marker line (the `##- ... -##` frame), or a line carrying an EC_ID token even if the words were edited. */
export function isOurMarkerLine(line: string): boolean {
  if (looksLikeMarkerLine(line)) return true;
  return TOKEN_HINT.test(line) && findEcIdCandidates(line, 1).length > 0;
}
