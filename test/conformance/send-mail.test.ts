import { FileUpload, LargeFileUploadTask } from '@microsoft/microsoft-graph-client';
import { randomBytes } from 'node:crypto';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { eventually, openGraphTarget, type GraphTarget } from '../support/emulator-graph-target.js';
import {
  announceTarget,
  emulatorOnly,
  graphFailure,
  itMatchesTheSchemas,
} from '../support/emulator-conformance.js';
import {
  IMMUTABLE,
  deliverMime,
  type Attachment,
  type SentMessage as Message,
} from './support/graph-messages.js';

announceTarget('send-mail');

// docs/graph-behaviour.md §4.2-4.3 and cases C10-C12: the 4 MB cap and upload sessions, sendMail and drafts, headers,
// replies that thread.
describe('Graph mail: sending', () => {
  let t: GraphTarget;
  let mb: string;
  let customer: string;
  beforeAll(async () => {
    t = await openGraphTarget();
    mb = t.mailbox;
    // On a live tenant the suite only ever mails itself.
    customer = t.live ? t.mailbox : 'alex@fabrikam.test';
  });
  afterAll(() => t.close());

  const deliver = (mime: string): Promise<string> => deliverMime(t, mb, mime);
  const customerInbox = async (): Promise<Message[]> =>
    (
      (await (await t.emulator!.control('GET', `/mailboxes/${customer}/messages?folder=inbox`)).json()) as {
        value: Message[];
      }
    ).value;

  it('C10: JSON over 4 MB is refused with 413; files over 3 MB go draft → createUploadSession → chunks → send', async () => {
    const big = randomBytes(5 * 1024 * 1024).toString('base64');
    const tooLarge = await t.fetchGraph(`/users/${mb}/sendMail`, {
      method: 'POST',
      body: JSON.stringify({
        message: {
          subject: 'Too big',
          toRecipients: [{ emailAddress: { address: customer } }],
          attachments: [
            { '@odata.type': '#microsoft.graph.fileAttachment', name: 'big.bin', contentBytes: big },
          ],
        },
      }),
    });
    expect(tooLarge.status).toBe(413);

    const draft = (await t.graph
      .api(`/users/${mb}/messages`)
      .header('Prefer', IMMUTABLE)
      .post({
        subject: 'Large attachment',
        body: { contentType: 'Text', content: 'See attached.' },
        toRecipients: [{ emailAddress: { address: customer } }],
      })) as Message;
    const small = await graphFailure(
      t.graph
        .api(`/users/${mb}/messages/${draft.id}/attachments/createUploadSession`)
        .post({ AttachmentItem: { attachmentType: 'file', name: 'small.bin', size: 1000 } }),
    );
    expect(small.statusCode).toBe(400);
    const bytes = randomBytes(3_500_000);
    const session = await LargeFileUploadTask.createUploadSession(
      t.graph,
      `/users/${mb}/messages/${draft.id}/attachments/createUploadSession`,
      {
        AttachmentItem: { attachmentType: 'file', name: 'report.pdf', size: bytes.length },
      },
    );
    expect(session.url).toMatch(/^https:\/\//);
    const task = new LargeFileUploadTask(
      t.graph,
      new FileUpload(bytes, 'report.pdf', bytes.length),
      session,
      { rangeSize: 3 * 327_680 },
    );
    await task.upload();
    const attachments = (await t.graph
      .api(`/users/${mb}/messages/${draft.id}/attachments`)
      .header('Prefer', IMMUTABLE)
      .select('id,name,size')
      .get()) as { value: Attachment[] };
    expect(attachments.value).toMatchObject([{ name: 'report.pdf' }]);
    const downloaded = Buffer.from(
      await (
        await t.fetchGraph(`/users/${mb}/messages/${draft.id}/attachments/${attachments.value[0]!.id}/$value`)
      ).arrayBuffer(),
    );
    expect(downloaded.equals(bytes)).toBe(true);
    if (t.live) return;
    await t.graph.api(`/users/${mb}/messages/${draft.id}/send`).post({});
    const received = await eventually(
      async () => (await customerInbox()).find((m) => m.subject === 'Large attachment'),
      5_000,
      'the customer copy',
    );
    const copy = received as Message & { attachments: Attachment[] };
    expect(Buffer.from(copy.attachments[0]!.contentBytes!, 'base64').equals(bytes)).toBe(true);
  });

  it('C11: sendMail answers 202 with no body; draft → send keeps the internetMessageId, and the Sent Items copy can come late', async () => {
    if (!t.live) await t.emulator!.control('POST', '/faults', { sentItemsDelayMs: 1_500 });
    try {
      const subject = `C11 ${Date.now()}`;
      const sent = await t.fetchGraph(`/users/${mb}/sendMail`, {
        method: 'POST',
        body: JSON.stringify({
          message: {
            subject,
            body: { contentType: 'Text', content: 'hi' },
            toRecipients: [{ emailAddress: { address: customer } }],
          },
        }),
      });
      expect(sent.status).toBe(202);
      expect(await sent.text()).toBe('');
      const sentItems = (): Promise<{ value: Message[] }> =>
        t.graph
          .api(`/users/${mb}/mailFolders/sentitems/messages`)
          .filter(`subject eq '${subject}'`)
          .get() as Promise<{ value: Message[] }>;
      if (!t.live) expect((await sentItems()).value).toHaveLength(0);
      await eventually(
        async () => ((await sentItems()).value.length === 1 ? true : undefined),
        10_000,
        'the Sent Items copy',
      );

      const ownId = `<sr-000123.${Date.now()}@desk.contoso.test>`;
      const draft = (await t.graph
        .api(`/users/${mb}/messages`)
        .header('Prefer', IMMUTABLE)
        .post({
          subject: `${subject} draft`,
          toRecipients: [{ emailAddress: { address: customer } }],
        })) as Message;
      await t.graph
        .api(`/users/${mb}/messages/${draft.id}`)
        .header('Prefer', IMMUTABLE)
        .patch({ internetMessageId: ownId });
      await t.graph.api(`/users/${mb}/messages/${draft.id}/send`).header('Prefer', IMMUTABLE).post({});
      const copy = await eventually(
        async () => {
          try {
            const m = (await t.graph
              .api(`/users/${mb}/messages/${draft.id}`)
              .header('Prefer', IMMUTABLE)
              .get()) as Message & { isDraft: boolean };
            return m.isDraft ? undefined : m;
          } catch {
            return undefined;
          }
        },
        10_000,
        'the sent draft',
      );
      expect(copy.internetMessageId).toBe(ownId);
      expect(copy.id).toBe(draft.id);
    } finally {
      if (!t.live) await t.emulator!.control('DELETE', '/faults');
    }
  });

  it('C12: only x- headers may be set; In-Reply-To is refused with InvalidInternetMessageHeader', async () => {
    const send = (name: string): Promise<unknown> =>
      t.graph.api(`/users/${mb}/sendMail`).post({
        message: {
          subject: `C12 ${name}`,
          body: { contentType: 'Text', content: 'x' },
          toRecipients: [{ emailAddress: { address: customer } }],
          internetMessageHeaders: [{ name, value: name === 'x-sr-id' ? 'SR-000123' : '<abc@x>' }],
        },
      });
    for (const name of ['In-Reply-To', 'References', 'List-Unsubscribe']) {
      const failure = await graphFailure(send(name));
      expect([failure.statusCode, failure.code]).toEqual([400, 'InvalidInternetMessageHeader']);
    }
    await send('x-sr-id');
    if (t.live) return;
    const received = await eventually(
      async () => (await customerInbox()).find((m) => m.subject === 'C12 x-sr-id'),
      5_000,
      'the customer copy',
    );
    expect(
      (received.internetMessageHeaders as Array<{ name: string; value: string }>).find(
        (h) => h.name.toLowerCase() === 'x-sr-id',
      )?.value,
    ).toBe('SR-000123');
  });

  it.skipIf(emulatorOnly())(
    'createReply threads the answer: RE: subject, the sender as recipient, In-Reply-To, same conversation',
    async () => {
      await deliver(
        [
          'From: Alex Johnson <alex@fabrikam.test>',
          `To: ${mb}`,
          'Subject: Printer jam',
          'Message-ID: <thread-start@mail.fabrikam.test>',
          'Content-Type: text/plain',
          '',
          'The printer jams.',
          '',
        ].join('\r\n'),
      );
      const original = (
        (await t.graph
          .api(`/users/${mb}/mailFolders/inbox/messages`)
          .filter("internetMessageId eq '<thread-start@mail.fabrikam.test>'")
          .get()) as { value: Message[] }
      ).value[0]!;
      const draft = (await t.graph
        .api(`/users/${mb}/messages/${original.id}/createReply`)
        .post({ comment: 'We are on it.' })) as Message & { toRecipients: unknown[]; isDraft: boolean };
      expect(draft).toMatchObject({
        subject: 'RE: Printer jam',
        isDraft: true,
        conversationId: original.conversationId,
        toRecipients: [{ emailAddress: { address: 'alex@fabrikam.test' } }],
      });
      expect(draft.body.content).toContain('divRplyFwdMsg');
      await t.graph.api(`/users/${mb}/messages/${draft.id}/send`).post({});
      const received = await eventually(
        async () => (await customerInbox()).find((m) => m.subject === 'RE: Printer jam'),
        5_000,
        'the reply',
      );
      expect(received.internetMessageHeaders).toContainEqual({
        name: 'In-Reply-To',
        value: '<thread-start@mail.fabrikam.test>',
      });
    },
  );

  itMatchesTheSchemas(() => t.emulator?.exchanges ?? []);
});
