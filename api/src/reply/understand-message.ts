import { htmlToSearchText } from '../domain/html-search-text.js';
import type { MailMessage, MessageRendering } from '../domain/mail-message.js';
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

/**
 * understandMessage run within a time budget (the engine runs it in a worker thread, mail/understand/understand.ts);
 * over `limitMs` it rejects with TooComplexError. Without `limitMs`, the installation's limit.
 */
export type Understand = (input: UnderstandInput, limitMs?: number) => Promise<Understood>;

/** A body read longer than one email may take: the email is too-complex (held, or its note taken from the text). */
export class TooComplexError extends Error {
  constructor(readonly limitMs: number) {
    super(
      `Reading this email took longer than the ${limitMs >= 1000 ? `${limitMs / 1000} s` : `${limitMs} ms`} allowed for one email.`,
    );
    this.name = 'TooComplexError';
  }
}

export function isTooComplex(error: unknown): error is TooComplexError {
  return error instanceof TooComplexError;
}

/** The parts of a message the reply is read from. */
export function bodyOf(message: MailMessage): ReplyBody {
  return {
    ...(message.bodyHtml !== undefined ? { html: message.bodyHtml } : {}),
    ...(message.bodyText !== undefined ? { text: message.bodyText } : {}),
    ...(message.uniqueBodyHtml !== undefined ? { uniqueBodyHtml: message.uniqueBodyHtml } : {}),
  };
}

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
