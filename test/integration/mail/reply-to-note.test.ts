import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { SERVICE_MAILBOX } from '../../../emulator/src/index.js';
import { eventually, startMailStack, type MailStack } from './support/mail-stack.js';
import { customerReply } from './support/replies.js';

// The seed's promise, end to end through the emulator: a reply becomes a PUBLIC note with its attachments in
// "Other", the status changes and the history says why, within seconds of the change notification.

let stack: MailStack;
beforeAll(async () => {
  stack = await startMailStack();
});
afterAll(() => stack.close());

async function createRequest(status = 'Awaiting Customer'): Promise<number> {
  const res = await stack
    .api()
    .post('/api/requests')
    .set('authorization', `Bearer ${stack.agent}`)
    .send({
      title: 'Laptop will not connect',
      description: 'No Wi-Fi since this morning.',
      requester: { name: 'Diego Siciliani', email: 'diego@fabrikam.test' },
      priority: 'Medium',
    });
  expect(res.status).toBe(201);
  const id = (res.body as { id: number }).id;
  if (status !== 'New') {
    const patched = await stack
      .api()
      .patch(`/api/requests/${id}`)
      .set('authorization', `Bearer ${stack.agent}`)
      .send({ status });
    expect(patched.status).toBe(200);
  }
  return id;
}

async function deliver(mime: Buffer): Promise<void> {
  const res = await stack.emulator.control(
    'POST',
    `/mailboxes/${SERVICE_MAILBOX}/messages?folder=inbox`,
    mime,
    'message/rfc822',
  );
  expect(res.status).toBe(201);
}

type NoteBody = {
  id: string;
  typeCode: string;
  bodyText: string;
  bodyHtml: string;
  source: string;
  email?: { signal: string; subject: string };
  attachmentIds: string[];
};

async function notesOf(id: number): Promise<NoteBody[]> {
  const res = await stack
    .api()
    .get(`/api/requests/${id}/notes`)
    .set('authorization', `Bearer ${stack.agent}`);
  return (res.body as { items: NoteBody[] }).items;
}

describe('reply -> note', () => {
  it('creates the subscription at start (change notifications on)', async () => {
    const health = await eventually('an active subscription', async () => {
      const res = await stack
        .api()
        .get(`/api/admin/mail/accounts/${stack.accountId}/health`)
        .set('authorization', `Bearer ${stack.admin}`);
      return (res.body as { subscription: { state: string } }).subscription.state === 'active'
        ? res.body
        : undefined;
    });
    expect(health).toMatchObject({ subscription: { state: 'active' } });
    // The one the engine holds is the one Graph holds: start-up and the new account's refresh ran side by side, and a
    // clean-up of earlier runs' subscriptions must not have deleted this run's.
    const held = (await (await stack.emulator.control('GET', '/subscriptions')).json()) as {
      value: Array<{ id: string }>;
    };
    expect(held.value.map((s) => s.id)).toEqual([
      (health as { subscription: { id: string } }).subscription.id,
    ]);
  });

  it('files a reply as a PUBLIC note with attachments in Other, changes the status and records history', async () => {
    const id = await createRequest();
    await deliver(
      await customerReply({
        requestId: id,
        keyring: stack.runtime.services.ecIdKeyring,
        text: 'Thanks, forgetting the network fixed it.\nThe log is attached.',
        attachments: [{ filename: 'wifi.log', content: 'connected at 09:14\n', contentType: 'text/plain' }],
      }),
    );

    const [note] = await eventually('the note', async () =>
      (await notesOf(id)).length > 0 ? notesOf(id) : undefined,
    );
    expect(note).toMatchObject({
      typeCode: 'PUBLIC',
      source: 'email',
      email: { subject: expect.stringContaining('RE: Your request') },
    });
    expect(note?.bodyText).toContain('forgetting the network fixed it');
    expect(note?.bodyText).not.toContain('Please type your reply above this line');
    expect(['body-token', 'own-message-id']).toContain(note?.email?.signal);

    const attachments = await stack
      .api()
      .get(`/api/requests/${id}/attachments`)
      .set('authorization', `Bearer ${stack.agent}`);
    const files = (
      attachments.body as { items: Array<{ fileName: string; folder: string; noteId?: string; id: string }> }
    ).items;
    expect(files).toEqual([
      expect.objectContaining({ fileName: 'wifi.log', folder: 'Other', noteId: note?.id }),
    ]);
    const content = await stack
      .api()
      .get(`/api/requests/${id}/attachments/${files[0]?.id}/content`)
      .set('authorization', `Bearer ${stack.agent}`);
    expect(content.text ?? content.body.toString()).toBe('connected at 09:14\n');

    const sr = await stack.api().get(`/api/requests/${id}`).set('authorization', `Bearer ${stack.agent}`);
    expect(sr.body).toMatchObject({ status: 'Customer Replied', hasNewEmailReply: true });

    const history = await stack
      .api()
      .get(`/api/requests/${id}/history`)
      .set('authorization', `Bearer ${stack.agent}`);
    const entries = (
      history.body as { items: Array<{ kind: string; summary: string; details?: Record<string, unknown> }> }
    ).items;
    expect(entries).toEqual(
      expect.arrayContaining([
        expect.objectContaining({
          kind: 'note-from-email',
          details: expect.objectContaining({
            subject: expect.stringContaining('Your request'),
            from: 'diego@fabrikam.test',
            signal: note?.email?.signal,
          }),
        }),
        expect.objectContaining({
          kind: 'status-changed',
          details: expect.objectContaining({ from: 'Awaiting Customer', to: 'Customer Replied' }),
        }),
      ]),
    );

    // The after-step: the message is read in the mailbox, and the ledger says finished.
    await eventually('the message marked read', async () => {
      const res = await stack.emulator.control('GET', `/mailboxes/${SERVICE_MAILBOX}/messages?folder=inbox`);
      const messages = ((await res.json()) as { value: Array<{ isRead: boolean }> }).value;
      return messages.every((m) => m.isRead);
    });
  });
});
