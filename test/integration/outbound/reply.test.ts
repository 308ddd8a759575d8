import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import {
  composeCustomerReply,
  findSentMailForSr,
  type SentMessage,
} from '../../../emulator/src/cli/customer-reply.js';
import { startStack, type TestStack } from '../../support/stack.js';
import {
  addDefaultAccount,
  createSr,
  deliverAndSync,
  DESK,
  startOutboundStack,
  type OutboundStack,
} from './outbound-stack.js';

// The loop closed: a customer answers our email the way Outlook does (the composer `npm run demo:reply` uses), the
// mail engine reads it from the desk's inbox, and the answer becomes a PUBLIC note on the SR the email was about.

type Note = {
  requestId: number;
  source: string;
  bodyText: string;
  email?: { signal: string; subject: string };
};

async function sentItems(emulator: {
  control(method: string, path: string): Promise<Response>;
}): Promise<SentMessage[]> {
  return (
    (await (await emulator.control('GET', `/mailboxes/${DESK}/messages?folder=sentitems`)).json()) as {
      value: SentMessage[];
    }
  ).value;
}

describe('replies to the emails we send', () => {
  let stack: OutboundStack;
  let accountId: string;
  beforeAll(async () => {
    stack = await startOutboundStack();
    accountId = await addDefaultAccount(stack);
  });
  afterAll(() => stack?.close());

  const notesOf = async (sr: string) =>
    (await stack.api().get(`/api/requests/${sr}/notes`).auth(stack.agent, { type: 'bearer' }).expect(200))
      .body.items as Note[];

  /** Emails the SR, answers the email as the customer (optionally after changing it), and has the engine read the inbox. */
  async function replyTo(
    sr: string,
    text: string,
    change: (original: SentMessage) => SentMessage = (m) => m,
  ): Promise<void> {
    await stack
      .api()
      .post(`/api/requests/${sr}/emails`)
      .auth(stack.agent, { type: 'bearer' })
      .send({ templateId: 'reply-to-customer' })
      .expect(201);
    const original = findSentMailForSr(await sentItems(stack.emulator), sr);
    expect(original, `a sent email about ${sr}`).toBeDefined();
    const reply = await composeCustomerReply(change(original!), text, DESK);
    await deliverAndSync(stack, accountId, reply.mime);
  }

  it('an Outlook reply becomes a PUBLIC note on the SR the email was about, by its token', async () => {
    const other = await createSr(stack, {
      title: 'Another request',
      requester: { name: 'Lee Gu', email: 'lee@fabrikam.test' },
    });
    const sr = await createSr(stack, { requester: { name: 'Lee Gu', email: 'lee@fabrikam.test' } });
    await replyTo(sr, 'The printer works again, thank you!');

    const notes = await notesOf(sr);
    expect(notes).toEqual([
      expect.objectContaining({
        source: 'email',
        bodyText: expect.stringContaining('The printer works again, thank you!'),
        email: expect.objectContaining({ signal: 'body-token' }),
      }),
    ]);
    expect(notes[0]!.bodyText).not.toContain('Please type your reply above this line');
    expect(await notesOf(other)).toEqual([]);
    const sr1 = await stack
      .api()
      .get(`/api/requests/${sr}`)
      .auth(stack.agent, { type: 'bearer' })
      .expect(200);
    expect(sr1.body.status).toBe('Customer Replied');
  });

  it('a reply whose visible marker line was deleted still lands, by our Message-ID', async () => {
    const sr = await createSr(stack, { requester: { name: 'Nia', email: 'nia@fabrikam.test' } });
    await replyTo(sr, 'Done, see you.', (m) => ({
      ...m,
      body: { ...m.body, content: m.body!.content!.replace(/##-[^<]*-## \[[^\]]+\]/, '') },
    }));
    const notes = await notesOf(sr);
    expect(notes).toEqual([
      expect.objectContaining({ source: 'email', bodyText: expect.stringContaining('Done, see you.') }),
    ]);
    expect(notes[0]!.email?.signal).not.toBe('body-token');
  });
});

describe('demo mode', () => {
  let demo: TestStack;
  beforeAll(async () => {
    demo = await startStack();
  });
  afterAll(() => demo?.close());

  it('the seeded SRs each have an email sent by a rule; demo:reply answers SR-000001 and the note appears', async () => {
    const deadline = Date.now() + 15_000;
    let sent = await sentItems(demo.emulator);
    while (sent.length < 3 && Date.now() < deadline) {
      await new Promise((resolve) => setTimeout(resolve, 50));
      sent = await sentItems(demo.emulator);
    }
    for (const sr of ['SR-000001', 'SR-000002', 'SR-000003']) {
      const email = findSentMailForSr(sent, sr);
      expect(email?.subject, sr).toMatch(new RegExp(`^We have received your request: .* \\[${sr}\\]$`));
      expect(email?.internetMessageHeaders?.find((h) => h.name === 'X-SM-Trigger')?.value).toBe('rule');
    }
    const reply = await composeCustomerReply(
      findSentMailForSr(sent, 'SR-000001')!,
      'Forgetting the network worked.',
      DESK,
    );
    await demo.emulator.control(
      'POST',
      `/mailboxes/${DESK}/messages?folder=inbox`,
      reply.mime,
      'message/rfc822',
    );

    const admin = await demo.tokenFor('admin@contoso.test');
    const api = (path: string, method = 'GET') =>
      fetch(`${demo.url}/api${path}`, { method, headers: { authorization: `Bearer ${admin}` } });
    const accounts = (await (await api('/admin/mail/accounts')).json()) as {
      items: { id: string; isDefault: boolean }[];
    };
    const account = accounts.items.find((a) => a.isDefault)!;
    expect((await api(`/admin/mail/accounts/${account.id}/sync`, 'POST')).status).toBe(200);
    const notes = (await (await api('/requests/SR-000001/notes')).json()) as { items: Note[] };
    expect(notes.items.filter((n) => n.source === 'email')).toEqual([
      expect.objectContaining({ bodyText: expect.stringContaining('Forgetting the network worked.') }),
    ]);
  });
});
