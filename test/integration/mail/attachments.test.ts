import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { encodeEcId } from '../../../api/src/domain/ec-id.js';
import { DEFAULT_REPLY_MARKER, renderReplyMarker } from '../../../api/src/domain/reply-marker.js';
import { SERVICE_MAILBOX } from '../../../emulator/src/index.js';
import { desk } from './support/desk.js';
import { startMailStack, type MailStack } from './support/mail-stack.js';
import { customerReply } from './support/replies.js';

// Attachments as customers send them: empty, large, many, an attached email, a cloud link, pasted images. Each is
// streamed from Graph into the blob store and lands in "Other", linked to the note.

let stack: MailStack;
let d: ReturnType<typeof desk>;
beforeAll(async () => {
  stack = await startMailStack({ notifications: false });
  d = desk(stack);
});
afterAll(() => stack.close());

const keyring = () => stack.runtime.services.ecIdKeyring;

async function fileReply(options: Parameters<typeof customerReply>[0]): Promise<void> {
  await d.deliver(await customerReply(options));
  const report = await d.syncNow();
  expect(report, JSON.stringify(report)).toMatchObject({ notes: 1, failed: 0 });
}

function download(path: string): Promise<Buffer> {
  return new Promise((resolve, reject) => {
    stack
      .api()
      .get(path)
      .set(d.as(stack.agent))
      .buffer(true)
      .parse((res, cb) => {
        const chunks: Buffer[] = [];
        res.on('data', (c: Buffer) => chunks.push(c));
        res.on('end', () => cb(null, Buffer.concat(chunks)));
      })
      .end((error, res) => (error ? reject(error) : resolve(res.body as Buffer)));
  });
}

describe('attachments', () => {
  it('imports a 0-byte file', async () => {
    const id = await d.createRequest({ status: 'Open' });
    await fileReply({
      requestId: id,
      keyring: keyring(),
      attachments: [{ filename: 'empty.txt', content: Buffer.alloc(0), contentType: 'text/plain' }],
    });
    expect(await d.attachments(id)).toEqual([
      expect.objectContaining({ fileName: 'empty.txt', size: 0, folder: 'Other' }),
    ]);
  });

  it('streams a 40 MB attachment into the blob store, byte for byte', async () => {
    const id = await d.createRequest({ status: 'Open' });
    const big = Buffer.alloc(40 * 1024 * 1024);
    for (let i = 0; i < big.length; i += 4096) big.writeUInt32LE(i, i);
    await fileReply({
      requestId: id,
      keyring: keyring(),
      attachments: [{ filename: 'capture.pcap', content: big, contentType: 'application/octet-stream' }],
    });
    const [file] = await d.attachments(id);
    expect(file).toMatchObject({ fileName: 'capture.pcap', size: big.length });
    const bytes = await download(`/api/requests/${id}/attachments/${file?.id}/content`);
    expect(bytes.equals(big)).toBe(true);
  }, 60_000);

  it('imports 150 attachments, each linked to the note', async () => {
    const id = await d.createRequest({ status: 'Open' });
    const attachments = Array.from({ length: 150 }, (_, i) => ({
      filename: `photo-${String(i + 1).padStart(3, '0')}.txt`,
      content: `picture ${i + 1}`,
      contentType: 'text/plain',
    }));
    await fileReply({ requestId: id, keyring: keyring(), attachments });
    const [note] = await d.notes(id);
    const files = await d.attachments(id);
    expect(files).toHaveLength(150);
    expect(new Set(files.map((f) => f.fileName)).size).toBe(150);
    expect(files.every((f) => f.noteId === note?.id && f.folder === 'Other')).toBe(true);
  }, 60_000);

  it('stores an attached email as .eml, and says in the note that a cloud link was not copied', async () => {
    const id = await d.createRequest({ status: 'Open' });
    const token = encodeEcId({ requestId: id, outboundId: 1 }, keyring());
    await d.deliverJson({
      subject: 'RE: Your request',
      from: { emailAddress: { name: 'Diego Siciliani', address: 'diego@fabrikam.test' } },
      toRecipients: [{ emailAddress: { address: SERVICE_MAILBOX } }],
      body: {
        contentType: 'html',
        content: `<p>Forwarding what the vendor said, and the shared log.</p><hr><div>${renderReplyMarker(DEFAULT_REPLY_MARKER, token)}</div>`,
      },
      attachments: [
        {
          '@odata.type': '#microsoft.graph.itemAttachment',
          name: 'Vendor answer',
          item: {
            '@odata.type': '#microsoft.graph.message',
            subject: 'Vendor answer',
            from: { emailAddress: { address: 'vendor@example.test' } },
            body: { contentType: 'text', content: 'Replace the driver.' },
          },
        },
        {
          '@odata.type': '#microsoft.graph.referenceAttachment',
          name: 'wifi-log.xlsx',
          sourceUrl: 'https://fabrikam-my.sharepoint.test/wifi-log.xlsx',
        },
      ],
    });
    const report = await d.syncNow();
    expect(report).toMatchObject({ notes: 1, failed: 0 });
    const files = await d.attachments(id);
    expect(files).toEqual([
      expect.objectContaining({
        fileName: 'Vendor answer.eml',
        contentType: 'message/rfc822',
        folder: 'Other',
      }),
    ]);
    const eml = (await download(`/api/requests/${id}/attachments/${files[0]?.id}/content`)).toString();
    expect(eml).toMatch(/Subject: Vendor answer/);
    const [note] = await d.notes(id);
    expect(note?.bodyText).toContain('"wifi-log.xlsx" is a link to a cloud file');
  });

  it('keeps an inline image the reply shows and drops the one only the quoted history showed', async () => {
    const id = await d.createRequest({ status: 'Open' });
    const token = encodeEcId({ requestId: id, outboundId: 1 }, keyring());
    const png = Buffer.from(
      'iVBORw0KGgoAAAANSUhEUgAAAAEAAAABCAYAAAAfFcSJAAAADUlEQVR42mP8z8BQDwAEhQGAhKmMIQAAAABJRU5ErkJggg==',
      'base64',
    );
    const html =
      '<html><body><p>Here is the error I see:</p><p><img src="cid:shot@fabrikam" alt="screenshot"></p>' +
      `<hr><div id="divRplyFwdMsg"><b>From:</b> Contoso Support</div><div><img src="cid:logo@contoso" alt="Contoso"><div>${renderReplyMarker(DEFAULT_REPLY_MARKER, token)}</div></div></body></html>`;
    await fileReply({
      requestId: id,
      keyring: keyring(),
      html,
      attachments: [
        {
          filename: 'screenshot.png',
          content: png,
          contentType: 'image/png',
          cid: 'shot@fabrikam',
          contentDisposition: 'inline',
        },
        {
          filename: 'logo.png',
          content: png,
          contentType: 'image/png',
          cid: 'logo@contoso',
          contentDisposition: 'inline',
        },
      ],
    });
    const files = await d.attachments(id);
    expect(files.map((f) => f.fileName)).toEqual(['screenshot.png']);
    const [note] = await d.notes(id);
    expect(note?.bodyHtml).toContain(`/api/requests/${id}/attachments/${files[0]?.id}/content`);
    expect(note?.bodyHtml).not.toContain('cid:');
  });
});
