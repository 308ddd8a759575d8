import { FileUpload, LargeFileUploadTask, RetryHandlerOptions } from '@microsoft/microsoft-graph-client';
import { randomBytes } from 'node:crypto';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { eventually, openGraphTarget, type GraphTarget } from '../support/emulator-graph-target.js';
import {
  announceTarget,
  emulatorOnly,
  graphFailure,
  itMatchesTheSchemas,
  newFolder,
} from '../support/emulator-conformance.js';

type Attachment = Record<string, unknown> & {
  id: string;
  name: string;
  isInline: boolean;
  contentId?: string | null;
  contentBytes?: string;
};
type Message = Record<string, unknown> & {
  id: string;
  subject: string;
  internetMessageId: string;
  conversationId: string;
  hasAttachments: boolean;
  body: { content: string };
};

announceTarget('attachments-send');
const IMMUTABLE = 'IdType="ImmutableId"';
const PNG =
  'iVBORw0KGgoAAAANSUhEUgAAAAEAAAABCAYAAAAfFcSJAAAADUlEQVR42mP8z8BQDwAEhQGAhKmMIQAAAABJRU5ErkJggg==';

// docs/graph-behaviour.md §4 and cases C8-C12.
describe('Graph mail: attachments and sending', () => {
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

  const deliver = async (mime: string): Promise<string> => {
    const res = await t.emulator!.control(
      'POST',
      `/mailboxes/${mb}/messages?folder=inbox`,
      mime,
      'message/rfc822',
    );
    expect(res.status).toBe(201);
    return ((await res.json()) as { id: string }).id;
  };
  const customerInbox = async (): Promise<Message[]> =>
    (
      (await (await t.emulator!.control('GET', `/mailboxes/${customer}/messages?folder=inbox`)).json()) as {
        value: Message[];
      }
    ).value;

  it("C8: an inline image alone leaves hasAttachments false; the attachment is isInline with the body's cid", async () => {
    const folder = await newFolder(t, 'c8');
    const draft = (await t.graph.api(`/users/${mb}/mailFolders/${folder}/messages`).post({
      subject: 'Screenshot',
      body: { contentType: 'HTML', content: '<p>See <img src="cid:image001.png@01DA0000.00000000"></p>' },
    })) as Message;
    await t.graph.api(`/users/${mb}/messages/${draft.id}/attachments`).post({
      '@odata.type': '#microsoft.graph.fileAttachment',
      name: 'image001.png',
      contentType: 'image/png',
      contentBytes: PNG,
      isInline: true,
      contentId: 'image001.png@01DA0000.00000000',
    });
    const message = (await t.graph
      .api(`/users/${mb}/messages/${draft.id}`)
      .expand('attachments')
      .get()) as Message & { attachments: Attachment[] };
    expect(message.hasAttachments).toBe(false);
    expect(message.attachments).toHaveLength(1);
    expect(message.attachments[0]).toMatchObject({
      '@odata.type': '#microsoft.graph.fileAttachment',
      isInline: true,
      contentId: 'image001.png@01DA0000.00000000',
      contentBytes: PNG,
    });
    expect(message.body.content).toContain(`cid:${message.attachments[0]!.contentId}`);
  });

  it.skipIf(emulatorOnly())(
    'C8: delivered MIME: inline image, attached message (item, MIME via $value) and reference (405 on $value)',
    async () => {
      const inlineId = await deliver(
        [
          'From: Alex <alex@fabrikam.test>',
          `To: ${mb}`,
          'Subject: Inline only',
          'MIME-Version: 1.0',
          'Content-Type: multipart/related; boundary="rel"',
          '',
          '--rel',
          'Content-Type: text/html; charset=utf-8',
          '',
          '<html><body><p>See <img src="cid:image001.png@01DA0000.00000000"></p></body></html>',
          '--rel',
          'Content-Type: image/png; name="image001.png"',
          'Content-Disposition: inline; filename="image001.png"',
          'Content-ID: <image001.png@01DA0000.00000000>',
          'Content-Transfer-Encoding: base64',
          '',
          PNG,
          '--rel--',
          '',
        ].join('\r\n'),
      );
      const inline = (await t.graph
        .api(`/users/${mb}/messages/${inlineId}`)
        .expand('attachments')
        .get()) as Message & { attachments: Attachment[] };
      expect(inline.hasAttachments).toBe(false);
      expect(inline.attachments).toMatchObject([
        { isInline: true, contentId: 'image001.png@01DA0000.00000000', name: 'image001.png' },
      ]);

      const itemId = await deliver(
        [
          'From: Alex <alex@fabrikam.test>',
          `To: ${mb}`,
          'Subject: Forwarding the original',
          'MIME-Version: 1.0',
          'Content-Type: multipart/mixed; boundary="mix"',
          '',
          '--mix',
          'Content-Type: text/plain',
          '',
          'See attached.',
          '--mix',
          'Content-Type: message/rfc822',
          'Content-Disposition: attachment; filename="original.eml"',
          '',
          'From: Bob <bob@fabrikam.test>',
          'To: alex@fabrikam.test',
          'Subject: The original',
          'Content-Type: text/plain',
          '',
          'Original text.',
          '--mix--',
          '',
        ].join('\r\n'),
      );
      const item = (await t.graph
        .api(`/users/${mb}/messages/${itemId}`)
        .expand('attachments')
        .get()) as Message & { attachments: Attachment[] };
      expect(item.hasAttachments).toBe(true);
      expect(item.attachments[0]).toMatchObject({
        '@odata.type': '#microsoft.graph.itemAttachment',
        isInline: false,
      });
      expect(item.attachments[0]).not.toHaveProperty('contentBytes');
      const mime = await (
        await t.fetchGraph(`/users/${mb}/messages/${itemId}/attachments/${item.attachments[0]!.id}/$value`)
      ).text();
      expect(mime).toContain('Subject: The original');
      const expanded = (await t.graph
        .api(`/users/${mb}/messages/${itemId}/attachments/${item.attachments[0]!.id}`)
        .expand('microsoft.graph.itemattachment/item')
        .get()) as { item: { subject: string } };
      expect(expanded.item.subject).toBe('The original');

      const ref = await t.emulator!.control('POST', `/mailboxes/${mb}/messages?folder=inbox`, {
        subject: 'Shared a file',
        from: { emailAddress: { address: 'alex@fabrikam.test' } },
        attachments: [
          {
            '@odata.type': '#microsoft.graph.referenceAttachment',
            name: 'Plan.docx',
            sourceUrl: 'https://fabrikam.sharepoint.com/Plan.docx',
          },
        ],
      });
      const refId = ((await ref.json()) as { id: string }).id;
      const refAttachments = (await t.graph.api(`/users/${mb}/messages/${refId}/attachments`).get()) as {
        value: Attachment[];
      };
      expect(refAttachments.value[0]).toMatchObject({
        '@odata.type': '#microsoft.graph.referenceAttachment',
        name: 'Plan.docx',
      });
      expect(
        (
          await t.fetchGraph(
            `/users/${mb}/messages/${refId}/attachments/${refAttachments.value[0]!.id}/$value`,
          )
        ).status,
      ).toBe(405);
    },
  );

  it.skipIf(emulatorOnly())(
    'C9: an attachment download can 504 with an HTML body; the SDK retry gets it on the next try',
    async () => {
      const folder = await newFolder(t, 'c9');
      const draft = (await t.graph
        .api(`/users/${mb}/mailFolders/${folder}/messages`)
        .post({ subject: 'Big file' })) as Message;
      const bytes = randomBytes(200_000);
      const attachment = (await t.graph.api(`/users/${mb}/messages/${draft.id}/attachments`).post({
        '@odata.type': '#microsoft.graph.fileAttachment',
        name: 'data.bin',
        contentBytes: bytes.toString('base64'),
      })) as Attachment;
      const value = `/users/${mb}/messages/${draft.id}/attachments/${attachment.id}/$value`;
      await t.emulator!.control('POST', '/faults', {
        script: [
          { method: 'GET', path: '/v1.0/users/*/messages/*/attachments/*/$value', status: 504, times: 2 },
        ],
      });
      const raw = await t.fetchGraph(value);
      expect(raw.status).toBe(504);
      expect(raw.headers.get('content-type')).toContain('text/html');
      const viaSdk = (await t.graph
        .api(value)
        .middlewareOptions([new RetryHandlerOptions(0, 2)])
        .getStream()) as AsyncIterable<Uint8Array>;
      const chunks: Buffer[] = [];
      for await (const chunk of viaSdk) chunks.push(Buffer.from(chunk));
      expect(Buffer.concat(chunks).equals(bytes)).toBe(true);
    },
  );

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

  it('adds and removes small attachments on a draft', async () => {
    const draft = (await t.graph
      .api(`/users/${mb}/messages`)
      .post({ subject: 'With attachment' })) as Message;
    const added = (await t.graph.api(`/users/${mb}/messages/${draft.id}/attachments`).post({
      '@odata.type': '#microsoft.graph.fileAttachment',
      name: 'note.txt',
      contentBytes: Buffer.from('hello').toString('base64'),
    })) as Attachment;
    expect(added).toMatchObject({ name: 'note.txt', contentType: 'text/plain', isInline: false });
    expect(((await t.graph.api(`/users/${mb}/messages/${draft.id}`).get()) as Message).hasAttachments).toBe(
      true,
    );
    await t.graph.api(`/users/${mb}/messages/${draft.id}/attachments/${added.id}`).delete();
    expect(
      ((await t.graph.api(`/users/${mb}/messages/${draft.id}/attachments`).get()) as { value: unknown[] })
        .value,
    ).toEqual([]);
  });

  itMatchesTheSchemas(() => t.emulator?.exchanges ?? []);
});
