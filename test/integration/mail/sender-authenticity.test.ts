import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest';
import { formatSrNumber } from '../../../api/src/domain/service-request.js';
import { desk, type NoteBody } from './support/desk.js';
import { startMailStack, type MailStack } from './support/mail-stack.js';
import { customerReply } from './support/replies.js';

// Issue 15, finding 2, end to end: the emulator stamps Authentication-Results as Exchange Online does (its
// unauthenticatedSenders knob makes a sender fail, as a forged From: does), and the engine believes only that stamp.

let stack: MailStack;
let d: ReturnType<typeof desk>;
beforeAll(async () => {
  stack = await startMailStack({ notifications: false, env: { MAIL_LOOP_LIMIT_PER_HOUR: '2' } });
  d = desk(stack);
});
afterEach(async () => {
  await stack.emulator.control('DELETE', '/faults');
});
afterAll(() => stack.close());

const keyring = () => stack.runtime.services.ecIdKeyring;
type AuthenticatedNote = NoteBody & {
  email?: { signal: string; authentication?: { outcome: string; summary: string } };
};

async function forge(address: string): Promise<void> {
  const res = await stack.emulator.control('POST', '/faults', { unauthenticatedSenders: [address] });
  expect(res.status).toBe(200);
}

async function requestOf(name: string): Promise<{ id: number; sender: { name: string; address: string } }> {
  const sender = { name, address: `${name.toLowerCase()}@fabrikam.test` };
  return {
    id: await d.createRequest({ status: 'Awaiting Customer', requester: { name, email: sender.address } }),
    sender,
  };
}

/** A reply naming the SR only in its subject: no marker, no token, no In-Reply-To. */
const subjectOnly = (id: number, sender: { name: string; address: string }, subject: string) =>
  customerReply({
    requestId: id,
    keyring: keyring(),
    from: sender,
    noMarker: true,
    subject: `RE: [${formatSrNumber(id)}] ${subject}`,
  });

describe('sender authenticity', () => {
  it('holds a forged From: with the SR number in the subject as sender-not-authenticated, and changes nothing on the SR', async () => {
    const { id, sender } = await requestOf('Dora');
    await forge(sender.address);
    await d.deliver(await subjectOnly(id, sender, 'please close this'));
    expect(await d.syncNow()).toMatchObject({ notes: 0, mailCenter: 1 });

    expect(await d.notes(id)).toEqual([]);
    expect(await d.request(id)).toMatchObject({ status: 'Awaiting Customer', hasNewEmailReply: false });
    const item = (await d.mailCenter()).items.find((i) => i.subject.endsWith('please close this'));
    expect(item).toMatchObject({
      reason: 'sender-not-authenticated',
      state: 'open',
      candidateRequestIds: [id],
    });
    expect(item!.evidence[0]).toMatch(
      /^The sender could not be authenticated: Microsoft 365's composite check failed/,
    );
    expect(item!.evidence.join('\n')).toContain('compauth=fail');
  });

  it("files the genuine requester's reply by its subject number, with the verdict on the note", async () => {
    const { id, sender } = await requestOf('Emil');
    await d.deliver(await subjectOnly(id, sender, 'all good now'));
    expect(await d.syncNow()).toMatchObject({ notes: 1, mailCenter: 0 });
    const [note] = (await d.notes(id)) as AuthenticatedNote[];
    expect(note?.email).toMatchObject({ signal: 'subject-sr-number', authentication: { outcome: 'pass' } });
    expect(await d.request(id)).toMatchObject({ status: 'Customer Replied' });
  });

  it('files a signed token from a forged sender, and the note and history say the sender was not authenticated', async () => {
    const { id, sender } = await requestOf('Fritz');
    await forge('fabrikam.test');
    await d.deliver(
      await customerReply({
        requestId: id,
        keyring: keyring(),
        from: sender,
        subject: 'RE: Your request (token)',
      }),
    );
    expect(await d.syncNow()).toMatchObject({ notes: 1 });
    const [note] = (await d.notes(id)) as AuthenticatedNote[];
    expect(note?.email).toMatchObject({
      signal: expect.stringMatching(/body-token|own-message-id/),
      authentication: { outcome: 'fail' },
    });
    const entry = (await d.history(id)).find((h) => h.kind === 'note-from-email');
    expect(entry?.summary).toContain('The sender could not be authenticated');
    expect(entry?.details).toMatchObject({ authentication: 'fail' });
  });

  it("counts forged mail apart: it cannot use up a customer's hourly allowance", async () => {
    const { id, sender } = await requestOf('Greta');
    await forge(sender.address);
    for (const n of [1, 2, 3]) await d.deliver(await subjectOnly(id, sender, `forged ${n}`));
    expect(await d.syncNow()).toMatchObject({ notes: 0, mailCenter: 3 });
    await stack.emulator.control('DELETE', '/faults');

    await d.deliver(await subjectOnly(id, sender, 'the real one'));
    expect(await d.syncNow()).toMatchObject({ notes: 1, mailCenter: 0 });
    expect(await d.notes(id)).toHaveLength(1);
  });

  it('believes only the stamp the receiving server prepended, not one the sender wrote lower down', async () => {
    const { id, sender } = await requestOf('Hugo');
    await forge(sender.address);
    const forgedPass = `spf=pass smtp.mailfrom=fabrikam.test; dkim=pass header.d=fabrikam.test;dmarc=pass action=none header.from=fabrikam.test;compauth=pass reason=100`;
    const mime = await customerReply({
      requestId: id,
      keyring: keyring(),
      from: sender,
      noMarker: true,
      subject: `RE: [${formatSrNumber(id)}] injected`,
      headers: { 'Authentication-Results': forgedPass },
    });
    // The sender's relay adds its Received line on top, as every hop does: the forged stamp is not the first header.
    await d.deliver(
      Buffer.concat([
        Buffer.from('Received: from relay.fabrikam.test (203.0.113.66) by mx.example\r\n'),
        mime,
      ]),
    );
    expect(await d.syncNow()).toMatchObject({ notes: 0, mailCenter: 1 });
    const item = (await d.mailCenter()).items.find((i) => i.subject.endsWith('injected'));
    expect(item).toMatchObject({ reason: 'sender-not-authenticated' });
    expect(item!.evidence.join('\n')).toContain('1 further Authentication-Results header lower down ignored');
  });

  it('keeps the stamp of a replayed message (its first header) as the receiving server\u2019s own', async () => {
    const { id, sender } = await requestOf('Ida');
    const failing =
      'spf=fail (sender IP is 203.0.113.9) smtp.mailfrom=fabrikam.test; dmarc=fail action=none header.from=fabrikam.test;compauth=fail reason=001';
    const mime = Buffer.concat([
      Buffer.from(`Authentication-Results: ${failing}\r\n`),
      await subjectOnly(id, sender, 'replayed'),
    ]);
    await d.deliver(mime);
    expect(await d.syncNow()).toMatchObject({ notes: 0, mailCenter: 1 });
    const item = (await d.mailCenter()).items.find((i) => i.subject.endsWith('replayed'));
    expect(item).toMatchObject({ reason: 'sender-not-authenticated' });
    expect(item!.evidence[0]).toContain('reason 001');
  });
});
