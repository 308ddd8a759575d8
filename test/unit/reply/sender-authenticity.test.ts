import { describe, expect, it } from 'vitest';
import { encodeEcId } from '../../../api/src/domain/ec-id.js';
import type { MailHeader, MailMessage } from '../../../api/src/domain/mail-message.js';
import { classifyMessage } from '../../../api/src/reply/classify.js';
import { decideRoute } from '../../../api/src/reply/match.js';
import {
  aligned,
  assessSender,
  senderBucket,
  senderTrust,
  type SenderTrust,
} from '../../../api/src/reply/sender-authenticity.js';
import { customerReply, matchContext, openRequest } from '../../fixtures/replies/match-lookup-stub.js';
import { CUSTOMER_ADDRESS, DESK_ADDRESS, KEYRING } from '../../fixtures/replies/outbound.js';

// Finding 2 of issue 15: a forged From: with the SR number in the subject became a PUBLIC note. Only the receiving
// server's own Authentication-Results stamp (the topmost, in its form) decides whether a weak signal may file.

const EXO: SenderTrust = { kind: 'exchange-online' };
const DOMAIN = 'fabrikam.example';
const PASS = `spf=pass (sender IP is 192.0.2.25) smtp.mailfrom=${DOMAIN}; dkim=pass (signature was verified) header.d=${DOMAIN};dmarc=pass action=none header.from=${DOMAIN};compauth=pass reason=100`;
const FAIL = `spf=fail (sender IP is 203.0.113.66) smtp.mailfrom=${DOMAIN}; dkim=none (message not signed) header.d=none;dmarc=fail action=oreject header.from=${DOMAIN};compauth=fail reason=000`;
const ar = (value: string): MailHeader => ({ name: 'Authentication-Results', value });

const message = (headers: MailHeader[], overrides: Partial<MailMessage> = {}): MailMessage =>
  customerReply({ subject: 'Re: [SR-000123] printer', headers, ...overrides });

const assess = (headers: MailHeader[], trust: SenderTrust = EXO, from = CUSTOMER_ADDRESS) =>
  assessSender({ headers, from: { address: from } }, { trust, ownDomains: ['contoso.com'] });

