import { isAttribution } from './attribution-patterns.js';
import { isDeviceFooter } from './client-additions.js';
import { headerLabelKind, isDelimiterLine, isHistorySeparator, isUnderscoreRule } from './quote-patterns.js';
import { attributionEnd, isBlank, isHeaderBlock } from './text-lines.js';

// The answers a writer put between quoted passages ("> question / answer") in a plain-text body or the text rendering
// of an html one, told apart from a quote they only top-posted above.

/** ">", "|" and Supercite's "Name>" quoting. Called on every line of a quote, so the common case is a char test. */
function isAnyQuoteLine(line: string): boolean {
  let i = 0;
  while (i < 6 && (line.charCodeAt(i) === 32 || line.charCodeAt(i) === 9)) i++;
  const first = line.charCodeAt(i);
  if (first === 62 || first === 124) return true; // ">" or "|"
  return line.includes('>') && /^[ \t]{0,3}[A-Za-z]{1,8}>(?:[ \t]|$)/.test(line);
}

/** Where the writer's own text stops below the quotes: a rule, a signature separator, a footer, more history. */
function endsInterleaving(
  lines: readonly string[],
  i: number,
  isMarkerLine: (line: string) => boolean,
): boolean {
  const line = lines[i] ?? '';
  return (
    isDelimiterLine(line) ||
    /^--[ \t]*$/.test(line) ||
    isMarkerLine(line) ||
    isDeviceFooter(line) ||
    isHistorySeparator(line) ||
    isUnderscoreRule(line) ||
    (headerLabelKind(line) === 'from' && isHeaderBlock(lines, i))
  );
}

// Clients wrap quoted text at 72-78 columns (RFC 3676 §4.2 asks for at most 78). An unquoted line right below a quoted
// one is the rest of it, re-wrapped without its ">", when the quoted line reached that width, or when it does not open
// like a sentence (no capital, no letter of a caseless script, no digit) and the quote goes on below it; otherwise it
// is the writer's answer.
const WRAP_WIDTH = 60;

function isQuoteRemainder(lines: readonly string[], i: number): boolean {
  if ((lines[i - 1] ?? '').trimEnd().length >= WRAP_WIDTH) return true;
  return !/^[\p{Lu}\p{Lt}\p{Lo}\p{N}]/u.test(lines[i] ?? '') && isAnyQuoteLine(lines[i + 1] ?? '');
}

/** Quote lines with nothing but quote marks, at the head of a quoted passage kept above an answer. */
function withoutEmptyHead(block: readonly number[], lines: readonly string[]): number[] {
  let start = 0;
  while (start < block.length && /^[ \t]*[>|][>| \t]*$/.test(lines[block[start] ?? 0] ?? '')) start++;
  return block.slice(start);
}

/** Whether a quoted line (marks removed) is what clients put at the head of quoted history. */
function headsHistory(line: string, isMarkerLine: (line: string) => boolean): boolean {
  return (
    isMarkerLine(line) ||
    isHistorySeparator(line) ||
    isAttribution(line) ||
    headerLabelKind(line) !== undefined
  );
}

/**
 * An interleaved reply below the top text: answers written between quoted passages ("> question / answer"). `from` is
 * the first line after the attribution (or the first quoted line). Returns
 * the lines to keep (each answer with the quote it answers), or undefined when the quote is not interrupted by the
 * writer. Unquoted lines glued to a quote line may be the quote re-wrapped by a client (isQuoteRemainder); text after
 * the last quote counts once an answer sat between two quotes (else it is a footer or a signature placed below the
 * quote, as Apple Mail does when told to), or when it sits right below a quote that heads no history. `headed`: an
 * attribution stands right above `from`.
 */
export function interleavedLines(
  lines: readonly string[],
  from: number,
  isMarkerLine: (line: string) => boolean,
  headed: boolean,
): number[] | undefined {
  const kept: number[] = [];
  // Clients head the history they quote with an attribution or a header block. A ">" passage with neither is the
  // writer quoting a line of their own choosing, and what they write right below it is theirs, even after the last one.
  // Only read at the end, and only then worked out (the quote lines are collected): asking every quoted line on the
  // way costs a line check each on long quotes.
  const quoteLines: number[] = [];
  let glued = false;
  let spacing: number[] = [];
  let quoteBlock: number[] = [];
  let answer: number[] = [];
  let sawQuote = false;
  let previousWasQuote = false;
  let sandwiched = false;
  for (let i = from; i < lines.length; i++) {
    const line = lines[i] ?? '';
    if (isAnyQuoteLine(line)) {
      if (answer.some((a) => !isBlank(lines[a]))) {
        for (const index of [withoutEmptyHead(quoteBlock, lines), answer].flat()) kept.push(index);
        quoteBlock = [];
        sandwiched = true;
      }
      answer = [];
      spacing = [];
      // Our marker line stays out of what is kept, even as the quote an answer follows.
      if (!isMarkerLine(line)) quoteBlock.push(i);
      quoteLines.push(i);
      sawQuote = previousWasQuote = true;
      continue;
    }
    if (isBlank(line)) {
      // Blank lines between a quote and the answer below it are the writer's spacing: they go with the answer.
      (answer.length > 0 ? answer : spacing).push(i);
      previousWasQuote = false;
      continue;
    }
    // Unquoted text before any quote: the history is not ">"-quoted, so there are no answers to tell apart.
    if (!sawQuote) return undefined;
    if (previousWasQuote && isQuoteRemainder(lines, i)) {
      // a quoted line a client re-wrapped without its ">"
      quoteBlock.push(i);
      continue;
    }
    if (answer.length === 0 && endsInterleaving(lines, i, isMarkerLine)) break;
    const attributionLast = answer.length === 0 ? attributionEnd(lines, i) : undefined;
    if (attributionLast !== undefined) {
      for (let j = i; j <= attributionLast; j++) quoteBlock.push(j);
      i = attributionLast;
      continue;
    }
    if (answer.length === 0) {
      glued = previousWasQuote;
      answer.push(...spacing);
    }
    previousWasQuote = false;
    answer.push(i);
  }
  const quotesHistory = () =>
    headed || quoteLines.some((q) => headsHistory((lines[q] ?? '').replace(/^[ \t>|]+/, ''), isMarkerLine));
  const lastAnswered = answer.some((a) => !isBlank(lines[a])) && (sandwiched || (glued && !quotesHistory()));
  if (lastAnswered)
    for (const index of [withoutEmptyHead(quoteBlock, lines), answer].flat()) kept.push(index);
  return sandwiched || lastAnswered ? kept : undefined;
}
