import { htmlToSearchText } from '../../domain/html-search-text.js';
import { MAX_HTML_CHARS } from './extract-reply.js';
import { parseHtml } from './html-dom.js';
import { linesToText, renderLines } from './render-text.js';

/**
 * The body as a reader sees it: html rendered (entities decoded, tags and hidden parts gone), else the plain text. An
 * html body too large to parse (MAX_HTML_CHARS) gets the rough one-pass rendering used for searching instead.
 */
export function visibleText(body: {
  bodyHtml?: string;
  bodyText?: string;
  rendered?: { visible: string };
}): string {
  if (body.rendered) return body.rendered.visible;
  if (body.bodyHtml !== undefined && body.bodyHtml.length > MAX_HTML_CHARS)
    return htmlToSearchText(body.bodyHtml);
  if (body.bodyHtml !== undefined && body.bodyHtml.trim() !== '')
    return linesToText(renderLines([parseHtml(body.bodyHtml).document]));
  return body.bodyText ?? '';
}
