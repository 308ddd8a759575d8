import type { EngineLimits } from './sync-context.js';

export const DEFAULT_LIMITS: EngineLimits = {
  // Graph takes attachments up to 150 MB (graph.md §4.3); a message above that is held for a person.
  maxMessageBytes: 150 * 1024 * 1024,
  maxAttachmentBytes: 150 * 1024 * 1024,
  maxAttempts: 5,
  retryBaseMs: 60_000,
  retryMaxMs: 60 * 60_000,
  roundSize: 500,
  parallel: 32,
};
