import { readFileSync } from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { encodeEcId } from '../../../../api/src/domain/ec-id.js';
import type { MailMessage } from '../../../../api/src/domain/mail-message.js';
import { formatOwnMessageId } from '../../../../api/src/domain/reply-marker.js';
import { classifyMessage } from '../../../../api/src/reply/classify.js';
import { decideRoute, type MatchPolicy } from '../../../../api/src/reply/match.js';
import { fromMime } from '../../../../api/src/reply/normalise/from-mime.js';
import type { StubData } from '../../../fixtures/replies/match-lookup-stub.js';
import { matchContext, openRequest, customerReply } from '../../../fixtures/replies/match-lookup-stub.js';
import { DESK_ADDRESS, KEYRING } from '../../../fixtures/replies/outbound.js';

// The zero-tolerance cases of issue 4: a damaged, forged or foreign token, a deeper token for another SR, an NDR quoting
// our Message-ID never reach the wrong SR; they go to the Mail Center with a reason.

const tokenA = encodeEcId({ requestId: 123, outboundId: 7 }, KEYRING);
const tokenB = encodeEcId({ requestId: 124, outboundId: 8 }, KEYRING);
const data: StubData = {
  outbound: [
    { outboundId: 7, requestId: 123 },
    { outboundId: 8, requestId: 124 },
    { outboundId: 9, requestId: 125, internetMessageId: 'stamped.125@eurprd02.prod.outlook.com' },
  ],
  requests: [openRequest(123), openRequest(124), openRequest(125, { status: 'Closed', isClosed: true })],
};
const policy: MatchPolicy = { unknownSender: 'review', closedSr: 'mail-center' };
const classify = { ownAddresses: [DESK_ADDRESS], ownMessageIdDomains: ['contoso.com'] };
const marker = (t: string) => `##- Please type your reply above this line -## [${t}]`;

const message = customerReply;

async function route(m: MailMessage, p: MatchPolicy = policy, d: StubData = data) {
  return decideRoute(m, classifyMessage(m, classify), matchContext(d), p);
}

function damage(token: string, at: number): string {
  const symbol = token.charAt(at) === '7' ? '8' : '7';
  return token.slice(0, at) + symbol + token.slice(at + 1);
}

