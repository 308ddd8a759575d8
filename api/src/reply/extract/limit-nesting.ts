import { DomHandler, type Document } from 'domhandler';
import { Parser, type Options } from 'htmlparser2';

// htmlparser2 keeps its open-element stack with Array#unshift and finds closing tags with indexOf, both linear in the
// depth: a hostile body of 100,000 nested tags would take minutes to parse. No real email nests a thousand levels
// deep, so a tag that would open deeper is dropped (its text stays) and so is its closing tag. The depth is the
// parser's own stack, read at the parser's own tag events: a tag is exactly what the parser takes for one, so a "<"
// inside an attribute value (`<div title="<">`), a comment or a script cannot hide a tag from the count, and implied
// closes (a new <p> ending the open one) are counted as the parser applies them. One pass, no pre-scan.

export const MAX_NESTING = 1000;

/** The fields of htmlparser2's Parser this relies on (private in its typings; checked when a parser is made). */
type ParserInternals = {
  stack: string[];
  tagname: string;
  attribs: Record<string, string> | null;
  openTagStart: number;
  startIndex: number;
  getSlice(start: number, end: number): string;
};

class DepthLimitedParser extends Parser {
  /** Tags dropped for depth that are still open, by name: their closing tags are dropped too. */
  private readonly droppedOpen = new Map<string, number>();
  /** How many of those there are: while none, a closing tag goes straight to the parser (no name to read). */
  private droppedCount = 0;

  constructor(
    handler: DomHandler,
    options: Options,
    private readonly maxDepth: number,
  ) {
    super(handler, options);
    if (!Array.isArray(this.internals().stack) || typeof this.internals().getSlice !== 'function') {
      throw new Error('htmlparser2 changed its Parser internals: the nesting limit needs updating');
    }
  }

  private internals(): ParserInternals {
    return this as unknown as ParserInternals;
  }

  override onopentagname(start: number, endIndex: number): void {
    const self = this.internals();
    // Below the limit the parser reads the name itself: reading it here too would double its work on every tag.
    if (self.stack.length < this.maxDepth) {
      super.onopentagname(start, endIndex);
      return;
    }
    const name = self.getSlice(start, endIndex).toLowerCase();
    // Void elements never enter the stack: the parser's own list decides which those are.
    if (this.isVoidElement(name)) {
      super.onopentagname(start, endIndex);
      return;
    }
    // Swallow the tag: attributes are collected into nothing (attribs null) and no element is emitted at its end.
    this.endIndex = endIndex;
    self.openTagStart = self.startIndex;
    self.tagname = name;
    self.attribs = null;
    this.droppedOpen.set(name, (this.droppedOpen.get(name) ?? 0) + 1);
    this.droppedCount++;
  }

  override onclosetag(start: number, endIndex: number): void {
    if (this.droppedCount === 0) {
      super.onclosetag(start, endIndex);
      return;
    }
    const self = this.internals();
    const name = self.getSlice(start, endIndex).toLowerCase();
    const dropped = this.droppedOpen.get(name) ?? 0;
    if (dropped === 0) {
      super.onclosetag(start, endIndex);
      return;
    }
    this.droppedOpen.set(name, dropped - 1);
    this.droppedCount--;
    this.endIndex = endIndex;
    self.startIndex = endIndex + 1;
  }
}

/** Parses html into a DOM whose nesting never exceeds `maxDepth` elements. */
export function parseLimited(html: string, options: Options, maxDepth = MAX_NESTING): Document {
  const handler = new DomHandler(undefined, options);
  new DepthLimitedParser(handler, options, maxDepth).end(html);
  return handler.root;
}
