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
  'address', 'article', 'aside', 'blockquote', 'center', 'dd', 'div', 'dl', 'dt', 'fieldset', 'figcaption', 'figure',
  'footer', 'form', 'h1', 'h2', 'h3', 'h4', 'h5', 'h6', 'header', 'hr', 'li', 'main', 'nav', 'ol', 'p', 'pre',
  'section', 'table', 'tbody', 'thead', 'tfoot', 'tr', 'ul', 'caption', 'details', 'summary', 'body', 'html',
]);
const CELL_TAGS = new Set(['td', 'th']);
const COLLAPSIBLE = /[ \t\n\r\f]+/g;

export function isBlockTag(name: string): boolean {
  return BLOCK_TAGS.has(name);
}

function isPreformatted(element: Element): boolean {
  return element.name === 'pre' || /white-space\s*:\s*pre/i.test(element.attribs['style'] ?? '');
}

class LineWriter {
  readonly lines: RenderedLine[] = [];
  private text = '';
  private start: { node: Text; offset: number } | undefined;
  /** Characters in the lines already ended (each counted with its line break). */
  private before = 0;

  append(chunk: string, node: Text | undefined, offset: number): void {
    if (!chunk) return;
    if (this.start === undefined && (this.text === '' || this.text.trim() === '')) {
      const firstVisible = chunk.search(/[^ \t\n\r\f]/);
      // Leading collapsible space at the start of a line is not rendered.
      if (firstVisible < 0 && this.text === '') return;
      if (firstVisible >= 0 && node) this.start = { node, offset: offset + firstVisible };
    }
    this.text += chunk;
  }

  space(): void {
    if (this.text !== '' && !/\s$/.test(this.text)) this.text += ' ';
  }

  newline(): void {
    // trimEnd/trimStart, not /[ ]+$/: a regex anchored at the end backtracks quadratically on long runs of spaces.
    this.lines.push({ text: this.text.trimEnd().trimStart(), node: this.start?.node, offset: this.start?.offset ?? 0 });
    this.before += this.text.length + 1;
    this.text = '';
    this.start = undefined;
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

  /** Lines with visible text written so far. */
  contentLines(): number {
    let count = 0;
    for (const line of this.lines) if (line.text.trim()) count++;
    return count;
  }

  finish(): RenderedLine[] {
    this.breakLine();
    return this.lines;
  }
}

type Frame = { node: AnyNode | string; exit: boolean; pre: boolean; link?: { href: string; line: number; column: number }; start?: number };

/** "https://www.acme.com/" and "acme.com" name the same place: no need to repeat a link whose text is its address. */
function sameTarget(text: string, href: string): boolean {
  const bare = (value: string) => {
    const core = value.trim().toLowerCase().slice(0, 2048).replace(/^(?:https?:\/\/)?(?:www\.)?/, '');
    let end = core.length;
    while (end > 0 && core.charAt(end - 1) === '/') end--;
    return core.slice(0, end);
  };
  return bare(text) === bare(href);
}

/**
 * Renders `roots` (a document, or nodes cut out of one; strings are text) to lines, in document order. With
 * `firstLines`, stops once that many lines with text are out (for checks that only look at the top). With `lengths`,
 * also measures every element rendered, in the same pass: how many characters of the rendering it produced (so "how
 * much text is in this block" never needs a rendering of its own, which made each such question cost the whole body).
 */
export function renderLines(roots: readonly (AnyNode | string)[], firstLines = Infinity, lengths?: Map<AnyNode, number>): RenderedLine[] {
  const writer = new LineWriter();
  let written = 0;
  const stack: Frame[] = [];
  for (let i = roots.length - 1; i >= 0; i--) stack.push({ node: roots[i] as AnyNode | string, exit: false, pre: false });
  while (stack.length > 0) {
    if (writer.lines.length !== written) {
      written = writer.lines.length;
      if (firstLines !== Infinity && writer.contentLines() >= firstLines) break;
    }
    const frame = stack.pop() as Frame;
    const { node } = frame;
    if (typeof node === 'string') {
      writer.append(node.replace(COLLAPSIBLE, ' '), undefined, 0);
      continue;
    }
    if (frame.exit) {
      if (lengths && frame.start !== undefined) lengths.set(node, writer.written() - frame.start);
      if (frame.link) {
        // Plain text keeps where a link goes, as mail clients' own text parts do: "Sparrow <http://...>".
        const text = writer.since(frame.link);
        if (text !== undefined && text.trim() && !sameTarget(text, frame.link.href)) writer.append(` <${frame.link.href}>`, undefined, 0);
      }
      if (isElement(node) && (BLOCK_TAGS.has(node.name) || node.name === 'li')) writer.breakLine();
      continue;
    }
    if (node.type === 'text') {
      const text = node as Text;
      if (frame.pre) {
        const parts = text.data.split(/\r\n|\r|\n/);
        let offset = 0;
        parts.forEach((part, index) => {
          if (index > 0) writer.newline();
          writer.append(part, text, offset);
          offset += part.length + 1;
        });
      } else {
        writer.append(text.data.replace(COLLAPSIBLE, ' '), text, 0);
      }
      continue;
    }
    if (isElement(node)) {
      if (NON_CONTENT_TAGS.has(node.name) || isHiddenElement(node)) continue;
      if (node.name === 'br') {
        writer.newline();
        continue;
      }
      if (BLOCK_TAGS.has(node.name)) writer.breakLine();
      const href = node.name === 'a' ? (node.attribs['href'] ?? '').trim() : '';
      const exit: Frame = { node, exit: true, pre: frame.pre };
      if (/^https?:\/\//i.test(href)) exit.link = { href, ...writer.position() };
      if (lengths) exit.start = writer.written();
      stack.push(exit);
      const pre = frame.pre || isPreformatted(node);
      // Table cells sit side by side: keep their words apart.
      if (CELL_TAGS.has(node.name)) writer.space();
      for (let i = node.children.length - 1; i >= 0; i--) stack.push({ node: node.children[i] as ChildNode, exit: false, pre });
      continue;
    }
    if ((node.type === 'root' || node.type === 'cdata') && 'children' in node) {
      for (let i = node.children.length - 1; i >= 0; i--) stack.push({ node: node.children[i] as ChildNode, exit: false, pre: frame.pre });
    }
  }
  return writer.finish();
}

/** The plain text of rendered lines: trailing spaces dropped, runs of blank lines kept as the writer made them. */
export function linesToText(lines: readonly RenderedLine[]): string {
  return lines
    .map((line) => line.text.replace(/\u00a0/g, ' ').trimEnd())
    .join('\n')
    .replace(/\n{3,}/g, '\n\n')
    .replace(/^\s*\n/, '')
    .trimEnd();
}
