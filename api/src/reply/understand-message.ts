import { htmlToSearchText } from '../domain/html-search-text.js';
import type { MessageRendering } from '../domain/mail-message.js';
import { extractReply, type ExtractedReply, type ReplyBody } from './extract/extract-reply.js';
import { visibleText } from './extract/visible-text.js';

// Everything the engine needs to read out of an email's body, in one step that runs in a worker thread
// (understand.ts): the text a reader sees (token and wording checks), the text searched for tokens and SR numbers,
// and the reply cut from the quoted history. Input and output are plain data, so they cross the thread boundary.

export type UnderstandInput = {
  body: ReplyBody;
  /** Inline images the note shows, by content id: where each now lives. null: leave inline images out. */
  cidUrls: Record<string, string> | null;
  /** Also render the body for the classify and match steps. */
  render: boolean;
};

export type Understood = { reply: ExtractedReply; rendering?: MessageRendering };

export function understandMessage(input: UnderstandInput): Understood {
  const { body, cidUrls } = input;
  const reply = extractReply(body, { rewriteCid: (cid) => cidUrls?.[cid] });
  if (!input.render) return { reply };
  const rendering: MessageRendering = {
    visible: visibleText({
      ...(body.html !== undefined ? { bodyHtml: body.html } : {}),
      ...(body.text !== undefined ? { bodyText: body.text } : {}),
    }),
    search: body.html ? htmlToSearchText(body.html) : '',
  };
  return { reply, rendering };
}
