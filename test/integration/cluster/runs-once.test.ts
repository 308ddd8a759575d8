import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { OutboundEmail } from '../../../api/src/domain/outbound-email.js';
import {
  addDefaultAccount,
  createSr,
  DESK,
  startClusterStack,
  type ClusterStack,
} from '../../support/cluster-stack.js';
import { customerReply } from '../mail/support/replies.js';
import { eventually } from '../../support/emulator-graph-target.js';

// Two API instances on one PostgreSQL database and one mailbox: each queued email is claimed and sent by one of
// them, the mailbox's per-minute budget is the cluster's, the rules for an SR event run once, and a Mail Center
// reprocess asked of both at once (two agents, or a retry the load balancer sent elsewhere) files one note.

const MINUTE = 60_000;
const LIMIT = 6;

describe('work two instances share runs once', () => {
  let stack: ClusterStack;
  let accountId: string;
  beforeAll(async () => {
    stack = await startClusterStack({
      label: 'cluster_once',
      env: { OUTBOUND_PER_MAILBOX_PER_MINUTE: String(LIMIT) },
    });
    accountId = await addDefaultAccount(stack);
  });
  const as = (token: string) => ({ authorization: `Bearer ${token}` });
  afterAll(() => stack?.close());

  const workers = () => stack.runtimes.map((r) => r.outbound);
  /** Both workers stopped: what is queued meanwhile waits for them. */
  const stopAll = () => Promise.all(workers().map((w) => w.stop()));
  const startAll = () => workers().forEach((w) => w.start());
  const allEmails = () =>
    stack.runtimes[0]!.services.store.read(async (tx) => {
      const out: OutboundEmail[] = [];
      for (
        let page = await tx.collection('outboundEmails').page(undefined, 500);
        page.length > 0;
        page = await tx.collection('outboundEmails').page(page.at(-1)!.id, 500)
      )
        out.push(...page);
      return out;
    });
  /** A rule writing to the requester at each public note; its id. */
  const addNoteRule = async (name: string): Promise<string> =>
    (
      await stack
        .api(0)
        .post('/api/admin/rules')
        .auth(stack.admin, { type: 'bearer' })
        .send({
          name,
          trigger: { kind: 'note-added' },
          templateId: 'status-update',
          recipients: [{ kind: 'requester' }],
        })
        .expect(201)
    ).body.id as string;
  const sentItems = async () => {
    const res = await stack.emulator.control('GET', `/mailboxes/${DESK}/messages?folder=sentitems`);
    return ((await res.json()) as { value: { internetMessageId: string }[] }).value;
  };
  /** Queues `count` agent emails to `customer`, alternating the instance that takes the request. */
  async function queue(count: number, customer: string): Promise<number[]> {
    const sr = await createSr(stack, 0, { name: customer.split('@')[0]!, email: customer });
    const ids: number[] = [];
    for (let i = 0; i < count; i += 1) {
      const res = await stack
        .api(i % 2)
        .post(`/api/requests/${sr}/emails`)
        .auth(stack.agent, { type: 'bearer' })
        .send({ templateId: 'reply-to-customer', to: [customer] });
      expect(res.status, JSON.stringify(res.body)).toBe(201);
      expect(res.body.status).toBe('queued');
      ids.push(res.body.outboundId as number);
    }
    return ids;
  }

  it('sends each queued email exactly once when both instances work the queue', async () => {
    await stopAll();
    const ids = await queue(LIMIT, 'once@fabrikam.test');
    const before = stack.sendCalls();
    startAll();
    await stack.settled();

    expect(stack.sendCalls() - before).toBe(LIMIT);
    const emails = (await allEmails()).filter((e) => ids.includes(e.id));
    expect(emails.map((e) => e.status)).toEqual(Array<string>(LIMIT).fill('sent'));
    expect(emails.map((e) => e.attempts)).toEqual(Array<number>(LIMIT).fill(1));
    const copies = await sentItems();
    for (const email of emails)
      expect(copies.filter((m) => m.internetMessageId === `<${email.internetMessageId}>`)).toHaveLength(1);
  });

  it('runs the rules for each SR event once: one email per rule firing', async () => {
    stack.shiftClock(MINUTE + 1000);
    const rule = await addNoteRule('Tell the requester');
    const customers = ['ada@fabrikam.test', 'bo@fabrikam.test', 'cy@fabrikam.test'];
    const srs = [];
    for (const [i, email] of customers.entries())
      srs.push(await createSr(stack, i % 2, { name: email.split('@')[0]!, email }));
    await stopAll();
    // Two public notes per SR, through both instances: six events waiting in the outbox for both workers at once.
    for (const [i, sr] of [...srs, ...srs].entries()) {
      await stack
        .api(i % 2)
        .post(`/api/requests/${sr}/notes`)
        .auth(stack.agent, { type: 'bearer' })
        .send({ body: `Update ${i}`, typeCode: 'PUBLIC' })
        .expect(201);
    }
    const before = stack.sendCalls();
    startAll();
    await stack.settled();

    expect(stack.sendCalls() - before).toBe(srs.length * 2);
    for (const sr of srs) {
      const emails = (
        await stack.api(1).get(`/api/requests/${sr}/emails`).auth(stack.agent, { type: 'bearer' }).expect(200)
      ).body.items as OutboundEmail[];
      expect(emails.map((e) => [e.ruleId, e.status])).toEqual([
        [rule, 'sent'],
        [rule, 'sent'],
      ]);
    }
    await stack.api(0).delete(`/api/admin/rules/${rule}`).auth(stack.admin, { type: 'bearer' }).expect(204);
  });

  it('runs an SR event on the instance that committed it, and leaves those of the other to that one', async () => {
    stack.shiftClock(MINUTE + 1000);
    const rule = await addNoteRule('Acknowledge');
    const [first, second] = [
      await createSr(stack, 0, { name: 'di', email: 'di@fabrikam.test' }),
      await createSr(stack, 1, { name: 'ed', email: 'ed@fabrikam.test' }),
    ];
    const emailsOf = async (sr: string) =>
      (await stack.api(1).get(`/api/requests/${sr}/emails`).auth(stack.agent, { type: 'bearer' }).expect(200))
        .body.items as OutboundEmail[];
    const addNote = (instance: number, sr: string) =>
      stack
        .api(instance)
        .post(`/api/requests/${sr}/notes`)
        .auth(stack.agent, { type: 'bearer' })
        .send({ body: 'Update', typeCode: 'PUBLIC' })
        .expect(201);
    await workers()[0]!.stop();
    await addNote(0, first!);
    await addNote(1, second!);
    // The second instance runs its own event; the first's, committed before it, is not among what it reads.
    await eventually(
      async () => ((await emailsOf(second!)).length === 1 ? true : undefined),
      15_000,
      'its email',
    );
    await workers()[1]!.idle();
    expect(await emailsOf(first!)).toEqual([]);
    const waiting = await stack.runtimes[1]!.services.store.read((tx) => tx.collection('srEvents').pending());
    expect(waiting.filter((e) => e.kind === 'note-added').map((e) => e.requestId)).toEqual([
      Number(first!.replace(/\D/g, '')),
    ]);
    // The first instance comes back (a restart, or a sweep anywhere) and runs what it left.
    workers()[0]!.start();
    await stack.settled();
    expect((await emailsOf(first!)).map((e) => e.ruleId)).toEqual([rule]);
    expect((await emailsOf(second!)).map((e) => e.ruleId)).toEqual([rule]);
    await stack.api(0).delete(`/api/admin/rules/${rule}`).auth(stack.admin, { type: 'bearer' }).expect(204);
  });

  it(`keeps the mailbox's ${LIMIT} a minute across both instances`, async () => {
    stack.shiftClock(MINUTE + 1000);
    await stopAll();
    const total = LIMIT * 4;
    const ids = await queue(total, 'budget@fabrikam.test');
    const before = stack.sendCalls();
    startAll();
    // Each minute of the shared clock lets exactly LIMIT go, whichever instance sends them.
    for (let minute = 1; minute <= 4; minute += 1) {
      await stack.settled();
      workers().forEach((w) => w.wake());
      await stack.settled();
      expect(stack.sendCalls() - before).toBe(LIMIT * minute);
      stack.shiftClock(MINUTE + 1000);
      workers().forEach((w) => w.wake());
    }
    await stack.settled();

    const emails = (await allEmails()).filter((e) => ids.includes(e.id));
    expect(emails.map((e) => e.status)).toEqual(Array<string>(total).fill('sent'));
    const attempts = emails.map((e) => Date.parse(e.attemptedAt ?? '')).sort((a, b) => a - b);
    // No 60-second window holds more than LIMIT attempts.
    for (let i = 0; i + LIMIT < attempts.length; i += 1)
      expect(attempts[i + LIMIT]! - attempts[i]!).toBeGreaterThanOrEqual(MINUTE);
  });

  it('leaves alone a claim whose instance still renews it, and settles it once its renewals stop', async () => {
    stack.shiftClock(MINUTE + 1000);
    await stopAll();
    const [id] = await queue(1, 'slow-send@fabrikam.test');
    const { services } = stack.runtimes[0]!;
    const claimedBy = async (renewedAgoMs: number) =>
      services.store.transact(async (tx) => {
        const email = (await tx.collection('outboundEmails').get(id!))!;
        const now = services.clock().getTime();
        // Another instance took it ten minutes ago (a long throttled send), and last renewed it `renewedAgoMs` ago.
        await tx.collection('outboundEmails').put({
          ...email,
          status: 'sending',
          attempts: 1,
          attemptedAt: new Date(now - 10 * MINUTE).toISOString(),
          claimRenewedAt: new Date(now - renewedAgoMs).toISOString(),
        });
      });
    await claimedBy(10_000);
    const before = stack.sendCalls();
    startAll();
    await Promise.all(workers().map((w) => w.idle()));
    expect((await allEmails()).find((e) => e.id === id)).toMatchObject({ status: 'sending', attempts: 1 });
    expect(stack.sendCalls()).toBe(before);

    // Its instance died: no renewal for longer than the recovery grace (2 min). Nothing in Sent Items: sent again, once.
    await claimedBy(3 * MINUTE);
    workers().forEach((w) => w.wake());
    await stack.settled();
    expect((await allEmails()).find((e) => e.id === id)).toMatchObject({ status: 'sent', attempts: 2 });
    expect(stack.sendCalls() - before).toBe(1);
  });

  it('files a Mail Center email as one note when both instances reprocess it together', async () => {
    const sr = await createSr(stack, 0, { name: 'Ada', email: 'ada@fabrikam.test' });
    const requestId = Number(sr.slice(3));
    const mime = await customerReply({
      requestId,
      outboundId: 99_999,
      keyring: stack.runtimes[0]!.services.ecIdKeyring,
      from: { name: 'Eve', address: 'eve@elsewhere.test' },
      subject: 'from a colleague of Ada',
    });
    expect(
      (
        await stack.emulator.control(
          'POST',
          `/mailboxes/${DESK}/messages?folder=inbox`,
          mime,
          'message/rfc822',
        )
      ).status,
    ).toBe(201);
    const sync = await stack.api(0).post(`/api/admin/mail/accounts/${accountId}/sync`).set(as(stack.admin));
    expect(sync.status, JSON.stringify(sync.body)).toBe(200);
    const items = (await stack.api(1).get('/api/mail-center?state=all').set(as(stack.agent)).expect(200)).body
      .items as { id: string; subject: string; reason: string }[];
    const held = items.find((i) => i.subject === 'from a colleague of Ada');
    expect(held?.reason).toBe('unknown-sender');

    await stack
      .api(1)
      .patch(`/api/requests/${sr}`)
      .set(as(stack.agent))
      .send({ participants: ['eve@elsewhere.test'] })
      .expect(200);
    const answers = await Promise.all(
      [0, 1, 0, 1].map((i) =>
        stack.api(i).post(`/api/mail-center/${held!.id}/reprocess`).set(as(stack.agent)),
      ),
    );
    // Each answer is the filed item, or a clear refusal because another request filed it first.
    for (const answer of answers) expect([200, 409], JSON.stringify(answer.body)).toContain(answer.status);
    expect(answers.some((a) => a.status === 200 && a.body.state === 'linked')).toBe(true);

    const notes = (await stack.api(0).get(`/api/requests/${sr}/notes`).set(as(stack.agent)).expect(200)).body
      .items as { email?: { subject: string } }[];
    expect(notes.filter((n) => n.email?.subject === 'from a colleague of Ada')).toHaveLength(1);
    const history = (await stack.api(1).get(`/api/requests/${sr}/history`).set(as(stack.agent)).expect(200))
      .body.items as { kind: string; details?: { noteId?: string } }[];
    expect(new Set(history.flatMap((h) => (h.details?.noteId ? [h.details.noteId] : []))).size).toBe(1);
  });
});
