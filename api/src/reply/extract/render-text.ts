import type { AnyNode, ChildNode, Element, Text } from 'domhandler';
import { isElement, isHiddenElement, NON_CONTENT_TAGS } from './html-dom.js';

// Html as the reader sees it, one entry per visual line, each remembering the text node it starts in so a cut found in
// the text can be made in the markup. Blocks and <br> break lines; whitespace collapses as browsers do; hidden content
// and non-content elements are skipped.

export type RenderedLine = {
  text: string;
  /** The text node the first visible character of the line comes from. */
  node?: Text;
  /** Offset of that character inside node.data (only non-zero in preformatted text). */
  offset: number;
};

const BLOCK_TAGS = new Set([
  'address',
  'article',
  'aside',
  'blockquote',
  'center',
  'dd',
  'div',
  'dl',
  'dt',
  'fieldset',
  'figcaption',
  'figure',
  'footer',
  'form',
  'h1',
  'h2',
  'h3',
  'h4',
  'h5',
  'h6',
  'header',
  'hr',
  'li',
  'main',
  'nav',
  'ol',
  'p',
  'pre',
  'section',
  'table',
  'tbody',
  'thead',
  'tfoot',
  'tr',
  'ul',
  'caption',
  'details',
  'summary',
  'body',
  'html',
]);
const CELL_TAGS = new Set(['td', 'th']);
const COLLAPSIBLE = /[ \t\n\r\f]+/g;

export function isBlockTag(name: string): boolean {
  return BLOCK_TAGS.has(name);
}

function isPreformatted(element: Element): boolean {
  return element.name === 'pre' || /white-space\s*:\s*pre/i.test(element.attribs['style'] ?? '');
}

/** Where the first character that is not collapsible white space is, or -1 (a char loop: no regex per chunk). */
function firstVisibleIndex(chunk: string): number {
  for (let i = 0; i < chunk.length; i++) {
    const code = chunk.charCodeAt(i);
    if (code !== 32 && code !== 9 && code !== 10 && code !== 13 && code !== 12) return i;
  }
  return -1;
}

// Most text nodes hold single spaces only: testing first spares them a replace that would copy them unchanged.
const NEEDS_COLLAPSE = /[\t\n\r\f]| {2}/;

function collapse(text: string): string {
  return NEEDS_COLLAPSE.test(text) ? text.replace(COLLAPSIBLE, ' ') : text;
}

class LineWriter {
  readonly lines: RenderedLine[] = [];
  /** Lines with visible text so far (counted as they end, so a check that stops early never recounts them). */
  contentLines = 0;
  private text = '';
  private startNode: Text | undefined;
  private startOffset = 0;
  /** Characters in the lines already ended (each counted with its line break). */
  private before = 0;

  append(chunk: string, node: Text | undefined, offset: number): void {
    if (!chunk) return;
    if (this.startNode === undefined && (this.text === '' || this.text.trim() === '')) {
      const firstVisible = firstVisibleIndex(chunk);
      // Leading collapsible space at the start of a line is not rendered.
      if (firstVisible < 0 && this.text === '') return;
      if (firstVisible >= 0 && node) {
        this.startNode = node;
        this.startOffset = offset + firstVisible;
      }
    }
    this.text += chunk;
  }

  space(): void {
    if (this.text !== '' && !/\s/.test(this.text.charAt(this.text.length - 1))) this.text += ' ';
  }

  newline(): void {
    // trimEnd/trimStart, not /[ ]+$/: a regex anchored at the end backtracks quadratically on long runs of spaces.
    const text = this.text.trimEnd().trimStart();
    this.lines.push({ text, node: this.startNode, offset: this.startNode ? this.startOffset : 0 });
    if (text !== '') this.contentLines++;
    this.before += this.text.length + 1;
    this.text = '';
    this.startNode = undefined;
  }

  /** Where the writer is: (line index, column), to find the text a link wrapped. */
  position(): { line: number; column: number } {
    return { line: this.lines.length, column: this.text.length };
  }

  /** Characters written so far, line breaks included: where an element starts and ends in the rendering. */
  written(): number {
    return this.before + this.text.length;
  }

  /** The text written since `from`, when it is still on the current line. */
  since(from: { line: number; column: number }): string | undefined {
    return from.line === this.lines.length ? this.text.slice(from.column) : undefined;
  }

  /** A block boundary: ends the current line unless it is still empty. */
  breakLine(): void {
    if (this.text !== '') this.newline();
  }

  finish(): RenderedLine[] {
    this.breakLine();
    return this.lines;
  }
}

/** What happens when an element's content is done: its length measured, its link written, its block ended. */
class Exit {
  constructor(
    readonly element: Element,
    readonly start: number | undefined,
    readonly link: { href: string; line: number; column: number } | undefined,
  ) {}
}

