import {
  methodResult,
  parseAuthenticationResults,
  type AuthenticationResults,
  type AuthMethodResult,
} from '../domain/authentication-results.js';
import type { MailAccount } from '../domain/mail-account.js';
import { domainOf, headerValues, type MailMessage } from '../domain/mail-message.js';
import type { AuthenticityOutcome, SenderVerdict } from '../domain/note.js';

// Whether the From: address of an email is its real sender, by what the receiving mail server already checked
// (docs/architecture.md §4, sender authenticity): only the topmost Authentication-Results is believed, and only when the receiving server
// wrote it. Pure: the engine passes in which server that is.

/**
 * Which stamp is the receiving server's. Exchange Online prepends one with no authserv-id (Graph mailboxes); an IMAP
 * server names itself, and the account says which names are its own.
 */
export type SenderTrust = { kind: 'exchange-online' } | { kind: 'authserv-ids'; ids: readonly string[] };

export type SenderAuthenticity = SenderVerdict & {
  authenticated: boolean;
  outcome: AuthenticityOutcome;
  /** The stamp as read and what was ignored, for the folded evidence. */
  details: string[];
};

const PASSING_COMPAUTH = new Set(['pass', 'softpass']);
const PASSING_DMARC = new Set(['pass', 'bestguesspass']);

/**
 * Relaxed alignment (DMARC's sense) without a public-suffix list: the same domain, or one a subdomain of the other,
 * where the shorter still has two labels. A stamp for "mail.example.com" speaks for "example.com" and back.
 */
export function aligned(a: string, b: string): boolean {
  const x = a.toLowerCase().replace(/^@/, '');
  const y = b.toLowerCase().replace(/^@/, '');
  if (!x || !y) return false;
  if (x === y) return true;
  const [longer, shorter] = x.length > y.length ? [x, y] : [y, x];
  return shorter.includes('.') && longer.endsWith(`.${shorter}`);
}

function describe(result: AuthMethodResult): string {
  const props = Object.entries(result.properties).map(([name, value]) => `${name}=${value}`);
  return `${result.method}=${result.result}${props.length > 0 ? ` (${props.join(', ')})` : ''}`;
}

function isTrusted(stamp: AuthenticationResults, trust: SenderTrust): boolean {
  if (trust.kind === 'exchange-online') return stamp.authservId === undefined;
  return stamp.authservId !== undefined && trust.ids.some((id) => id.toLowerCase() === stamp.authservId);
}

/** The verdict of one trusted stamp for the From: domain. A failure of the composite or DMARC check outweighs a pass. */
function judge(
  stamp: AuthenticationResults,
  fromDomain: string,
): { authenticated: boolean; because: string } {
  const compauth = methodResult(stamp, 'compauth');
  const dmarc = methodResult(stamp, 'dmarc');
  const spf = methodResult(stamp, 'spf');
  const dkim = methodResult(stamp, 'dkim');
  const reason = compauth?.properties.reason;
  const checkedFrom = dmarc?.properties['header.from'];
  if (checkedFrom && !aligned(checkedFrom, fromDomain)) {
    return {
      authenticated: false,
      because: `the checks were made for ${checkedFrom}, not for ${fromDomain}`,
    };
  }
  if (compauth?.result === 'fail')
    return {
      authenticated: false,
      because: `Microsoft 365's composite check failed (compauth=fail${reason ? `, reason ${reason}` : ''})`,
    };
  if (dmarc?.result === 'fail') return { authenticated: false, because: `DMARC failed for ${fromDomain}` };
  if (compauth && PASSING_COMPAUTH.has(compauth.result)) {
    return {
      authenticated: true,
      because: `Microsoft 365's composite check passed (compauth=${compauth.result}${reason ? `, reason ${reason}` : ''})`,
    };
  }
  if (dmarc && PASSING_DMARC.has(dmarc.result))
    return { authenticated: true, because: `DMARC passed for ${fromDomain}` };
  if (spf?.result === 'pass' && aligned(spf.properties['smtp.mailfrom'] ?? '', fromDomain)) {
    return {
      authenticated: true,
      because: `SPF passed for ${spf.properties['smtp.mailfrom']}, which matches ${fromDomain}`,
    };
  }
  const signer = stamp.results.find(
    (r) => r.method === 'dkim' && r.result === 'pass' && aligned(r.properties['header.d'] ?? '', fromDomain),
  );
  if (signer)
    return {
      authenticated: true,
      because: `a DKIM signature of ${signer.properties['header.d']} was verified`,
    };
  const seen = [compauth, dmarc, spf, dkim]
    .filter((r) => r !== undefined)
    .map((r) => `${r.method}=${r.result}`);
  return {
    authenticated: false,
    because:
      seen.length > 0
        ? `no check passed for ${fromDomain} (${seen.join(', ')})`
        : 'the stamp holds no result',
  };
}

