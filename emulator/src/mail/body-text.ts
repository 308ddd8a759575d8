import { Tokenizer } from 'htmlparser2';
import { escapeHtml } from '../core/escape-html.js';
import type { ItemBody } from '../state/mail-types.js';

const BLOCK = new Set([
  'p',
  'div',
  'br',
  'tr',
  'li',
  'h1',
  'h2',
  'h3',
  'h4',
  'h5',
  'h6',
  'blockquote',
  'hr',
  'table',
  'pre',
]);
const SKIP = new Set(['script', 'style', 'head', 'title']);

/**
 * Plain text of an HTML body, roughly as Exchange renders `Prefer: outlook.body-content-type="text"`. Read straight
 * from htmlparser2's tokenizer: text needs no tree, and the parser's open-element stack costs time in the square of
 * the nesting depth (a body of 200,000 nested tags would hold the emulator, and every test beside it, for minutes).
 */
export function htmlToText(html: string): string {
  const out: string[] = [];
  let skipping = 0;
  const name = (start: number, end: number) => html.slice(start, end).toLowerCase();
  const tokenizer = new Tokenizer(
    { decodeEntities: true },
    {
      onopentagname(start, end) {
        const tag = name(start, end);
        if (SKIP.has(tag)) skipping += 1;
        // A void <hr> opens and closes at once: a line break for each, as the tree parser reported it.
        else if (BLOCK.has(tag)) out.push(tag === 'hr' ? '\n\n' : '\n');
      },
      onclosetag(start, end) {
        const tag = name(start, end);
        if (SKIP.has(tag)) skipping = Math.max(0, skipping - 1);
        else if (BLOCK.has(tag) && tag !== 'br' && tag !== 'hr') out.push('\n');
      },
      ontext(start, end) {
        if (skipping === 0) out.push(html.slice(start, end).replace(/[ \t\r\n]+/g, ' '));
      },
      ontextentity(codepoint) {
        if (skipping === 0) out.push(String.fromCodePoint(codepoint));
      },
      onattribdata: noop,
      onattribentity: noop,
      onattribend: noop,
      onattribname: noop,
      oncdata: noop,
      oncomment: noop,
      ondeclaration: noop,
      onend: noop,
      onopentagend: noop,
      onprocessinginstruction: noop,
      onselfclosingtag: noop,
    },
  );
  tokenizer.write(html);
  tokenizer.end();
  return out
    .join('')
    .split('\n')
    .map((l) => l.trim())
    .join('\r\n')
    .replace(/(\r\n){3,}/g, '\r\n\r\n')
    .trim();
}

const noop = (): void => undefined;

/** Exchange stores HTML bodies as a full document with a charset meta tag. */
export function wrapHtml(html: string): string {
  if (/<html[\s>]/i.test(html)) return html;
  return `<html><head>\r\n<meta http-equiv="Content-Type" content="text/html; charset=utf-8">\r\n</head>\r\n<body>\r\n${html}\r\n</body>\r\n</html>\r\n`;
}

export function textToHtml(text: string): string {
  return wrapHtml(`<div>${escapeHtml(text).replace(/\r?\n/g, '<br>\r\n')}</div>`);
}

export function bodyAs(body: ItemBody, contentType: 'html' | 'text'): ItemBody {
  if (body.contentType === contentType) return body;
  return contentType === 'text'
    ? { contentType, content: htmlToText(body.content) }
    : { contentType, content: textToHtml(body.content) };
}

export function bodyPreview(body: ItemBody): string {
  const text = body.contentType === 'html' ? htmlToText(body.content) : body.content;
  return text.replace(/\s+/g, ' ').trim().slice(0, 255);
}

// Where quoted history starts in what Outlook, OWA, Gmail and Apple Mail send (docs/mail-clients.md §1).
const HTML_QUOTE_STARTS = [
  /<div[^>]+id="?appendonsend/i,
  /<hr[^>]*tabindex="?-1/i,
  /<div[^>]+id="?divRplyFwdMsg/i,
  /<div[^>]+border-top:\s*solid\s+#(E1E1E1|B5C4DF)/i,
  /<div[^>]+class="?gmail_quote/i,
  /<blockquote[^>]+type="?cite/i,
];
const TEXT_QUOTE_STARTS = [
  /^_{20,}\s*$/m,
  /^-{2,}\s*Original Message\s*-{2,}/im,
  /^On .{5,200} wrote:\s*$/m,
  /^>/m,
];

/** uniqueBody: the body without quoted history. Exchange's own algorithm is not public; this cuts at known markers. */
export function uniqueBodyOf(body: ItemBody): ItemBody {
  const patterns = body.contentType === 'html' ? HTML_QUOTE_STARTS : TEXT_QUOTE_STARTS;
  const cut = Math.min(...patterns.map((p) => p.exec(body.content)?.index ?? Infinity));
  if (cut === Infinity) return body;
  const head = body.content.slice(0, cut);
  if (body.contentType === 'text') return { contentType: 'text', content: head.trimEnd() };
  const inner = head.replace(/^[\s\S]*<body[^>]*>/i, '');
  return { contentType: 'html', content: `<html><body>${inner}</body></html>` };
}
