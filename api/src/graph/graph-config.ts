// How to reach Graph and Entra: production defaults, or the emulator by configuration alone (docs/graph-behaviour.md §1.3).
export type GraphConfig = {
  mode: 'real' | 'emulator';
  /** https://graph.microsoft.com, or the emulator's origin. The version segment is added by the client. */
  baseUrl: string;
  /** https://login.microsoftonline.com, or the emulator's origin. */
  authorityHost: string;
  /** Requests in flight per mailbox; Outlook refuses a fifth (docs/graph-behaviour.md §7.1). */
  maxInFlightPerMailbox?: number;
  /** Attempts after the first for 429/503/504 and dropped connections. */
  maxRetries?: number;
  /** The longest Retry-After we sit out inside one call; longer waits come back as a GraphError for the caller to schedule. */
  maxRetryAfterMs?: number;
};

export const GRAPH_DEFAULTS = {
  maxInFlightPerMailbox: 4,
  maxRetries: 6,
  maxRetryAfterMs: 10 * 60_000,
} as const;
