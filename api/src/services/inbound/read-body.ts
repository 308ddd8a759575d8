import type { MailMessage } from '../../domain/mail-message.js';
import { bodyOf, isTooComplex, type Understand, type Understood } from '../../reply/understand-message.js';

// The first look at a message (the engine's, or a Mail Center reprocess): its body read by `understand` (the engine's
// worker threads) within the time one email may take. What comes back is the message with its rendering attached
// (every check reuses it, nothing parses the body on the API's thread) and the reply already cut; or, over the time,
// the reason it is too-complex.

export type BodyRead =
  | { kind: 'read'; message: MailMessage; understood: Understood }
  | { kind: 'too-complex'; message: MailMessage; reason: string; limitMs: number };

export async function readBody(
  understand: Understand,
  message: MailMessage,
  limitMs: number,
): Promise<BodyRead> {
  try {
    const understood = await understand({ body: bodyOf(message), cidUrls: null, render: true }, limitMs);
    return {
      kind: 'read',
      message: understood.rendering ? { ...message, rendered: understood.rendering } : message,
      understood,
    };
  } catch (error) {
    if (!isTooComplex(error)) throw error;
    return { kind: 'too-complex', message, reason: error.message, limitMs: error.limitMs };
  }
}

/** The Mail Center evidence for a message over its time. */
export function tooComplexEvidence(read: Extract<BodyRead, { kind: 'too-complex' }>): string[] {
  return [
    `${read.reason} It is kept whole as the original: an agent can read it there, and link it or create an SR from it.`,
  ];
}
