import EmailReplyParser from 'email-reply-parser';
import { JSDOM } from 'jsdom';
import planer from 'planer';

// The npm peers, called the way their READMEs show. Both work on text; planer also cuts html, given a DOM document,
// and is given the html part when a message has one, as our extractor reads it (the same work for both).

export type PeerName = 'email-reply-parser' | 'planer';
/** A message's text part and html part (with `htmlText`, the html rendered by the evaluation's converter). */
export type PeerInput = { text?: string; html?: string; htmlText?: string };
/** What a peer returned: plain text, or html to be rendered to text by the evaluation's one converter. */
export type PeerOutput = { text: string } | { html: string };

const dom = new JSDOM('<!doctype html><html><head></head><body></body></html>');

export const PEERS: Record<PeerName, (input: PeerInput) => PeerOutput> = {
  'email-reply-parser': (input) => ({
    text: new EmailReplyParser().parseReply(input.text ?? input.htmlText ?? ''),
  }),
  planer: (input) =>
    input.html !== undefined
      ? { html: planer.extractFrom(input.html, 'text/html', dom.window.document) }
      : { text: planer.extractFrom(input.text ?? '', 'text/plain', dom.window.document) },
};
