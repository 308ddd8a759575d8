import { RetryHandlerOptions } from '@microsoft/microsoft-graph-client';
import { randomBytes } from 'node:crypto';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { openGraphTarget, type GraphTarget } from '../support/emulator-graph-target.js';
import {
  announceTarget,
  emulatorOnly,
  itMatchesTheSchemas,
  newFolder,
} from '../support/emulator-conformance.js';
import { PNG, deliverMime, type Attachment, type SentMessage as Message } from './support/graph-messages.js';

announceTarget('attachments');

// docs/graph-behaviour.md §4.1 and cases C8, C9: attachment kinds, inline images, downloads, drafts' attachments.
// Sending (C10-C12): send-mail.test.ts.
describe('Graph mail: attachments', () => {
  let t: GraphTarget;
  let mb: string;
  beforeAll(async () => {
    t = await openGraphTarget();
    mb = t.mailbox;
  });
  afterAll(() => t.close());

  const deliver = (mime: string): Promise<string> => deliverMime(t, mb, mime);

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