/** "https://www.acme.com/" and "acme.com" name the same place: no need to repeat a link whose text is its address. */
function sameTarget(text: string, href: string): boolean {
  const bare = (value: string) => {
    const core = value
      .trim()
      .toLowerCase()
      .slice(0, 2048)
      .replace(/^(?:https?:\/\/)?(?:www\.)?/, '');
    let end = core.length;
    while (end > 0 && core.charAt(end - 1) === '/') end--;
    return core.slice(0, end);
  };
  return bare(text) === bare(href);
}

function leave(exit: Exit, writer: LineWriter, lengths: Map<AnyNode, number> | undefined): void {
  if (lengths && exit.start !== undefined) lengths.set(exit.element, writer.written() - exit.start);
  if (exit.link) {
    // Plain text keeps where a link goes, as mail clients' own text parts do: "Sparrow <http://...>".
    const text = writer.since(exit.link);
    if (text !== undefined && text.trim() && !sameTarget(text, exit.link.href))
      writer.append(` <${exit.link.href}>`, undefined, 0);
  }
  if (BLOCK_TAGS.has(exit.element.name) || exit.element.name === 'li') writer.breakLine();
}

function writePreformatted(writer: LineWriter, text: Text): void {
  const parts = text.data.split(/\r\n|\r|\n/);
  let offset = 0;
  for (let index = 0; index < parts.length; index++) {
    const part = parts[index] ?? '';
    if (index > 0) writer.newline();
    writer.append(part, text, offset);
    offset += part.length + 1;
  }
}

/**
 * Renders `roots` (a document, or nodes cut out of one; strings are text) to lines, in document order. With
 * `firstLines`, stops once that many lines with text are out (for checks that only look at the top). With `lengths`,
 * also measures every element rendered, in the same pass: how many characters of the rendering it produced (so "how
 * much text is in this block" never needs a rendering of its own, which made each such question cost the whole body).
 * The walk keeps an explicit stack (deep nesting must not overflow the call stack): the nodes to visit, each with
 * whether it sits in preformatted text, and an Exit entry only for elements that do something when they end; nothing
 * is allocated per node beyond that, since a large body has hundreds of thousands of them.
 */
export function renderLines(
  roots: readonly (AnyNode | string)[],
  firstLines = Infinity,
  lengths?: Map<AnyNode, number>,
): RenderedLine[] {
  const writer = new LineWriter();
  const stack: (AnyNode | string | Exit)[] = [];
  const preformatted: boolean[] = [];
  for (let i = roots.length - 1; i >= 0; i--) {
    stack.push(roots[i] as AnyNode | string);
    preformatted.push(false);
  }
  while (stack.length > 0) {
    if (writer.contentLines >= firstLines) break;
    const node = stack.pop() as AnyNode | string | Exit;
    const pre = preformatted.pop() as boolean;
    if (typeof node === 'string') {
      writer.append(collapse(node), undefined, 0);
      continue;
    }
    if (node instanceof Exit) {
      leave(node, writer, lengths);
      continue;
    }
    if (node.type === 'text') {
      if (pre) writePreformatted(writer, node as Text);
      else writer.append(collapse((node as Text).data), node as Text, 0);
      continue;
    }
    if (isElement(node)) {
      if (NON_CONTENT_TAGS.has(node.name) || isHiddenElement(node)) continue;
      if (node.name === 'br') {
        writer.newline();
        continue;
      }
      const block = BLOCK_TAGS.has(node.name);
      if (block) writer.breakLine();
      const href = node.name === 'a' ? (node.attribs['href'] ?? '').trim() : '';
      const link = href && /^https?:\/\//i.test(href) ? { href, ...writer.position() } : undefined;
      if (lengths || link || block || node.name === 'li') {
        stack.push(new Exit(node, lengths ? writer.written() : undefined, link));
        preformatted.push(false);
      }
      const childPre = pre || isPreformatted(node);
      // Table cells sit side by side: keep their words apart.
      if (CELL_TAGS.has(node.name)) writer.space();
      for (let i = node.children.length - 1; i >= 0; i--) {
        stack.push(node.children[i] as ChildNode);
        preformatted.push(childPre);
      }
      continue;
    }
    if ((node.type === 'root' || node.type === 'cdata') && 'children' in node) {
      for (let i = node.children.length - 1; i >= 0; i--) {
        stack.push(node.children[i] as ChildNode);
        preformatted.push(pre);
      }
    }
  }
  return writer.finish();
}

/** The plain text of rendered lines: trailing spaces dropped, runs of blank lines kept as the writer made them. */
export function linesToText(lines: readonly RenderedLine[]): string {
  return lines
    .map((line) => (line.text.includes('\u00a0') ? line.text.replace(/\u00a0/g, ' ') : line.text).trimEnd())
    .join('\n')
    .replace(/\n{3,}/g, '\n\n')
    .replace(/^\s*\n/, '')
    .trimEnd();
}