describe('routing a reply: note on one SR, or the Mail Center with a reason', () => {
  it('files a reply with a valid token and our Message-ID as a note', async () => {
    const m = message({
      bodyText: `Thanks\n> ${marker(tokenA)}`,
      headers: [{ name: 'In-Reply-To', value: formatOwnMessageId(tokenA, 'contoso.com') }],
    });
    expect(await route(m)).toMatchObject({
      kind: 'note',
      requestId: 123,
      signal: 'body-token',
      reopen: false,
    });
  });

  it.each(
    [...Array.from({ length: tokenA.length - 3 }, (_, i) => i + 3)].filter((i) => tokenA.charAt(i) !== '-'),
  )('never files a reply whose token has symbol %i corrupted', async (at) => {
    const decision = await route(message({ bodyText: `Thanks\n> ${marker(damage(tokenA, at))}` }));
    expect(decision).toMatchObject({ kind: 'mail-center', reason: 'token-invalid' });
  });

  it('files a damaged token only when our signed Message-ID names the SR the token still shows', async () => {
    const damagedTail = damage(tokenA, tokenA.length - 2);
    const headers = [{ name: 'In-Reply-To', value: formatOwnMessageId(tokenA, 'contoso.com') }];
    expect(await route(message({ bodyText: `Thanks\n> ${marker(damagedTail)}`, headers }))).toMatchObject({
      kind: 'note',
      requestId: 123,
    });
    const damagedNumber = tokenA.replace('000123', '000124');
    expect(await route(message({ bodyText: `Thanks\n> ${marker(damagedNumber)}`, headers }))).toMatchObject({
      kind: 'mail-center',
      reason: 'token-invalid',
    });
  });

  it("follows the topmost token when an older SR's token sits deeper in the quote", async () => {
    const m = message({ bodyText: `Thanks\n> ${marker(tokenA)}\n>\n>> ${marker(tokenB)}` });
    expect(await route(m)).toMatchObject({ kind: 'note', requestId: 123 });
  });

  it('never falls back to a deeper token when the topmost one is damaged', async () => {
    const m = message({ bodyText: `Thanks\n> ${marker(damage(tokenA, 12))}\n>> ${marker(tokenB)}` });
    const decision = await route(m);
    expect(decision.kind).toBe('mail-center');
    expect(decision).not.toMatchObject({ requestId: 124 });
  });

  it('holds a forged token even when the headers agree with it', async () => {
    const forged = encodeEcId(
      { requestId: 123, outboundId: 7 },
      { current: { kid: KEYRING.current.kid, secret: 'attacker' }, previous: [] },
    );
    const headers = [{ name: 'In-Reply-To', value: '<stamped.125@eurprd02.prod.outlook.com>' }];
    expect(await route(message({ bodyText: marker(forged), headers }))).toMatchObject({
      kind: 'mail-center',
      reason: 'token-invalid',
    });
  });

  it('holds a token whose key has expired', async () => {
    const old = encodeEcId(
      { requestId: 123, outboundId: 7 },
      { current: KEYRING.previous[0]!, previous: [] },
    );
    expect(await route(message({ bodyText: marker(old) }))).toMatchObject({ kind: 'note', requestId: 123 });
    const later = { ...matchContext(data), now: new Date('2100-01-01T00:00:00Z') };
    const m = message({ bodyText: marker(old) });
    expect(await decideRoute(m, classifyMessage(m, classify), later, policy)).toMatchObject({
      kind: 'mail-center',
      reason: 'token-invalid',
    });
  });

  it('holds a token whose outbound email belongs to another SR in our records', async () => {
    const d: StubData = { ...data, outbound: [{ outboundId: 7, requestId: 999 }] };
    expect(await route(message({ bodyText: marker(tokenA) }), policy, d)).toMatchObject({
      kind: 'mail-center',
      reason: 'token-invalid',
    });
  });

  it('never turns an Exchange NDR quoting our Message-ID and token into a note', async () => {
    const ndr = await fromMime(
      readFileSync(path.resolve(import.meta.dirname, '../../../fixtures/replies/eml/exchange-ndr.eml')),
    );
    const decision = await decideRoute(ndr, classifyMessage(ndr, classify), matchContext(data), policy);
    expect(decision).toMatchObject({ kind: 'mail-center', reason: 'bounce' });
  });

  it('holds signals naming different SRs as a conflict', async () => {
    const headers = [{ name: 'In-Reply-To', value: formatOwnMessageId(tokenB, 'contoso.com') }];
    expect(await route(message({ bodyText: marker(tokenA), headers }))).toMatchObject({
      kind: 'mail-center',
      reason: 'conflicting-signals',
      candidates: [123, 124],
    });
  });

  it('holds mail with no signal as no-marker', async () => {
    expect(await route(message({ bodyText: 'Hello?' }))).toMatchObject({
      kind: 'mail-center',
      reason: 'no-marker',
      candidates: [],
    });
  });

  it('holds a subject SR number from a stranger as unknown-sender under either policy, naming and suggesting the SR', async () => {
    const stranger = message({
      subject: 'Re: [SR-000123] printer',
      bodyText: 'Hello?',
      from: { address: 'mallory@evil.example' },
    });
    for (const unknownSender of ['review', 'accept'] as const) {
      const decision = await route(stranger, { ...policy, unknownSender });
      expect(decision).toMatchObject({ kind: 'mail-center', reason: 'unknown-sender', candidates: [123] });
      expect(decision.evidence.join(' ')).toMatch(
        /SR-000123.*mallory@evil\.example is not its requester or a participant/,
      );
      expect(decision.evidence.join(' ')).not.toContain('No reference');
    }
  });

  it("files a participant's subject SR number, and never lets a stranger's number override or contradict a signed signal", async () => {
    expect(await route(message({ subject: 'Re: [SR-000124]' }))).toMatchObject({
      kind: 'note',
      requestId: 124,
      signal: 'subject-sr-number',
    });
    // The sender is on SR-000123 (token) but not on SR-000124 (subject): the token decides, the subject is only evidence.
    const d: StubData = {
      ...data,
      requests: [openRequest(123), openRequest(124, { requesterEmail: 'bob@fabrikam.example' })],
    };
    const decision = await route(
      message({ subject: 'Re: [SR-000124]', bodyText: marker(tokenA) }),
      policy,
      d,
    );
    expect(decision).toMatchObject({ kind: 'note', requestId: 123, signal: 'body-token' });
    expect(decision.evidence.join(' ')).toContain('SR-000124');
  });

  it('applies the sender and closed-SR policies', async () => {
    const stranger = message({ bodyText: marker(tokenA), from: { address: 'colleague@fabrikam.example' } });
    expect(await route(stranger)).toMatchObject({ kind: 'mail-center', reason: 'unknown-sender' });
    expect(await route(stranger, { ...policy, unknownSender: 'accept' })).toMatchObject({
      kind: 'note',
      requestId: 123,
    });
    const closed = message({
      headers: [{ name: 'In-Reply-To', value: '<stamped.125@eurprd02.prod.outlook.com>' }],
    });
    expect(await route(closed)).toMatchObject({ kind: 'mail-center', reason: 'sr-closed' });
    expect(await route(closed, { ...policy, closedSr: 'reopen' })).toMatchObject({
      kind: 'note',
      requestId: 125,
      reopen: true,
    });
  });

  it('holds a valid token for an SR that no longer exists', async () => {
    expect(
      await route(message({ bodyText: marker(tokenA) }), policy, { outbound: [], requests: [] }),
    ).toMatchObject({ kind: 'mail-center', reason: 'sr-not-found' });
  });

  it('holds non-human mail with its class as the reason', async () => {
    const oof = message({ subject: 'Automatic reply: Your request', bodyText: marker(tokenA) });
    expect(await route(oof)).toMatchObject({ kind: 'mail-center', reason: 'auto-reply' });
  });
});
