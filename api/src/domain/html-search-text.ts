// HTML -> text good enough to search for tokens, SR numbers and words in; not for display (reply/extract renders
// replies properly). Tags are removed without a space so a token split across tags is whole again; the hidden
// token copy's attribute (reply-marker.ts) is kept where its element was, since Outlook sometimes drops its text.
// One pass over the html, whatever it holds: a lazy "<script>...</script>" regex rescans the rest of the body from
// every unclosed "<script", which a hostile body repeats thousands of times.

const NAMED: Record<string, string> = {
  amp: '&',
  lt: '<',
  gt: '>',
  quot: '"',
  apos: "'",
  nbsp: ' ',
  shy: '\u00AD',
  ndash: '\u2013',
  mdash: '\u2014',
};

function decodeEntity(entity: string): string {
  const body = entity.slice(1, -1).toLowerCase();
  if (body.startsWith('#x')) return safeCodePoint(parseInt(body.slice(2), 16));
  if (body.startsWith('#')) return safeCodePoint(parseInt(body.slice(1), 10));
  return NAMED[body] ?? entity;
}

const safeCodePoint = (code: number): string =>
  Number.isInteger(code) && code > 0 && code <= 0x10ffff ? String.fromCodePoint(code) : '';

const SKIPPED = new Set(['script', 'style', 'head', 'title']);
const LINE_ENDING = /^(?:p|div|li|tr|td|h[1-6]|blockquote|table)$/;
const TAG_NAME = /<(\/?)([a-zA-Z][\w:-]{0,64})/y;
const ENTITY = /&(?:#x[0-9a-f]{1,6}|#\d{1,7}|[a-z]{2,8});/iy;
const TOKEN_ATTRIBUTE = /\bdata-sm-ref\s*=\s*["']?([^"'\s>]+)/i;
const SPECIAL = /[<&]/g;

export function htmlToSearchText(html: string): string {
  const out: string[] = [];
  const lower = html.toLowerCase();
  // A closing tag not found once is not found from any later position either.
  const unclosed = new Set<string>();
  let i = 0;
  while (i < html.length) {
    SPECIAL.lastIndex = i;
    const next = SPECIAL.exec(html);
    if (!next) {
      out.push(html.slice(i));
      break;
    }
    if (next.index > i) out.push(html.slice(i, next.index));
    i = next.index;
    if (html.charCodeAt(i) === 38 /* & */) {
      ENTITY.lastIndex = i;
      const entity = ENTITY.exec(html);
      out.push(entity ? decodeEntity(entity[0]) : '&');
      i += entity ? entity[0].length : 1;
      continue;
    }
    if (html.startsWith('<!--', i)) {
      const end = html.indexOf('-->', i + 4);
      out.push(' ');
      i = end < 0 ? html.length : end + 3;
      continue;
    }
    const gt = html.indexOf('>', i);
    // No ">" anywhere below: nothing further is a tag (as "<[^>]*>" would find none).
    if (gt < 0) {
      out.push(html.slice(i));
      break;
    }
    const tag = html.slice(i, gt + 1);
    TAG_NAME.lastIndex = 0;
    const named = TAG_NAME.exec(tag);
    const closing = named?.[1] === '/';
    const name = named?.[2]?.toLowerCase() ?? '';
    i = gt + 1;
    if (!closing && SKIPPED.has(name) && !unclosed.has(name)) {
      const close = lower.indexOf(`</${name}`, i);
      const end = close < 0 ? -1 : html.indexOf('>', close);
      if (end >= 0) {
        out.push(' ');
        i = end + 1;
        continue;
      }
      unclosed.add(name);
    }
    const token = tag.includes('data-sm-ref') ? TOKEN_ATTRIBUTE.exec(tag)?.[1] : undefined;
    if (token) out.push(` ${token} `);
    else if (name === 'br' || (closing && LINE_ENDING.test(name))) out.push('\n');
  }
  return out.join('');
}
