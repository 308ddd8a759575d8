/**
 * Plain text as html that shows the same: escaped, line breaks kept by white-space (no per-line markup to build). In
 * text content only "&" and "<" start markup (the html tokenizer's data state); ">" is left as it is, because quoted
 * history is full of ">" marks and escaping them would rewrite the whole elided part for nothing.
 */
export function textToHtml(text: string): string {
  if (!text) return '';
  let escaped = text;
  if (escaped.includes('&')) escaped = escaped.replace(/&/g, '&amp;');
  if (escaped.includes('<')) escaped = escaped.replace(/</g, '&lt;');
  return `<div style="white-space:pre-wrap">${escaped}</div>`;
}
