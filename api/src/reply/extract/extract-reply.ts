import type { HtmlBoundaryKind } from './html-boundaries.js';
import { extractHtmlReply } from './extract-html-reply.js';
import { parseHtml } from './html-dom.js';
import { extractTextReply, type ReplyLayout } from './extract-text-reply.js';
import { linesToText, renderLines } from './render-text.js';
import type { SanitiseOptions } from './sanitise-attributes.js';
import { referencedContentIds, sanitiseNodes } from './sanitise-html.js';
import type { TextBoundaryKind } from './text-boundaries.js';
import { textToHtml } from './text-to-html.js';

// What the person actually wrote: the new text above (or between) the quoted history, with their formatting,
// signature and pasted images; without the quote, our marker line and tenant banners. Html bodies are cut in the
// markup and sanitised; plain-text bodies are cut by lines. Graph's uniqueBody is compared, never trusted.

export type ReplyBody = { html?: string; text?: string; uniqueBodyHtml?: string };

/**
 * The largest html body that is parsed, in characters (docs/architecture.md §4, reply extraction). Replies are a few kilobytes and long
 * threads a few hundred; beyond this is either a newsletter-sized document or hostile input, and parsing it would only
 * spend the worker's time budget. A larger body is not parsed: the note comes from the plain-text part when there is
 * one, and says that the whole email is in the original, which is always kept.
 */
export const MAX_HTML_CHARS = 2_000_000;

export type ExtractedReply = {
  /** Sanitised html of the reply. */
  html: string;
  text: string;
  /** The quoted history and everything else cut off, so agents can expand it. */
  elidedText: string;
  /** The same as html to show folded under the note (a plain-text body's history as preformatted text). */
  elidedHtml?: string;
  /** Content ids of the inline images the reply shows; images only the quote used are not here. */
  inlineContentIds: string[];
  boundary?: { kind: TextBoundaryKind | HtmlBoundaryKind; source: 'html' | 'text' };
  layout: ReplyLayout;
  bannersRemoved: number;
  /** How Graph's uniqueBody compares with our cut, when it was supplied. */
  uniqueBody?: 'agrees' | 'differs';
  /** Set when the html body was over MAX_HTML_CHARS and not parsed (the reply is from the text part, if any). */
  htmlNotParsed?: { chars: number; limit: number };
};

function compact(text: string): string {
  return text.replace(/\s+/g, '').toLowerCase();
}

function compareWithUniqueBody(
  text: string,
  uniqueBodyHtml: string | undefined,
): 'agrees' | 'differs' | undefined {
  if (uniqueBodyHtml === undefined || uniqueBodyHtml.length > MAX_HTML_CHARS) return undefined;
  const unique = linesToText(renderLines([parseHtml(uniqueBodyHtml).document]));
  return compact(unique) === compact(text) ? 'agrees' : 'differs';
}

export function extractReply(body: ReplyBody, options: SanitiseOptions = {}): ExtractedReply {
  if (body.html !== undefined && body.html.length > MAX_HTML_CHARS) {
    const fromText = extractTextOnly({ text: body.text ?? '' });
    return { ...fromText, htmlNotParsed: { chars: body.html.length, limit: MAX_HTML_CHARS } };
  }
  if (body.html !== undefined && body.html.trim() !== '') {
    const reply = extractHtmlReply(body.html);
    const text = linesToText(reply.lines).trim();
    const uniqueBody = compareWithUniqueBody(text, body.uniqueBodyHtml);
    return {
      html: sanitiseNodes(reply.kept.children, options).trim(),
      text,
      elidedHtml: sanitiseNodes(reply.elided, options).trim(),
      elidedText: linesToText(renderLines(reply.elided)).trim(),
      inlineContentIds: referencedContentIds([reply.kept]),
      ...(reply.boundary ? { boundary: reply.boundary } : {}),
      layout: reply.layout,
      bannersRemoved: reply.bannersRemoved,
      ...(uniqueBody ? { uniqueBody } : {}),
    };
  }
  return extractTextOnly(body);
}

function extractTextOnly(body: ReplyBody): ExtractedReply {
  const reply = extractTextReply(body.text ?? '');
  const uniqueBody = compareWithUniqueBody(reply.text, body.uniqueBodyHtml);
  // Filled in field by field (the optional ones only when set), not spread from conditional objects: the spreads were a
  // visible part of a short email's cost.
  const extracted = {
    html: textToHtml(reply.text),
    text: reply.text,
    elidedText: reply.elidedText,
  } as ExtractedReply;
  // A forwarded message or quoted history is shown folded under the note, never dropped.
  if (reply.elidedText) extracted.elidedHtml = textToHtml(reply.elidedText);
  extracted.inlineContentIds = [];
  if (reply.boundary) extracted.boundary = { kind: reply.boundary, source: 'text' };
  extracted.layout = reply.layout;
  extracted.bannersRemoved = reply.bannersRemoved;
  if (uniqueBody) extracted.uniqueBody = uniqueBody;
  return extracted;
}