describe('assessSender: which stamp is believed, and what it says', () => {
  it("passes on Exchange Online's passing stamp and says why in plain words", () => {
    const verdict = assess([ar(PASS)]);
    expect(verdict).toMatchObject({ authenticated: true, outcome: 'pass' });
    expect(verdict.summary).toBe(
      `The sender ${CUSTOMER_ADDRESS} is authenticated: Microsoft 365's composite check passed (compauth=pass, reason 100).`,
    );
  });

  it('fails a forged From: and names the address anyone can write', () => {
    const verdict = assess([ar(FAIL)]);
    expect(verdict).toMatchObject({ authenticated: false, outcome: 'fail' });
    expect(verdict.summary).toContain('composite check failed (compauth=fail, reason 000)');
    expect(verdict.details[0]).toContain('dmarc=fail');
  });

  it('ignores a passing stamp lower down when the topmost fails (a sender can add its own)', () => {
    const verdict = assess([ar(FAIL), { name: 'Received', value: 'from x' }, ar(PASS)]);
    expect(verdict).toMatchObject({ authenticated: false, outcome: 'fail' });
    expect(verdict.details).toContain(
      '1 further Authentication-Results header lower down ignored: anyone can add those before the mail reaches us.',
    );
  });

  it('does not believe a topmost stamp written by another server (wrong authserv-id)', () => {
    expect(assess([ar(`mx.attacker.example; ${PASS}`)])).toMatchObject({
      authenticated: false,
      outcome: 'unverified',
    });
    expect(
      assess([ar(`mx.attacker.example; ${PASS}`)], { kind: 'authserv-ids', ids: ['imap.fabrikam.example'] }),
    ).toMatchObject({ authenticated: false, outcome: 'unverified' });
  });

  it('believes an IMAP server by its configured authserv-id, and only the topmost', () => {
    const imap: SenderTrust = { kind: 'authserv-ids', ids: ['MX.Desk.example'] };
    expect(assess([ar(`mx.desk.example; ${PASS}`)], imap)).toMatchObject({
      authenticated: true,
      outcome: 'pass',
    });
    expect(assess([ar(`mx.desk.example; ${FAIL}`), ar(`mx.desk.example; ${PASS}`)], imap)).toMatchObject({
      authenticated: false,
    });
    // Exchange's form has no authserv-id: on an IMAP account it names no trusted server.
    expect(assess([ar(PASS)], imap)).toMatchObject({ authenticated: false, outcome: 'unverified' });
  });

  it.each([
    ['a malformed stamp', 'spf=pass (sender IP is'],
    ['an empty stamp', ''],
    [
      'no result that passes',
      `spf=none smtp.mailfrom=${DOMAIN}; dkim=none; dmarc=none action=none header.from=${DOMAIN}; compauth=none reason=405`,
    ],
    ['SPF passing for another domain', 'spf=pass smtp.mailfrom=attacker.example; dkim=none'],
    ['DKIM signed by another domain', 'dkim=pass header.d=attacker.example'],
    [
      'a pass for another From: domain',
      `dmarc=pass action=none header.from=attacker.example; compauth=pass reason=100`,
    ],
    [
      'a DMARC failure beside a passing SPF',
      `spf=pass smtp.mailfrom=${DOMAIN}; dmarc=fail action=none header.from=${DOMAIN}`,
    ],
  ])('does not authenticate %s', (_name, value) => {
    expect(assess([ar(value)]).authenticated).toBe(false);
  });

  it.each([
    ['compauth softpass', 'compauth=softpass reason=201'],
    ['DMARC bestguesspass', `dmarc=bestguesspass action=none header.from=${DOMAIN}`],
    ['SPF of a subdomain of the From: domain', `spf=pass smtp.mailfrom=bounces.${DOMAIN}`],
    ['DKIM of the From: domain among others', `dkim=pass header.d=esp.example; dkim=pass header.d=${DOMAIN}`],
  ])('authenticates %s', (_name, value) => {
    expect(assess([ar(value)]).authenticated).toBe(true);
  });

  it('treats unstamped mail as internal only for Exchange Online and the desk\u2019s own domain', () => {
    expect(assess([], EXO, 'colleague@contoso.com')).toMatchObject({
      authenticated: true,
      outcome: 'internal',
    });
    expect(assess([], EXO)).toMatchObject({ authenticated: false, outcome: 'unverified' });
    expect(
      assess([], { kind: 'authserv-ids', ids: ['imap.contoso.com'] }, 'colleague@contoso.com'),
    ).toMatchObject({ authenticated: false });
  });

  it('reports ARC where the receiving server does', () => {
    const verdict = assess([
      ar(
        `spf=fail smtp.mailfrom=list.example; dmarc=fail action=none header.from=${DOMAIN}; arc=pass; compauth=pass reason=130`,
      ),
    ]);
    expect(verdict.details.join(' ')).toContain('ARC result reported by the receiving server: pass.');
    expect(verdict.details.join(' ')).toContain('reason 130');
  });

  it('aligns relaxed, never on a bare top-level domain', () => {
    expect(aligned('mail.example.com', 'example.com')).toBe(true);
    expect(aligned('example.com', 'com')).toBe(false);
    expect(aligned('notexample.com', 'example.com')).toBe(false);
  });

  it('trusts Exchange Online for Graph accounts and the IMAP host by default', () => {
    expect(senderTrust({ transport: 'graph', incomingHost: 'outlook.office365.com' })).toEqual(EXO);
    expect(senderTrust({ transport: 'imap-smtp', incomingHost: 'imap.desk.example' })).toEqual({
      kind: 'authserv-ids',
      ids: ['imap.desk.example'],
    });
    expect(
      senderTrust({
        transport: 'imap-smtp',
        incomingHost: 'imap.desk.example',
        authservIds: ['mx.desk.example'],
      }),
    ).toEqual({ kind: 'authserv-ids', ids: ['mx.desk.example'] });
  });

  it('counts forged mail in a bucket of its own', () => {
    expect(senderBucket('Anna@Fabrikam.example', { authenticated: true })).toBe('anna@fabrikam.example');
    expect(senderBucket('Anna@Fabrikam.example', { authenticated: false })).not.toBe('anna@fabrikam.example');
  });
});

describe('routing with the verdict', () => {
  const context = () =>
    matchContext({ outbound: [{ outboundId: 7, requestId: 123 }], requests: [openRequest(123)] });
  const route = (m: MailMessage) => {
    const authenticity = assessSender(m, { trust: EXO, ownDomains: ['contoso.com'] });
    return decideRoute(
      m,
      classifyMessage(m, { ownAddresses: [DESK_ADDRESS], ownMessageIdDomains: ['contoso.com'] }),
      context(),
      { unknownSender: 'review', closedSr: 'mail-center' },
      authenticity,
    );
  };

  it('holds a forged requester with [SR-000123] in the subject as sender-not-authenticated, reason first', async () => {
    const decision = await route(message([ar(FAIL)]));
    expect(decision).toMatchObject({
      kind: 'mail-center',
      reason: 'sender-not-authenticated',
      candidates: [123],
    });
    expect(decision.evidence[0]).toMatch(/^The sender could not be authenticated/);
    expect(decision.evidence[1]).toContain('weak signal (subject-sr-number)');
  });

  it('files the genuine requester by the subject number', async () => {
    expect(await route(message([ar(PASS)]))).toMatchObject({
      kind: 'note',
      requestId: 123,
      signal: 'subject-sr-number',
    });
  });

  it('files a signed token from a forged sender (the token is the secret)', async () => {
    const token = encodeEcId({ requestId: 123, outboundId: 7 }, KEYRING);
    const m = message([ar(FAIL)], {
      subject: 'Re: printer',
      bodyText: `Fine now\n> ##- Please type your reply above this line -## [${token}]`,
    });
    expect(await route(m)).toMatchObject({ kind: 'note', requestId: 123, signal: 'body-token' });
  });
});
