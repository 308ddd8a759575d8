import { findEcIdCandidates } from '../../domain/ec-id-scan.js';
import { visibleText } from '../extract/visible-text.js';
import type { Matcher } from './match-types.js';
import { tokenVerdict } from './token-verdict.js';

// 1. The topmost EC_ID token in what the reader sees. Deeper tokens are older mail in the quote (perhaps another
// SR's), so only the first one counts, valid or not.
export const matchBodyToken: Matcher = async (message, context) => {
  const [topmost] = findEcIdCandidates(visibleText(message), 1);
  return topmost ? tokenVerdict(topmost, 'body-token', 0.99, context, 'in the text') : undefined;
};
