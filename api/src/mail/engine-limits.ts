import { MAX_ATTACHMENT_BYTES } from '../services/attachments/upload-attachment.js';
import { DEFAULT_READ_TIME_LIMIT_MS } from './understand/understand.js';
import type { EngineLimits } from './sync-context.js';

export const DEFAULT_LIMITS: EngineLimits = {
  // Graph takes attachments up to 150 MB (docs/graph-behaviour.md §4.3); a message above that is held for a person.
  maxMessageBytes: 150 * 1024 * 1024,
  // The same cap as an upload's, and a Mail Center action's (services/mail-center/file-mail-center-item.ts).
  maxAttachmentBytes: MAX_ATTACHMENT_BYTES,
  // A person attaches a handful; hundreds on one reply is a mistake or an attack on storage and the SR's file list.
  maxAttachmentsPerMessage: 200,
  maxAttempts: 5,
  retryBaseMs: 60_000,
  retryMaxMs: 60 * 60_000,
  // A round holds what it listed (bodies included) in memory; a 2,000-reply backlog is one round.
  roundSize: 2_000,
  parallel: 32,
  // Reading a 2 MB body (the most that is parsed) takes well under a second; ten leave room for a loaded machine.
  readTimeLimitMs: DEFAULT_READ_TIME_LIMIT_MS,
};
