import { parseHtml } from '../../api/src/reply/extract/html-dom.js';
import { linesToText, renderLines } from '../../api/src/reply/extract/render-text.js';

// The one html -> text converter of the evaluation: our kept html, a peer's html output, the corpus's expected
// replyHtml and an html input are all rendered by it, so two sides never differ only in how a converter writes links
// or blocks. It is the renderer the extractor itself uses for the note's text.

export function htmlToText(html: string): string {
  return linesToText(renderLines([parseHtml(html).document]));
}
