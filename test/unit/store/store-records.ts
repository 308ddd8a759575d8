import type { Attachment } from '../../../api/src/domain/attachment.js';
import type { HistoryEntry } from '../../../api/src/domain/history.js';
import type { MailCenterItem } from '../../../api/src/domain/mail-center-item.js';
import type { Note } from '../../../api/src/domain/note.js';
import type { OutboundEmail } from '../../../api/src/domain/outbound-email.js';
import type { ProcessedMessage } from '../../../api/src/domain/processed-message.js';

// Records for the store contracts: complete, so an adapter that keeps columns of them has every field it needs.

export const aNote = (id: string, requestId: number, overrides: Partial<Note> = {}): Note => ({
  id,
  requestId,
  typeCode: 'PUBLIC',
  accessLevel: 'User',
  source: 'agent',
  bodyHtml: `<p>${id}</p>`,
  bodyText: id,
  author: { id: 'u1', name: 'Sam Agent' },
  createdAt: '2025-01-02T03:04:05.000Z',
  ...overrides,
});

export const anAttachment = (
  id: string,
  requestId: number,
  sha256: string,
  overrides: Partial<Attachment> = {},
): Attachment => ({
  id,
  requestId,
  folder: 'Other',
  fileName: `${id}.pdf`,
  contentType: 'application/pdf',
  size: 1,
  sha256,
  uploadedBy: 'u1',
  createdAt: '2025-01-02T03:04:05.000Z',
  ...overrides,
});

/** A note made from an email; `email` sets more of the email's fields (its stored original, its Message-ID). */
export const anEmailNote = (
  id: string,
  requestId: number,
  email: Partial<NonNullable<Note['email']>> = {},
): Note =>
  aNote(id, requestId, {
    source: 'email',
    email: {
      from: { address: 'ada@example.com' },
      subject: 'Re: printer',
      receivedAt: '2025-01-02T03:04:05.000Z',
      signal: 'marker',
      ...email,
    },
  });

export const aHistoryEntry = (
  id: string,
  requestId: number,
  details?: Record<string, unknown>,
): HistoryEntry => ({
  id,
  requestId,
  kind: 'note-added',
  summary: 'Note added',
  actor: { id: 'u1', name: 'Sam Agent' },
  at: '2025-01-02T03:04:05.000Z',
  ...(details ? { details } : {}),
});

export const anOutboundEmail = (id: number, overrides: Partial<OutboundEmail> = {}): OutboundEmail => ({
  id,
  requestId: 1,
  accountId: 'acc-1',
  trigger: 'manual',
  from: { address: 'desk@contoso.test' },
  to: [{ address: 'ada@example.com' }],
  cc: [],
  subject: 'About your printer',
  bodyHtml: '<p>Hello</p>',
  attachmentIds: [],
  token: 'TOKEN',
  internetMessageId: `sm-${id}@contoso.test`,
  status: 'sent',
  attempts: 1,
  queuedAt: '2025-01-02T03:00:00.000Z',
  actor: { id: 'u1', name: 'Sam Agent' },
  ...overrides,
});

export const aMailCenterItem = (id: string, overrides: Partial<MailCenterItem> = {}): MailCenterItem => ({
  id,
  accountId: 'acc-1',
  mailbox: 'desk@contoso.test',
  from: { name: 'Ada Customer', address: 'ada@example.com' },
  to: [],
  cc: [],
  subject: `Subject ${id}`,
  receivedAt: '2025-01-02T03:04:05.000Z',
  bodyPreview: 'Preview',
  reason: 'no-marker',
  evidence: [],
  candidateRequestIds: [],
  state: 'open',
  originalRef: `orig-${id}`,
  originalContentType: 'application/json',
  attempts: 0,
  createdAt: '2025-01-02T03:04:05.000Z',
  updatedAt: '2025-01-02T03:04:05.000Z',
  ...overrides,
});

export const aLedgerEntry = (
  mailbox: string,
  internetMessageId: string,
  overrides: Partial<ProcessedMessage> = {},
): ProcessedMessage => ({
  id: `${mailbox.toLowerCase()}|${internetMessageId}`,
  accountId: 'acc-1',
  mailbox: mailbox.toLowerCase(),
  internetMessageId,
  outcome: 'note',
  afterStep: 'finished',
  processedAt: '2025-01-02T03:04:05.000Z',
  ...overrides,
});
