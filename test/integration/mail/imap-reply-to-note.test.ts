import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { formatSrNumber } from '../../../api/src/domain/service-request.js';
import { customerReply } from './support/replies.js';
import { desk } from './support/desk.js';
import { eventually } from './support/mail-stack.js';
import { CUSTOMER, imapUnavailable, startImapStack, unreadIn, type ImapStack } from './support/imap-stack.js';

// The Graph scenarios again, with the mailbox on real Dovecot and Postfix: a reply becomes a PUBLIC note exactly as
// with Graph (marker, our Message-ID in the headers, strangers, auto-replies, attachments in Other), read as raw MIME
// over IMAP with XOAUTH2 and pushed by IDLE; and an email sent from an SR goes out through Postfix with our Message-ID
// and the marker.

if (imapUnavailable) console.warn(`IMAP/SMTP integration tests did not run: ${imapUnavailable}`);

describe.skipIf(imapUnavailable)('reply -> note over IMAP (Dovecot, XOAUTH2, IDLE)', () => {
  let stack: ImapStack;
  let d: ReturnType<typeof desk>;
  const keyring = () => stack.runtime.services.ecIdKeyring;

  beforeAll(async () => {
    stack = await startImapStack({ env: { MAIL_MAX_MESSAGE_MB: '1' } });
    await stack.createAccount();
    d = desk(stack);
  });
  afterAll(() => stack?.close());

  it('watches the inbox with IDLE after signing in with XOAUTH2', async () => {
    const health = await eventually('IDLE connected', async () => {
      const h = (await d.health()) as { subscription: { state: string; connected?: boolean } };
      return h.subscription.state === 'idle' && h.subscription.connected ? h : undefined;
    });
    expect(health).toMatchObject({
      subscription: { state: 'idle', connected: true },
      reauthorisationRequired: false,
    });
    expect(stack.servers.log()).toMatch(/Login: user=<support@contoso\.test>, method=XOAUTH2/);
  });

  it('files a reply sent through Postfix as a PUBLIC note with its attachment in Other, pushed by IDLE, and marks it \\Seen', async () => {
    const id = await d.createRequest({ status: 'Awaiting Customer' });
    await stack.sendAsCustomer(
      await customerReply({
        requestId: id,
        keyring: keyring(),
        text: 'Forgetting the network fixed it.\nThe log is attached.',
        attachments: [{ filename: 'wifi.log', content: 'connected at 09:14\n', contentType: 'text/plain' }],
      }),
    );
    const [note] = await eventually(
      'the note',
      async () => ((await d.notes(id)).length > 0 ? d.notes(id) : undefined),
      20_000,
    );
    expect(note).toMatchObject({
      typeCode: 'PUBLIC',
      source: 'email',
      email: { subject: expect.stringContaining('RE: Your request') },
    });
    expect(note?.bodyText).toContain('Forgetting the network fixed it');
    expect(note?.bodyText).not.toContain('Please type your reply above this line');
    expect(await d.attachments(id)).toEqual([
      expect.objectContaining({ fileName: 'wifi.log', folder: 'Other', noteId: note?.id }),
    ]);
    expect(await d.request(id)).toMatchObject({ status: 'Customer Replied', hasNewEmailReply: true });
    const history = await d.history(id);
    expect(history).toEqual(
      expect.arrayContaining([
        expect.objectContaining({
          kind: 'note-from-email',
          details: expect.objectContaining({ from: CUSTOMER.address }),
        }),
      ]),
    );
    const client = await stack.imap();
    await eventually('the reply marked read', async () => (await unreadIn(client)) === 0);
    await client.logout();
  });

  it('matches a reply by our Message-ID in its headers when the marker is gone', async () => {
    const id = await d.createRequest({ status: 'Open' });
    const mime = await customerReply({
      requestId: id,
      keyring: keyring(),
      text: 'No marker, only headers.',
      html: '<p>No marker, only headers.</p>',
    });
    await stack.append(mime);
    const [note] = await eventually(
      'the note',
      async () => ((await d.notes(id)).length > 0 ? d.notes(id) : undefined),
      20_000,
    );
    expect(note).toMatchObject({ typeCode: 'PUBLIC', email: { signal: 'own-message-id' } });
  });

  it('holds strangers, auto-replies, bounces and a message over the size limit in the Mail Center, and imports nothing twice', async () => {
    const id = await d.createRequest({ status: 'Open' });
    const cases: Array<[string, Buffer]> = [
      [
        'unknown-sender',
        await customerReply({
          requestId: id,
          keyring: keyring(),
          from: { name: 'Someone', address: 'someone@northwind.test' },
          subject: 'imap from a stranger',
        }),
      ],
      [
        'auto-reply',
        await customerReply({
          requestId: id,
          keyring: keyring(),
          subject: 'Automatic reply: imap',
          headers: { 'Auto-Submitted': 'auto-replied' },
        }),
      ],
      [
        'bounce',
        await customerReply({
          requestId: id,
          keyring: keyring(),
          subject: 'Undeliverable: imap',
          from: { name: 'Mail Delivery System', address: 'postmaster@fabrikam.test' },
          headers: { 'X-MS-Exchange-Message-Is-Ndr': '' },
        }),
      ],
      [
        'too-large',
        await customerReply({
          requestId: id,
          keyring: keyring(),
          subject: 'imap huge attachment',
          attachments: [{ filename: 'big.bin', content: Buffer.alloc(1_500_000, 1) }],
        }),
      ],
    ];
    for (const [, mime] of cases) await stack.append(mime);
    for (const [reason, mime] of cases) {
      const subject = /^Subject: (.*)$/m.exec(mime.toString())?.[1]?.trim() ?? '';
      const item = await eventually(
        `"${subject}" held`,
        async () => (await d.mailCenter()).items.find((i) => i.subject === subject),
        20_000,
      );
      expect(item, subject).toMatchObject({ reason, state: expect.stringMatching(/open|ignored/) });
      expect(item.evidence.length).toBeGreaterThan(0);
    }
    expect((await d.mailCenter()).items.find((i) => i.reason === 'too-large')?.evidence.join(' ')).toContain(
      'Only its headers were read',
    );
    expect(await d.notes(id)).toHaveLength(0);
    const again = await d.syncNow();
    expect(again).toMatchObject({ listed: 0, notes: 0, mailCenter: 0 });
  });

  it('moves a filed reply to the chosen folder when the account says Move (ImapFlow: MOVE, or COPY + \\Deleted + EXPUNGE)', async () => {
    const admin = await stack.imap();
    await admin.mailboxCreate('Processed');
    await admin.logout();
    const res = await stack
      .api()
      .patch(`/api/admin/mail/accounts/${stack.accountId}`)
      .set(d.as(stack.admin))
      .send({ afterProcessing: 'move', moveToFolder: 'Processed' });
    expect(res.status, JSON.stringify(res.body)).toBe(200);
    const id = await d.createRequest({ status: 'Awaiting Customer' });
    const reply = await customerReply({ requestId: id, keyring: keyring(), text: 'Moved along, thank you.' });
    await stack.sendAsCustomer(reply);
    await eventually('the note', async () => (await d.notes(id)).length > 0, 20_000);
    const client = await stack.imap();
    const inFolder = async (folder: string) => {
      const lock = await client.getMailboxLock(folder);
      try {
        const uids = await client.search({ body: 'Moved along, thank you.' }, { uid: true });
        return Array.isArray(uids) ? uids.length : 0;
      } finally {
        lock.release();
      }
    };
    await eventually('the reply in Processed', async () => (await inFolder('Processed')) === 1, 20_000);
    expect(await inFolder('INBOX')).toBe(0);
    await client.logout();
    expect(await d.notes(id)).toHaveLength(1);
  });

  it('files a subject-number reply only when the configured receiving server stamped it as authenticated', async () => {
    // Dovecot does not check senders: the test stamps each message as the receiving MTA would, on top.
    const res = await stack
      .api()
      .patch(`/api/admin/mail/accounts/${stack.accountId}`)
      .set(d.as(stack.admin))
      .send({ authservIds: ['mx.contoso.test'] });
    expect(res.status, JSON.stringify(res.body)).toBe(200);
    expect(res.body).toMatchObject({ authservIds: ['mx.contoso.test'] });
    const id = await d.createRequest({ status: 'Open' });
    const pass =
      'spf=pass smtp.mailfrom=fabrikam.test; dkim=pass header.d=fabrikam.test; dmarc=pass header.from=fabrikam.test';
    const reply = async (stamp: string, subject: string) =>
      Buffer.concat([
        Buffer.from(`Authentication-Results: ${stamp}\r\n`),
        await customerReply({
          requestId: id,
          keyring: keyring(),
          noMarker: true,
          subject: `RE: [${formatSrNumber(id)}] ${subject}`,
        }),
      ]);
    await stack.append(await reply(`mx.contoso.test; ${pass}`, 'stamped by our server'));
    await stack.append(await reply(`mx.fabrikam.test; ${pass}`, 'stamped by the sender'));
    const [note] = await eventually(
      'the note',
      async () => ((await d.notes(id)).length > 0 ? d.notes(id) : undefined),
      20_000,
    );
    expect(note).toMatchObject({
      email: { signal: 'subject-sr-number', subject: expect.stringContaining('stamped by our server') },
    });
    const held = await eventually(
      'the forged one held',
      async () => (await d.mailCenter()).items.find((i) => i.subject.endsWith('stamped by the sender')),
      20_000,
    );
    expect(held).toMatchObject({ reason: 'sender-not-authenticated' });
    expect(held.evidence[0]).toContain('written by mx.fabrikam.test');
  });

  it('sends an email from an SR through Postfix with our Message-ID and the marker, and keeps a copy in Sent', async () => {
    const id = await d.createRequest({ status: 'Open' });
    const res = await stack
      .api()
      .post(`/api/requests/${id}/emails`)
      .set(d.as(stack.agent))
      .send({ templateId: 'reply-to-customer' });
    expect(res.status, JSON.stringify(res.body)).toBe(201);
    const sent = await eventually(
      'the email sent',
      async () => {
        const list = (await stack.api().get(`/api/requests/${id}/emails`).set(d.as(stack.agent))).body as {
          items: Array<{ status: string; internetMessageId: string; statusReason?: string }>;
        };
        const email = list.items[0];
        if (email?.status === 'failed') throw new Error(email.statusReason);
        return email?.status === 'sent' ? email : undefined;
      },
      20_000,
    );
    const customer = await stack.imap(CUSTOMER.address, CUSTOMER.password);
    const received = await eventually(
      "the email in the customer's inbox",
      async () => {
        const lock = await customer.getMailboxLock('INBOX');
        try {
          const uids = await customer.search(
            { header: { 'message-id': `<${sent.internetMessageId}>` } },
            { uid: true },
          );
          const uid = Array.isArray(uids) ? uids[0] : undefined;
          return uid ? await customer.fetchOne(String(uid), { source: true }, { uid: true }) : undefined;
        } finally {
          lock.release();
        }
      },
      20_000,
    );
    await customer.logout();
    const source = received && received.source ? received.source.toString() : '';
    expect(source).toMatch(
      new RegExp(`^Message-ID: <${sent.internetMessageId.replace(/[.+]/g, '\\$&')}>`, 'mi'),
    );
    expect(source).toMatch(/Please type your reply above this line/);
    expect(source).toMatch(/^X-SM-Ref: /im);
    // An agent's email is not automatic: no Auto-Submitted.
    expect(source).not.toMatch(/^Auto-Submitted:/m);
    const own = await stack.imap();
    const inSent = await own.getMailboxLock('Sent').then(async (lock) => {
      try {
        return await own.search({ header: { 'message-id': `<${sent.internetMessageId}>` } }, { uid: true });
      } finally {
        lock.release();
      }
    });
    await own.logout();
    expect(inSent).toHaveLength(1);
  });
});
