import type { EcIdKeyring } from '../domain/ec-id.js';
import type { OutboundPolicy } from '../domain/outbound-policy.js';
import type { RateLimits } from '../domain/rate-limits.js';
import type { SecretBox } from '../domain/secret-box.js';
import type { MailEngine } from '../ports/mail-engine.js';
import type { OutboundDispatcher } from '../ports/outbound-dispatcher.js';
import type { BlobStore } from '../ports/blob-store.js';
import type { ClusterState } from '../ports/cluster-state.js';
import type { Store } from '../ports/store.js';
import type { Understand } from '../reply/understand-message.js';

/** Reads an email's body off the API's thread (`understand`), within `readTimeLimitMs` per email. */
export type BodyReader = { understand: Understand; readTimeLimitMs: number };

// What every use case may use. main.ts builds the real ones; tests build them over the memory store.
export type ServiceDeps = {
  store: Store;
  blobs: BlobStore;
  secrets: SecretBox;
  clock: () => Date;
  newId: () => string;
  /** Signs and verifies the EC_ID tokens in outbound mail and replies. */
  ecIdKeyring: EcIdKeyring;
  /** Sends queued email; without it (tests of other features) emails stay queued. */
  outbound?: OutboundDispatcher;
  /** The mailbox's sending rate and the #SR_LINK# base; services read the base (absent: the placeholder is the SR number). */
  outboundPolicy?: OutboundPolicy;
  /** The installation's loop guards (environment), where the admin's settings leave one unset; DEFAULT_RATE_LIMITS when absent. */
  rateLimitDefaults?: RateLimits;
  /** The running mail engine (sync, health, the mailbox a Mail Center action reads from); absent when Graph is not configured or in tests of other features. */
  mail?: MailEngine;
  /**
   * How a body is read when an agent files an email (Mail Center link/create/reprocess, the Outlook add-in): the
   * engine's worker threads and the installation's time per email. compose-mail.ts sets it; absent, nothing is filed so.
   */
  reader?: BodyReader;
  /** What the instances sharing the database agree on (which one runs a periodic job); absent: this process alone. */
  cluster?: ClusterState;
};
