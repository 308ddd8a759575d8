import { parseHtml } from './html-dom.js';
import { linesToText, renderLines } from './render-text.js';

/** The body as a reader sees it: html rendered (entities decoded, tags and hidden parts gone), else the plain text. */
export function visibleText(body: { bodyHtml?: string; bodyText?: string }): string {
  if (body.bodyHtml !== undefined && body.bodyHtml.trim() !== '') return linesToText(renderLines([parseHtml(body.bodyHtml).document]));
  return body.bodyText ?? '';
}
