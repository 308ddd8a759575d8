import type { MailCenterReason } from '../../domain/mail-center-item.js';
import type { MailMessage } from '../../domain/mail-message.js';
import type { Settings } from '../../domain/settings.js';
import type { ServiceDeps } from '../deps.js';
import { classifyMessage, type ClassifyContext } from '../../reply/classify.js';
import { decideRoute } from '../../reply/match.js';
import type { SenderAuthenticity } from '../../reply/sender-authenticity.js';
import { createStoreMatchLookup } from './store-match-lookup.js';

// classify -> match -> check (docs/architecture.md §4), with the desk's policies: whether a message becomes a note on an SR, or
// which Mail Center reason holds it, with the evidence a person needs to decide.

export type Decision =
  | { kind: 'note'; requestId: number; signal: string; evidence: string[]; authenticity: SenderAuthenticity }
  | { kind: 'mail-center'; reason: MailCenterReason; evidence: string[]; candidates: number[] };

export async function decide(
  deps: Pick<ServiceDeps, 'store' | 'ecIdKeyring' | 'clock'>,
  input: {
    message: MailMessage;
    settings: Settings;
    classify: ClassifyContext;
    authenticity: SenderAuthenticity;
  },
): Promise<Decision> {
  const { message, settings } = input;
  const route = await decideRoute(
    message,
    classifyMessage(message, input.classify),
    { lookup: createStoreMatchLookup(deps), keyring: deps.ecIdKeyring, now: deps.clock() },
    {
      // Both sender policies keep a stranger's reply out of the SR; they differ in who looks at it (strangerState).
      unknownSender: 'review',
      closedSr: settings.closedPolicy,
    },
    input.authenticity,
  );
  return route.kind === 'note'
    ? {
        kind: 'note',
        requestId: route.requestId,
        signal: route.signal,
        evidence: route.evidence,
        authenticity: input.authenticity,
      }
    : { kind: 'mail-center', reason: route.reason, evidence: route.evidence, candidates: route.candidates };
}

/**
 * Where a stranger's email waits: "review" puts it in the agents' Mail Center queue; "participants-only" records it
 * as ignored (kept, searchable, never filed).
 */
export function strangerState(settings: Settings): 'open' | 'ignored' {
  return settings.senderPolicy === 'participants-only' ? 'ignored' : 'open';
}
