// HTML -> text good enough to search for tokens, SR numbers and words in; not for display (mail/extract renders
// replies properly). Tags are removed without a space so a token split across tags is whole again; the hidden
// token copy's attribute (reply-marker.ts) is kept where its element was, since Outlook sometimes drops its text.

const NAMED: Record<string, string> = { amp: '&', lt: '<', gt: '>', quot: '"', apos: "'", nbsp: ' ', shy: '\u00AD', ndash: '\u2013', mdash: '\u2014' };

function decodeEntity(entity: string): string {
  const body = entity.slice(1, -1).toLowerCase();
  if (body.startsWith('#x')) return safeCodePoint(parseInt(body.slice(2), 16));
  if (body.startsWith('#')) return safeCodePoint(parseInt(body.slice(1), 10));
  return NAMED[body] ?? entity;
}

const safeCodePoint = (code: number): string => (Number.isInteger(code) && code > 0 && code <= 0x10ffff ? String.fromCodePoint(code) : '');

export function htmlToSearchText(html: string): string {
  return html
    .replace(/<(script|style|head|title)\b[\s\S]*?<\/\1\s*>/gi, ' ')
    .replace(/<!--[\s\S]*?-->/g, ' ')
    .replace(/<[^>]*\bdata-sm-ref\s*=\s*["']?([^"'\s>]+)[^>]*>/gi, ' $1 ')
    .replace(/<br\s*\/?>|<\/(?:p|div|li|tr|td|h[1-6]|blockquote|table)\s*>/gi, '\n')
    .replace(/<[^>]*>/g, '')
    .replace(/&(?:#x[0-9a-f]{1,6}|#\d{1,7}|[a-z]{2,8});/gi, decodeEntity);
}
