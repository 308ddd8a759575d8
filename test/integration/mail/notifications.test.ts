import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { desk } from './support/desk.js';
import { eventually, startMailStack, type MailStack } from './support/mail-stack.js';
import { customerReply } from './support/replies.js';

// Change notifications are hints (docs/graph-behaviour.md §6, C15-C20): checked by clientState, answered at once, and whatever
// they say, every reply becomes exactly one note.

let stack: MailStack;
let d: ReturnType<typeof desk>;
beforeAll(async () => {
  stack = await startMailStack();
  d = desk(stack);
  await eventually(
    'an active subscription',
    async () =>
      (await d.health()).subscription &&
      ((await d.health()) as { subscription: { state: string } }).subscription.state === 'active',
  );
});
afterAll(() => stack.close());
beforeEach(async () => {
  await stack.emulator.control('DELETE', '/faults');
});

const keyring = () => stack.runtime.services.ecIdKeyring;
type Sub = { id: string; clientState: string; notificationUrl: string };

async function subscription(): Promise<Sub> {
  const res = await stack.emulator.control('GET', '/subscriptions');
  const all = ((await res.json()) as { value: Sub[] }).value;
  const sub = all.find((s) => s.notificationUrl.startsWith(stack.url));
  if (!sub) throw new Error('no subscription for this API');
  return sub;
}

function post(body: unknown, query = '') {
  return stack
    .api()
    .post(`/api/graph/notifications${query}`)
    .set('content-type', 'application/json')
    .send(JSON.stringify(body));
}

async function notesEach(ids: number[]): Promise<number[]> {
  return Promise.all(ids.map(async (id) => (await d.notes(id)).length));
}

describe('change notifications', () => {
  it('answers the validation handshake with the decoded token as text/plain', async () => {
    const token = 'Validation: Testing client application reachability for subscription Request-Id: 0f7c <&>';
    const res = await stack
      .api()
      .post(`/api/graph/notifications?validationToken=${encodeURIComponent(token)}`)
      .set('content-type', 'text/plain');
    expect(res.status).toBe(200);
    expect(res.headers['content-type']).toMatch(/^text\/plain/);
    expect(res.text).toBe(token);
  });

  it('files a reply within seconds of its notification, without a sweep', async () => {
    const id = await d.createRequest({ status: 'Open' });
    await d.deliver(await customerReply({ requestId: id, keyring: keyring() }));
    await eventually('the note', async () => (await d.notes(id)).length === 1);
    expect(((await d.health()) as { lastSync: { trigger: string } }).lastSync.trigger).toMatch(
      /notification|retry/,
    );
  });

  it('names this instance as the owner of the subscription on the health card', async () => {
    const health = (await d.health()) as { cluster: { instance: string; subscriptionOwner?: string } };
    expect(health.cluster.subscriptionOwner).toBe(health.cluster.instance);
  });

  it('ignores and counts a notification with a wrong clientState, and one for an unknown subscription', async () => {
    const sub = await subscription();
    const before = ((await d.health()) as { notifications: { rejected: number } }).notifications.rejected;
    const res = await post({
      value: [
        {
          subscriptionId: sub.id,
          clientState: 'guessed',
          changeType: 'created',
          resource: 'Users/x/Messages/y',
          resourceData: { id: 'y' },
        },
      ],
    });
    expect(res.status).toBe(202);
    await post({
      value: [{ subscriptionId: 'not-ours', clientState: sub.clientState, changeType: 'created' }],
    }).expect(202);
    expect(((await d.health()) as { notifications: { rejected: number } }).notifications.rejected).toBe(
      before + 1,
    );
  });

  it('takes duplicate and late notifications in its stride: one note per reply', async () => {
    await stack.emulator.control('POST', '/faults', { notificationDuplicateRate: 1 });
    const ids = await Promise.all(Array.from({ length: 5 }, () => d.createRequest({ status: 'Open' })));
    for (const id of ids)
      await d.deliver(await customerReply({ requestId: id, keyring: keyring(), text: `Reply for ${id}` }));
    await eventually('five notes', async () => (await notesEach(ids)).every((n) => n === 1));
    // Late: the same notifications once more, after everything was filed.
    const sub = await subscription();
    await post({
      value: ids.map((id) => ({
        subscriptionId: sub.id,
        clientState: sub.clientState,
        changeType: 'created',
        resourceData: { id: `late-${id}` },
      })),
    }).expect(202);
    await d.syncNow();
    expect(await notesEach(ids)).toEqual([1, 1, 1, 1, 1]);
  });

  it('is harmless when the notified message is already gone (404 on fetch)', async () => {
    const sub = await subscription();
    const res = await post({
      value: [
        {
          subscriptionId: sub.id,
          clientState: sub.clientState,
          changeType: 'created',
          resource: 'Users/x/Messages/gone',
          resourceData: { id: 'AAkALgAAAAAAHYQDEapmEc2byACqAC-EWg0A-gone' },
        },
      ],
    });
    expect(res.status).toBe(202);
    const report = await d.syncNow();
    expect(report).toMatchObject({ failed: 0 });
    const health = (await d.health()) as { lastError?: unknown };
    expect(health.lastError).toBeUndefined();
  });

  it('re-creates its subscription after subscriptionRemoved, renews after reauthorizationRequired, and catches up', async () => {
    const first = await subscription();
    const removed = await stack.emulator.control('POST', `/subscriptions/${first.id}/lifecycle`, {
      event: 'subscriptionRemoved',
    });
    expect(removed.status).toBe(200);
    const second = await eventually('a new subscription', async () => {
      const sub = await subscription().catch(() => undefined);
      return sub && sub.id !== first.id ? sub : undefined;
    });
    const id = await d.createRequest({ status: 'Open' });
    await d.deliver(await customerReply({ requestId: id, keyring: keyring() }));
    await eventually('the note through the new subscription', async () => (await d.notes(id)).length === 1);

    await stack.emulator
      .control('POST', `/subscriptions/${second.id}/lifecycle`, { event: 'reauthorizationRequired' })
      .then((r) => expect(r.status).toBe(200));
    await eventually('the subscription renewed (delivery resumed)', async () => {
      const res = await stack.emulator.control('GET', '/subscriptions');
      const sub = ((await res.json()) as { value: Array<{ id: string; paused?: boolean }> }).value.find(
        (s) => s.id === second.id,
      );
      return sub && sub.paused === false;
    });
    const next = await d.createRequest({ status: 'Open' });
    await d.deliver(await customerReply({ requestId: next, keyring: keyring() }));
    await eventually('the note after reauthorization', async () => (await d.notes(next)).length === 1);
  });
});
