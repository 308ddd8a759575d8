import { allOf, alternation } from '../languages/vocabulary.js';
import type { MailMessage } from '../../domain/mail-message.js';

// The vocabulary the classifiers share. Each classifier reports what it saw; classify() weighs it.

export type MailClass = 'human' | 'auto-reply' | 'bounce' | 'own' | 'loop' | 'system';
export type MachineClass = Exclude<MailClass, 'human'>;

export type Evidence = {
  class: MachineClass;
  /** Stable code, e.g. "header:auto-submitted" or "subject:bounce". */
  signal: string;
  /** Enough on its own ('strong'), or only together with another signal ('supporting'). */
  strength: 'strong' | 'supporting';
  detail?: string;
};

export type ClassifyContext = {
  /** Addresses we send from (lower- or mixed-case). Mail from them is our own, looped back. */
  ownAddresses: readonly string[];
  /** Domains of the Message-IDs we set on outbound mail. */
  ownMessageIdDomains: readonly string[];
  /** How many messages this sender (or SR) sent recently, counted by the engine, and the configured ceiling. */
  recent?: { count: number; limit: number };
};

export type Classifier = (message: MailMessage, context: ClassifyContext) => Evidence[];

const MAX_SIGNAL_TEXT = 20_000;

/** The first part of the body as rough text, for content signals (NDR and out-of-office wording). */
export function signalText(message: MailMessage): string {
  if (message.bodyText) return message.bodyText.slice(0, MAX_SIGNAL_TEXT);
  if (!message.bodyHtml) return '';
  // Rough on purpose (signals, not display): tags out, a few entities decoded. [^<>] keeps it linear on "<<<<".
  return message.bodyHtml
    .slice(0, MAX_SIGNAL_TEXT * 4)
    .replace(/<[^<>]*>/g, ' ')
    .replace(/&nbsp;/gi, ' ')
    .replace(/&amp;/gi, '&')
    .replace(/&lt;/gi, '<')
    .replace(/&gt;/gi, '>')
    .replace(/&#39;|&apos;/gi, "'")
    .replace(/\s+/g, ' ')
    .slice(0, MAX_SIGNAL_TEXT);
}

export function localPart(address: string): string {
  const at = address.lastIndexOf('@');
  return (at < 0 ? address : address.slice(0, at)).toLowerCase();
}

/** The Content-Type header's media type and its parameters (lower-cased). */
export function contentType(value: string | undefined): { type: string; params: Record<string, string> } {
  if (!value) return { type: '', params: {} };
  const [type = '', ...rest] = value.split(';');
  const params: Record<string, string> = {};
  for (const part of rest) {
    const eq = part.indexOf('=');
    if (eq > 0)
      params[part.slice(0, eq).trim().toLowerCase()] = part
        .slice(eq + 1)
        .trim()
        .replace(/^"|"$/g, '')
        .toLowerCase();
  }
  return { type: type.trim().toLowerCase(), params };
}

// "RE:", "AW:", "Odp:", "回复：" and "FW:", "WG:", "TR:", possibly numbered ("RE[2]:"), in every language of the table.
const prefixPattern = (prefixes: readonly string[]) =>
  new RegExp(`^(?:${alternation(prefixes)})\\s*(?:\\[\\d+\\])?\\s*[:：]\\s*`, 'iu');
const FORWARD_PREFIX = prefixPattern(allOf('forwardPrefixes'));
const REPLY_PREFIX = prefixPattern(allOf('replyPrefixes'));

/** A subject with reply/forward prefixes and tenant tags such as "[EXTERNAL]" removed from the front. */
const PREFIX_HINT = /^\s*(?:\[|\p{L}[\p{L} ]{0,15}(?:\[\d+\])?\s*[:：])/u;

export function subjectCore(subject: string): { core: string; forwarded: boolean; replied: boolean } {
  if (!PREFIX_HINT.test(subject)) return { core: subject.trim(), forwarded: false, replied: false };
  let core = subject.trim();
  let forwarded = false;
  let replied = false;
  for (let i = 0; i < 10; i++) {
    const tag = /^\[(?:external|extern|externe?|ext)\]\s*/i.exec(core);
    if (tag) {
      core = core.slice(tag[0].length);
      continue;
    }
    const prefix = FORWARD_PREFIX.exec(core);
    if (prefix) {
      forwarded = true;
      core = core.slice(prefix[0].length);
      continue;
    }
    const reply = REPLY_PREFIX.exec(core);
    if (reply) {
      replied = true;
      core = core.slice(reply[0].length);
      continue;
    }
    break;
  }
  return { core, forwarded, replied };
}