export function assessSender(
  message: Pick<MailMessage, 'headers' | 'from'>,
  context: { trust: SenderTrust; ownDomains: readonly string[] },
): SenderAuthenticity {
  const fromDomain = domainOf(message.from.address);
  const stamps = headerValues(message, 'authentication-results').map(parseAuthenticationResults);
  const [top, ...lower] = stamps;
  const ignored =
    lower.length > 0
      ? [
          `${lower.length} further Authentication-Results header${lower.length > 1 ? 's' : ''} lower down ignored: anyone can add those before the mail reaches us.`,
        ]
      : [];
  const notAuthenticated = 'The sender could not be authenticated';
  if (!top) {
    // Exchange Online stamps all mail from outside the organisation, so none at all means it never left the tenant.
    if (
      context.trust.kind === 'exchange-online' &&
      fromDomain &&
      context.ownDomains.some((d) => d.toLowerCase() === fromDomain)
    ) {
      return {
        authenticated: true,
        outcome: 'internal',
        summary: `Internal mail from ${fromDomain}, the desk's own domain (Exchange Online stamps only mail from outside).`,
        details: [],
      };
    }
    return {
      authenticated: false,
      outcome: 'unverified',
      summary: `${notAuthenticated}: the receiving mail server left no Authentication-Results stamp.`,
      details: [],
    };
  }
  if (!isTrusted(top, context.trust)) {
    const who = top.authservId
      ? `was written by ${top.authservId}, not by the server that received the mail`
      : "names no server, so it is not the receiving server's";
    return {
      authenticated: false,
      outcome: 'unverified',
      summary: `${notAuthenticated}: the topmost Authentication-Results stamp ${who}.`,
      details: [`Untrusted stamp: ${top.results.map(describe).join('; ') || 'no results'}.`, ...ignored],
    };
  }
  const verdict = judge(top, fromDomain || '(no domain)');
  const stamp = `Receiving server's stamp: ${top.results.map(describe).join('; ') || 'no results'}.`;
  const arc = methodResult(top, 'arc');
  const arcOverride = methodResult(top, 'compauth')?.properties.reason === '130';
  return {
    authenticated: verdict.authenticated,
    outcome: verdict.authenticated ? 'pass' : 'fail',
    summary: verdict.authenticated
      ? `The sender ${message.from.address} is authenticated: ${verdict.because}.`
      : `${notAuthenticated}: ${verdict.because}. Anyone can put ${message.from.address || 'an address'} in the From: line.`,
    details: [
      stamp,
      ...(arc ? [`ARC result reported by the receiving server: ${arc.result}.`] : []),
      ...(arcOverride
        ? ['ARC: a trusted forwarder vouched for the message, which overrode a DMARC failure (reason 130).']
        : []),
      ...ignored,
    ],
  };
}

/** Graph mailboxes are Exchange Online's; an IMAP server names itself, by default as the host the desk reads from. */
export function senderTrust(
  account: Pick<MailAccount, 'transport' | 'incomingHost' | 'authservIds'>,
): SenderTrust {
  if (account.transport === 'graph') return { kind: 'exchange-online' };
  return {
    kind: 'authserv-ids',
    ids: account.authservIds && account.authservIds.length > 0 ? account.authservIds : [account.incomingHost],
  };
}

/** The loop guard's bucket: forged mail must not use up the allowance of the address it claims. */
export function senderBucket(
  address: string,
  authenticity: Pick<SenderAuthenticity, 'authenticated'>,
): string {
  return authenticity.authenticated ? address.toLowerCase() : `unauthenticated:${address.toLowerCase()}`;
}
