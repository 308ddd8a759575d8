/** Plain text as html that shows the same: escaped, line breaks kept by white-space (no per-line markup to build). */
export function textToHtml(text: string): string {
  if (!text) return '';
  const escaped = /[&<>]/.test(text) ? text.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;') : text;
  return `<div style="white-space:pre-wrap">${escaped}</div>`;
}
