import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { formatSrNumber } from '../../../api/src/domain/service-request.js';
import {
  heldMailCases,
  startMailCenterStack,
  stranger,
  type MailCenterStack,
} from './support/mail-center-desk.js';
import { eventually, type MailStack } from './support/mail-stack.js';
import { customerReply } from './support/replies.js';

// Every email that does not become a note is held with a reason and the evidence (the agent's actions on held
// email are in mail-center-actions.test.ts).

let stack: MailStack;
let d: MailCenterStack['d'];
let keyring: MailCenterStack['keyring'];
beforeAll(async () => {
  ({ stack, d, keyring } = await startMailCenterStack());
});
afterAll(() => stack.close());

describe('Mail Center reasons', () => {
  it('holds each kind of email that must not become a note, with its reason and evidence', async () => {
    const { open, other, cases } = await heldMailCases(d, keyring);
    for (const [, mime] of cases) await d.deliver(await mime);
    const report = await d.syncNow();
    expect(report).toMatchObject({ listed: cases.length, mailCenter: cases.length, notes: 0, failed: 0 });
    for (const [reason, mime] of cases) {
      const subject = /^Subject: (.*)$/m.exec((await mime).toString())?.[1]?.trim() ?? '';
      const item = await d.heldItem(subject);
      expect(item, subject).toMatchObject({ reason, state: 'open' });
      expect(item.evidence.length, `${reason} has evidence`).toBeGreaterThan(0);
    }
    expect((await d.heldItem('two SRs')).candidateRequestIds.sort()).toEqual([open, other].sort());
    expect(await d.notes(open)).toHaveLength(0);
    // Held mail is processed too: read in the mailbox, never imported again.
    expect((await d.inbox()).every((m) => m.isRead)).toBe(true);
    expect(await d.syncNow()).toMatchObject({ listed: 0 });
  });

  it("holds a stranger's email with only an SR number in the subject as unknown-sender, naming and suggesting that SR", async () => {
    const id = await d.createRequest({ status: 'Open' });
    const number = formatSrNumber(id);
    await d.deliver(
      await customerReply({
        requestId: id,
        keyring: keyring(),
        noMarker: true,
        from: stranger,
        subject: `Printer still jamming [${number}]`,
      }),
    );
    expect(await d.syncNow()).toMatchObject({ mailCenter: 1, notes: 0 });
    const item = await d.heldItem(`Printer still jamming [${number}]`);
    expect(item).toMatchObject({ reason: 'unknown-sender', state: 'open', candidateRequestIds: [id] });
    expect(item.evidence.join(' ')).toContain(
      `The subject names ${number}, but eve@elsewhere.test is not its requester or a participant`,
    );
    expect(item.evidence.join(' ')).not.toMatch(/No reference to a Service Request/);
    expect(await d.notes(id)).toHaveLength(0);

    // "Participants only": the same email is kept as ignored, still with the SR suggested; never a note.
    await d.settings({ senderPolicy: 'participants-only' });
    try {
      await d.deliver(
        await customerReply({
          requestId: id,
          keyring: keyring(),
          noMarker: true,
          from: stranger,
          subject: `Re: [${number}] again`,
        }),
      );
      expect(await d.syncNow()).toMatchObject({ mailCenter: 1, notes: 0 });
      expect(await d.heldItem(`Re: [${number}] again`)).toMatchObject({
        reason: 'unknown-sender',
        state: 'ignored',
        candidateRequestIds: [id],
      });
    } finally {
      await d.settings({ senderPolicy: 'review' });
    }
    expect(await d.notes(id)).toHaveLength(0);
  });

  it('holds a reply with a blocked file type when the policy says Mail Center, and strips it when it says strip', async () => {
    const id = await d.createRequest({ status: 'Open' });
    await d.settings({ blockedAttachmentAction: 'mail-center' });
    await d.deliver(
      await customerReply({
        requestId: id,
        keyring: keyring(),
        subject: 'blocked one',
        attachments: [{ filename: 'invoice.pdf.exe', content: 'MZ' }],
      }),
    );
    await d.syncNow();
    expect(await d.heldItem('blocked one')).toMatchObject({ reason: 'attachment-blocked' });

    await d.settings({ blockedAttachmentAction: 'strip' });
    await d.deliver(
      await customerReply({
        requestId: id,
        keyring: keyring(),
        subject: 'stripped one',
        attachments: [
          { filename: 'run.ps1', content: 'x' },
          { filename: 'notes.txt', content: 'ok' },
        ],
      }),
    );
    await d.syncNow();
    const [note] = await d.notes(id);
    expect(note?.bodyText).toContain('"run.ps1" was removed');
    expect((await d.attachments(id)).map((a) => a.fileName)).toEqual(['notes.txt']);
  });

  it('keeps a processing failure as processing-failed with an error id, and files the email on a later attempt', async () => {
    const id = await d.createRequest({ status: 'Open' });
    // The attachment download fails once with a 500 (not retried by the client), so processing throws.
    await stack.emulator.control('POST', '/faults', {
      script: [
        { method: 'GET', path: '/v1.0/users/*/messages/*/attachments/*/$value', status: 500, times: 1 },
      ],
    });
    await d.deliver(
      await customerReply({
        requestId: id,
        keyring: keyring(),
        subject: 'fails once',
        attachments: [{ filename: 'a.txt', content: 'hello' }],
      }),
    );
    const report = await d.syncNow();
    expect(report).toMatchObject({ failed: 1, notes: 0 });
    const failed = await d.heldItem('fails once');
    expect(failed).toMatchObject({ reason: 'processing-failed', state: 'open', attempts: 1 });
    expect(failed.errorId).toMatch(/^[0-9a-f-]{36}$/);
    expect(JSON.stringify(failed)).not.toMatch(/at \w+ \(|\.ts:\d+/);
    expect((await d.inbox()).find((m) => m.subject === 'fails once')?.isRead).toBe(false);

    // The engine schedules the retry itself after the backoff (MAIL_RETRY_BASE_SEC=1 here).
    const [note] = await eventually(
      'the retried email filed',
      async () => ((await d.notes(id)).length > 0 ? d.notes(id) : undefined),
      10_000,
    );
    expect(note?.bodyText).toContain('Thanks');
    expect(
      (await d.mailCenter({ state: 'all' })).items.find((i) => i.subject === 'fails once'),
    ).toBeUndefined();
    expect(await d.attachments(id)).toEqual([
      expect.objectContaining({ fileName: 'a.txt', folder: 'Other' }),
    ]);
  });
});
