import { HIDDEN_TOKEN_ATTRIBUTE } from '../../domain/reply-marker.js';
import type { Matcher } from './match-types.js';
import { tokenVerdict } from './token-verdict.js';

// 3a. The hidden copy of the token our html carries (renderHiddenTokenHtml): its attribute, or its text when a client
// dropped the attribute (Outlook) or the hiding styles (Gmail). The first copy in the body is the most recent mail's.
const HIDDEN_TEXT = /\{#SM:([0-9A-Za-z-]{10,40})#\}/;
const HIDDEN_ATTRIBUTE = new RegExp(`${HIDDEN_TOKEN_ATTRIBUTE}\\s*=\\s*["']?([0-9A-Za-z-]{10,40})`, 'i');

function firstHiddenToken(body: string): string | undefined {
  const text = HIDDEN_TEXT.exec(body);
  const attribute = HIDDEN_ATTRIBUTE.exec(body);
  if (text && attribute) return text.index < attribute.index ? text[1] : attribute[1];
  return (text ?? attribute)?.[1];
}

export const matchHiddenHtmlToken: Matcher = async (message, context) => {
  const token = firstHiddenToken(message.bodyHtml ?? '') ?? firstHiddenToken(message.bodyText ?? '');
  return token ? tokenVerdict(token, 'hidden-token', 0.97, context, 'hidden in the html') : undefined;
};
