import { expect } from 'vitest';
import type { GraphTarget } from '../../support/emulator-graph-target.js';

// The shapes of Graph messages and listings the mail conformance tests read, and how they put mail in an inbox.

/** The Prefer value that asks Graph for ids that survive a move (docs/graph-behaviour.md C4, C5). */
export const IMMUTABLE = 'IdType="ImmutableId"';
/** A 1x1 PNG, base64. */
export const PNG =
  'iVBORw0KGgoAAAANSUhEUgAAAAEAAAABCAYAAAAfFcSJAAAADUlEQVR42mP8z8BQDwAEhQGAhKmMIQAAAABJRU5ErkJggg==';

export type Message = Record<string, unknown> & {
  id: string;
  isRead: boolean;
  internetMessageId: string;
  receivedDateTime: string;
};
export type Page = { value: Message[]; '@odata.nextLink'?: string };

export type Attachment = Record<string, unknown> & {
  id: string;
  name: string;
  isInline: boolean;
  contentId?: string | null;
  contentBytes?: string;
};
/** A message as the attachment and sending cases read it. */
export type SentMessage = Record<string, unknown> & {
  id: string;
  subject: string;
  internetMessageId: string;
  conversationId: string;
  hasAttachments: boolean;
  body: { content: string };
};

/** Puts a MIME message into `mailbox`'s inbox through the control API (emulator only); answers its id. */
export async function deliverMime(t: GraphTarget, mailbox: string, mime: string): Promise<string> {
  const res = await t.emulator!.control(
    'POST',
    `/mailboxes/${mailbox}/messages?folder=inbox`,
    mime,
    'message/rfc822',
  );
  expect(res.status).toBe(201);
  return ((await res.json()) as { id: string }).id;
}
