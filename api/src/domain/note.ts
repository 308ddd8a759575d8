import type { AccessLevel } from './note-type.js';
import type { OriginalContentType } from './stored-original.js';

export type NoteSource = 'email' | 'agent' | 'addin' | 'system';

export type Author = { id: string; name: string; email?: string };

/** What the receiving mail server said of the From: address (docs/sender-authenticity.md). */
export type AuthenticityOutcome = 'pass' | 'fail' | 'unverified' | 'internal';

export type SenderVerdict = { outcome: AuthenticityOutcome; summary: string };

/** How an email-sourced note was tied to its SR, so an agent can judge a surprising match. */
export type EmailOrigin = {
  from: { name?: string; address: string };
  subject: string;
  receivedAt: string;
  internetMessageId?: string;
  signal: string;
  /** Whether the sender was authenticated; absent on notes filed before it was recorded and on manual filings. */
  authentication?: SenderVerdict;
  /** Blob hash of the stored original for "view original" (see stored-original.ts). */
  originalRef?: string;
  /** Absent on notes filed before it was recorded; their original says itself which it is. */
  originalContentType?: OriginalContentType;
  /** The quoted history we cut off, kept so agents can expand it. */
  elidedHtml?: string;
};

export type Note = {
  id: string;
  requestId: number;
  typeCode: string;
  accessLevel: AccessLevel;
  source: NoteSource;
  /** Sanitised HTML; never rendered unsanitised. */
  bodyHtml: string;
  bodyText: string;
  author: Author;
  createdAt: string;
  email?: EmailOrigin;
  /** Set on a note the composer also sent to the customer: the email it went out as. */
  sentAs?: { outboundId: number };
};
