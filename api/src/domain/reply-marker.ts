// The reply marker line templates carry: `##- Please type your reply above this line -## #EC_ID#`.
// Admins may reword the text between `##-` and `-##`; `#EC_ID#` must stay, because it becomes the token that ties a
// reply to its SR. Besides the visible line, outbound mail carries the token where clients rarely touch it: a hidden
// element in the HTML and our own Message-ID.

export const EC_ID_PLACEHOLDER = '#EC_ID#';
export const MARKER_OPEN = '##-';
export const MARKER_CLOSE = '-##';
export const DEFAULT_MARKER_TEXT = 'Please type your reply above this line';
/** What "Set Example text" restores. */
export const DEFAULT_REPLY_MARKER = `${MARKER_OPEN} ${DEFAULT_MARKER_TEXT} ${MARKER_CLOSE} ${EC_ID_PLACEHOLDER}`;

const MAX_MARKER_LENGTH = 200;

export type ReplyMarkerProblem =
  | 'empty'
  | 'multi-line'
  | 'too-long'
  | 'missing-ec-id'
  | 'ec-id-damaged'
  | 'ec-id-repeated'
  | 'missing-open'
  | 'missing-close'
  | 'empty-text'
  | 'hashes-in-text'
  | 'wrong-order';

export type ReplyMarkerValidation =
  | { ok: true; marker: string; text: string }
  | { ok: false; errors: { code: ReplyMarkerProblem; message: string }[] };

const RESTORE_HINT = 'Use "Set Example text" to restore the default line.';

const MESSAGES: Record<ReplyMarkerProblem, string> = {
  empty: `The reply marker line is empty. ${RESTORE_HINT}`,
  'multi-line': 'The reply marker must be a single line.',
  'too-long': `The reply marker must be at most ${MAX_MARKER_LENGTH} characters long.`,
  'missing-ec-id': `The reply marker must contain ${EC_ID_PLACEHOLDER}: it becomes the code that links a reply to its Service Request. ${RESTORE_HINT}`,
  'ec-id-damaged': `Write ${EC_ID_PLACEHOLDER} exactly like this, with both hashes and the underscore.`,
  'ec-id-repeated': `${EC_ID_PLACEHOLDER} may appear only once in the reply marker.`,
  'missing-open': `The reply marker must start with "${MARKER_OPEN}" (two hashes and a hyphen).`,
  'missing-close': `Close the marker text with "${MARKER_CLOSE}" (a hyphen and two hashes) before ${EC_ID_PLACEHOLDER}.`,
  'empty-text': `Type the instruction for the customer between "${MARKER_OPEN}" and "${MARKER_CLOSE}".`,
  'hashes-in-text': `The text between "${MARKER_OPEN}" and "${MARKER_CLOSE}" must not contain "#".`,
  'wrong-order': `Write the line as "${MARKER_OPEN} text ${MARKER_CLOSE} ${EC_ID_PLACEHOLDER}".`,
};

/** Checks a configured marker line; lists every problem with a message an admin can act on. */
export function validateReplyMarker(input: string): ReplyMarkerValidation {
  const marker = input.trim();
  const problems = new Set<ReplyMarkerProblem>();
  if (!marker) problems.add('empty');
  if (/[\r\n]/.test(marker)) problems.add('multi-line');
  if (marker.length > MAX_MARKER_LENGTH) problems.add('too-long');
  const placeholders = marker.split(EC_ID_PLACEHOLDER).length - 1;
  if (placeholders > 1) problems.add('ec-id-repeated');
  if (placeholders === 0 && marker)
    problems.add(/#?\s*EC[\s_-]*ID\s*#?/i.test(marker) ? 'ec-id-damaged' : 'missing-ec-id');
  const withoutPlaceholder = marker.replaceAll(EC_ID_PLACEHOLDER, '');
  const open = withoutPlaceholder.indexOf(MARKER_OPEN);
  const close = withoutPlaceholder.lastIndexOf(MARKER_CLOSE);
  if (marker && !marker.startsWith(MARKER_OPEN)) problems.add('missing-open');
  if (marker && close < 0) problems.add('missing-close');
  let text = '';
  if (open >= 0 && close > open) {
    text = withoutPlaceholder.slice(open + MARKER_OPEN.length, close).trim();
    if (!text) problems.add('empty-text');
    if (text.includes('#')) problems.add('hashes-in-text');
    const placeholderAt = marker.indexOf(EC_ID_PLACEHOLDER);
    if (placeholders === 1 && placeholderAt < marker.lastIndexOf(MARKER_CLOSE)) problems.add('wrong-order');
  } else if (open >= 0 && close >= 0) {
    problems.add('wrong-order');
  }
  if (problems.size > 0)
    return { ok: false, errors: [...problems].map((code) => ({ code, message: MESSAGES[code] })) };
  return { ok: true, marker, text };
}

/** The marker line of an outbound email: `#EC_ID#` replaced by the bracketed token. */
export function renderReplyMarker(marker: string, token: string): string {
  return marker.replace(EC_ID_PLACEHOLDER, `[${token}]`);
}

/** True for a line that is (what is left of) our marker line: the `##- ... -##` frame on one line. */
export function looksLikeMarkerLine(line: string): boolean {
  const open = line.indexOf(MARKER_OPEN);
  return open >= 0 && line.indexOf(MARKER_CLOSE, open + MARKER_OPEN.length) > open;
}

export const HIDDEN_TOKEN_CLASS = 'sm-ref';
export const HIDDEN_TOKEN_ATTRIBUTE = 'data-sm-ref';

/**
 * A copy of the token for the HTML body that readers don't see (as osTicket and FreeScout do). The token is both in an
 * attribute and in the text, because Outlook rewrites classes and drops data attributes when it quotes, while Gmail
 * drops the hiding styles but keeps the text.
 */
export function renderHiddenTokenHtml(token: string): string {
  return (
    `<div class="${HIDDEN_TOKEN_CLASS}" ${HIDDEN_TOKEN_ATTRIBUTE}="${token}" aria-hidden="true" ` +
    'style="display:none;mso-hide:all;font-size:0;line-height:0;max-height:0;max-width:0;opacity:0;overflow:hidden">' +
    `{#SM:${token}#}</div>`
  );
}

/** Our own internetMessageId for an outbound draft, carrying the token. */
export function formatOwnMessageId(token: string, domain: string): string {
  return `<sm.${token}@${domain}>`;
}

const OWN_MESSAGE_ID = /^<?sm\.([0-9a-z-]{10,40})@([^<>\s@]+)>?$/i;

/** The token inside one of our Message-IDs, or undefined for anyone else's. */
export function parseOwnMessageId(id: string): { token: string; domain: string } | undefined {
  const match = OWN_MESSAGE_ID.exec(id.trim());
  if (!match?.[1] || !match[2]) return undefined;
  return { token: match[1].toUpperCase(), domain: match[2].toLowerCase() };
}
