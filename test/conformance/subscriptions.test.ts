import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest';
import { eventually, openGraphTarget, type GraphTarget } from '../support/emulator-graph-target.js';
import {
  announceTarget,
  emulatorOnly,
  graphFailure,
  itMatchesTheSchemas,
} from '../support/emulator-conformance.js';
import { NotificationSink } from '../support/emulator-notification-sink.js';

type Notification = {
  subscriptionId: string;
  changeType: string;
  resource: string;
  clientState: string | null;
  tenantId: string;
  subscriptionExpirationDateTime: string;
  resourceData: Record<string, string>;
  lifecycleEvent?: string;
};
type Subscription = { id: string; expirationDateTime: string; resource: string };

announceTarget('subscriptions');
const inHours = (h: number): string => new Date(Date.now() + h * 3_600_000).toISOString();

// docs/graph-behaviour.md §6 and cases C15-C20. Emulator only: a live tenant cannot call back a local webhook.
describe.skipIf(emulatorOnly())('Graph change notifications', () => {
  let t: GraphTarget;
  let sink: NotificationSink;
  let mb: string;
  beforeAll(async () => {
    t = await openGraphTarget();
    sink = await NotificationSink.start();
    mb = t.mailbox;
  });
  afterEach(async () => {
    sink.respond = () => 202;
    sink.echoValidation = true;
    await t.emulator!.control('DELETE', '/faults');
    for (const s of ((await t.graph.api('/subscriptions').get()) as { value: Subscription[] }).value)
      await t.graph.api(`/subscriptions/${s.id}`).delete();
  });
  afterAll(async () => {
    await sink.close();
    await t.close();
  });

  let pathCount = 0;
  const subscribe = async (
    resource: string,
    extra: Record<string, unknown> = {},
    prefer?: string,
  ): Promise<Subscription & { path: string }> => {
    pathCount += 1;
    const path = `/notify-${pathCount}`;
    const request = t.graph.api('/subscriptions');
    if (prefer) request.header('Prefer', prefer);
    const created = (await request.post({
      changeType: 'created,updated,deleted',
      notificationUrl: `${sink.url}${path}`,
      resource,
      expirationDateTime: inHours(48),
      clientState: 'secret-123',
      ...extra,
    })) as Subscription;
    return { ...created, path };
  };
  const deliver = async (subject: string): Promise<{ id: string; immutableId: string }> => {
    const res = await t.emulator!.control('POST', `/mailboxes/${mb}/messages?folder=inbox`, {
      subject,
      from: { emailAddress: { address: 'alex@fabrikam.test' } },
    });
    return (await res.json()) as { id: string; immutableId: string };
  };
  const notifications = (path: string): Notification[] =>
    sink.deliveries(path).flatMap((d) => d.value as unknown as Notification[]);
  const waitFor = (
    path: string,
    predicate: (n: Notification) => boolean,
    what: string,
  ): Promise<Notification> => eventually(() => notifications(path).find(predicate), 5_000, what);

  it('C18: creation runs the validation handshake (decoded token echoed as text/plain) and answers 201', async () => {
    const sub = await subscribe(`users/${mb}/mailFolders('inbox')/messages`);
    const handshake = sink.received.find((r) => r.path === sub.path && r.query.has('validationToken'))!;
    expect(handshake.query.get('validationToken')).toMatch(
      /^Validation: Testing client application reachability/,
    );
    expect(sub).toMatchObject({
      changeType: 'created,updated,deleted',
      clientState: 'secret-123',
      resource: `users/${mb}/mailFolders('inbox')/messages`,
      applicationId: t.clientId,
    });
  });

  it('C18: a failed handshake, a plain-http public URL, or a too-long expiry is 400', async () => {
    sink.echoValidation = false;
    const failed = await graphFailure(subscribe(`users/${mb}/messages`));
    expect([failed.statusCode, failed.code]).toEqual([400, 'InvalidRequest']);
    sink.echoValidation = true;
    const http = await graphFailure(
      subscribe(`users/${mb}/messages`, { notificationUrl: 'http://example.com/notify' }),
    );
    expect(http.statusCode).toBe(400);
    const tooLong = await graphFailure(
      subscribe(`users/${mb}/messages`, { expirationDateTime: inHours(24 * 8) }),
    );
    expect(tooLong.statusCode).toBe(400);
  });

  it('delivers the §6.3 payload: resource not folder-scoped, user GUID, clientState, tenantId, resourceData', async () => {
    const sub = await subscribe(`users/${mb}/mailFolders('inbox')/messages`);
    const message = await deliver('Payload check');
    const n = await waitFor(sub.path, (x) => x.changeType === 'created', 'the created notification');
    const userId = t.emulator!.tenant.users.find((u) => u.userPrincipalName === mb)!.id;
    expect(n).toMatchObject({
      subscriptionId: sub.id,
      clientState: 'secret-123',
      tenantId: t.tenantId,
      resource: `Users/${userId}/Messages/${message.id}`,
      resourceData: {
        '@odata.type': '#Microsoft.Graph.Message',
        '@odata.id': `Users/${userId}/Messages/${message.id}`,
        id: message.id,
      },
    });
    expect(n.subscriptionExpirationDateTime).toBe(sub.expirationDateTime);
    expect(
      ((await t.graph.api(`/users/${mb}/messages/${n.resourceData.id}`).get()) as { subject: string })
        .subject,
    ).toBe('Payload check');
  });

  it("C17: with $filter=isRead eq false, the app's own PATCH isRead=true arrives as deleted and unread again as created", async () => {
    const sub = await subscribe(`users/${mb}/mailFolders('inbox')/messages?$filter=isRead eq false`);
    const message = await deliver('Own writes echo');
    await waitFor(sub.path, (n) => n.changeType === 'created' && n.resourceData.id === message.id, 'created');
    await t.graph.api(`/users/${mb}/messages/${message.id}`).patch({ isRead: true });
    await waitFor(
      sub.path,
      (n) => n.changeType === 'deleted' && n.resourceData.id === message.id,
      'deleted on read',
    );
    await t.graph.api(`/users/${mb}/messages/${message.id}`).patch({ isRead: false });
    await eventually(
      () =>
        notifications(sub.path).filter((n) => n.changeType === 'created' && n.resourceData.id === message.id)
          .length === 2
          ? true
          : undefined,
      5_000,
      'created again',
    );
  });

  it('C15: the same notification can arrive twice', async () => {
    await t.emulator!.control('POST', '/faults', { notificationDuplicateRate: 1 });
    const sub = await subscribe(`users/${mb}/messages`);
    const message = await deliver('Duplicate me');
    await eventually(
      () =>
        notifications(sub.path).filter((n) => n.resourceData.id === message.id && n.changeType === 'created')
          .length === 2
          ? true
          : undefined,
      5_000,
      'two deliveries',
    );
  });

  it('C16: the announced message can answer 404 for a while after its notification', async () => {
    await t.emulator!.control('POST', '/faults', { hideNotifiedMessagesMs: 2_000 });
    const sub = await subscribe(`users/${mb}/mailFolders('inbox')/messages`);
    const message = await deliver('Not yet visible');
    await waitFor(sub.path, (n) => n.resourceData.id === message.id, 'the notification');
    const early = await graphFailure(t.graph.api(`/users/${mb}/messages/${message.id}`).get());
    expect([early.statusCode, early.code]).toEqual([404, 'ErrorItemNotFound']);
    await eventually(
      async () =>
        (await t.fetchGraph(`/users/${mb}/messages/${message.id}`)).status === 200 ? true : undefined,
      10_000,
      'the message to appear',
    );
  });

  it('C19: 5xx or slow answers are retried; when retries run out the subscriber gets a missed lifecycle event', async () => {
    await t.emulator!.control('POST', '/faults', {
      notificationRetryDelaysMs: [30, 30, 30],
      notificationTimeoutMs: 1_000,
    });
    let calls = 0;
    sink.respond = async () => {
      calls += 1;
      if (calls === 1) return 503;
      if (calls === 2) await new Promise((resolve) => setTimeout(resolve, 1_500));
      return 202;
    };
    const sub = await subscribe(`users/${mb}/messages`);
    const message = await deliver('Retry me');
    await eventually(
      () => (sink.deliveries(sub.path).length >= 3 ? true : undefined),
      10_000,
      'three attempts',
    );
    expect(
      notifications(sub.path).filter((n) => n.resourceData.id === message.id && n.changeType === 'created')
        .length,
    ).toBeGreaterThanOrEqual(3);

    sink.respond = () => 500;
    const dropped = await subscribe(`users/${mb}/messages`, {
      lifecycleNotificationUrl: `${sink.url}/lifecycle-missed`,
    });
    await deliver('Never delivered');
    const missed = await eventually(
      () => sink.deliveries('/lifecycle-missed')[0]?.value[0],
      5_000,
      'the missed event',
    );
    expect(missed).toMatchObject({
      subscriptionId: dropped.id,
      lifecycleEvent: 'missed',
      clientState: 'secret-123',
    });
    const stats = (await (await t.emulator!.control('GET', '/stats')).json()) as {
      notifications: Record<string, number>;
    };
    expect(stats.notifications.retried).toBeGreaterThanOrEqual(2);
    expect(stats.notifications.dropped).toBeGreaterThanOrEqual(1);
  });

  it('C20: reauthorizationRequired pauses delivery until the app reauthorizes; subscriptionRemoved deletes it', async () => {
    const paused = await subscribe(`users/${mb}/messages`, {
      lifecycleNotificationUrl: `${sink.url}/lifecycle`,
    });
    const witness = await subscribe(`users/${mb}/messages`);
    await t.emulator!.control('POST', `/subscriptions/${paused.id}/lifecycle`, {
      event: 'reauthorizationRequired',
    });
    expect(sink.deliveries('/lifecycle').at(-1)?.value[0]).toMatchObject({
      lifecycleEvent: 'reauthorizationRequired',
      subscriptionId: paused.id,
    });
    const gap = await deliver('During the pause');
    await waitFor(witness.path, (n) => n.resourceData.id === gap.id, 'the witness notification');
    expect(notifications(paused.path).some((n) => n.resourceData.id === gap.id)).toBe(false);
    await t.graph.api(`/subscriptions/${paused.id}/reauthorize`).post({});
    const after = await deliver('After reauthorizing');
    await waitFor(paused.path, (n) => n.resourceData.id === after.id, 'delivery after reauthorize');

    await t.emulator!.control('POST', `/subscriptions/${paused.id}/lifecycle`, {
      event: 'subscriptionRemoved',
    });
    expect(sink.deliveries('/lifecycle').at(-1)?.value[0]).toMatchObject({
      lifecycleEvent: 'subscriptionRemoved',
    });
    const gone = await graphFailure(t.graph.api(`/subscriptions/${paused.id}`).get());
    expect(gone.statusCode).toBe(404);
  });

  it('renews with PATCH, refuses to add a lifecycle URL by PATCH, deletes, and keeps immutable ids chosen at creation', async () => {
    const sub = await subscribe(`users/${mb}/messages`, {}, 'IdType="ImmutableId"');
    const renewed = (await t.graph
      .api(`/subscriptions/${sub.id}`)
      .patch({ expirationDateTime: inHours(60) })) as Subscription;
    expect(Date.parse(renewed.expirationDateTime)).toBeGreaterThan(Date.parse(sub.expirationDateTime));
    const lifecycle = await graphFailure(
      t.graph.api(`/subscriptions/${sub.id}`).patch({ lifecycleNotificationUrl: `${sink.url}/x` }),
    );
    expect(lifecycle.statusCode).toBe(400);
    const message = await deliver('Immutable please');
    await waitFor(sub.path, (n) => n.resourceData.id === message.immutableId, 'an immutable id');
    await t.graph.api(`/subscriptions/${sub.id}`).delete();
    expect((await graphFailure(t.graph.api(`/subscriptions/${sub.id}`).get())).statusCode).toBe(404);
  });

  itMatchesTheSchemas(() => t.emulator?.exchanges ?? []);
});
