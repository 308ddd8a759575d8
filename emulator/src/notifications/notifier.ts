import { randomUUID } from 'node:crypto';
import type { MailStore, MessageChange, MessageView } from '../state/mail-store.js';
import type { StoredSubscription } from '../state/mail-types.js';
import type { FaultInjector } from '../faults/fault-injector.js';
import type { Stats } from '../core/stats.js';
import { parseFilter } from '../odata/filter-parser.js';
import { evaluateFilter } from '../odata/property-table.js';
import { MESSAGE_TABLE } from '../odata/message-properties.js';

type ChangeNotification = {
  subscriptionId: string;
  subscriptionExpirationDateTime: string;
  changeType: 'created' | 'updated' | 'deleted';
  resource: string;
  resourceData: Record<string, string>;
  clientState: string | null;
  tenantId: string;
};

export type LifecycleEvent = 'reauthorizationRequired' | 'subscriptionRemoved' | 'missed';

const VALIDATION_TIMEOUT_MS = 10_000;

/**
 * Change notifications as Graph delivers them (docs/graph-behaviour.md §6): derived from store changes per subscription
 * (folder scope and $filter decide created/updated/deleted), batched per URL, retried on non-2xx or slow answers,
 * duplicated or delayed on request, and followed by a `missed` lifecycle event when retries run out.
 */
export class Notifier {
  private readonly timers = new Set<NodeJS.Timeout>();
  private readonly queues = new Map<string, ChangeNotification[]>();
  private closed = false;

  constructor(
    private readonly store: MailStore,
    private readonly faults: FaultInjector,
    private readonly stats: Stats,
    private readonly tenantId: string,
  ) {
    store.onMessageChange((change) => this.onChange(change));
  }

  /** The validation handshake: POST ?validationToken=..., expect 200 text/plain echoing the decoded token within 10 s. */
  async validate(url: string): Promise<boolean> {
    this.stats.notification('validations');
    const token = `Validation: Testing client application reachability for subscription Request-Id: ${randomUUID()}`;
    const target = new URL(url);
    target.searchParams.append('validationToken', token);
    try {
      const response = await fetch(target, {
        method: 'POST',
        headers: { 'content-type': 'text/plain; charset=utf-8' },
        signal: AbortSignal.timeout(VALIDATION_TIMEOUT_MS),
      });
      const body = await response.text();
      const contentType = response.headers.get('content-type') ?? '';
      return response.status === 200 && contentType.startsWith('text/plain') && body === token;
    } catch {
      return false;
    }
  }

  async lifecycle(subscription: StoredSubscription, event: LifecycleEvent): Promise<boolean> {
    if (!subscription.lifecycleNotificationUrl) return false;
    this.stats.notification('lifecycle');
    const payload = {
      value: [
        {
          subscriptionId: subscription.id,
          subscriptionExpirationDateTime: subscription.expirationDateTime,
          tenantId: this.tenantId,
          clientState: subscription.clientState,
          lifecycleEvent: event,
        },
      ],
    };
    return (await this.post(subscription.lifecycleNotificationUrl, payload)) === 'ok';
  }

  close(): void {
    this.closed = true;
    for (const timer of this.timers) clearTimeout(timer);
    this.timers.clear();
    this.queues.clear();
  }

  private onChange(change: MessageChange): void {
    const now = Date.now();
    const { mailbox } = change;
    // Recoverable Items and other folders outside the IPM subtree are not part of `users/{id}/messages`.
    const outside = new Set(
      mailbox.folders
        .filter((f) => f.parentFolderId === mailbox.rootFolderId && f.wellKnownName !== 'msgfolderroot')
        .map((f) => f.id),
    );
    for (const sub of this.store.subscriptions()) {
      if (sub.mailbox !== mailbox.address || sub.paused || Date.parse(sub.expirationDateTime) <= now)
        continue;
      const before = inScope(sub, change.before, outside);
      const after = inScope(sub, change.after, outside);
      const changeType =
        !before && after ? 'created' : before && !after ? 'deleted' : before && after ? 'updated' : undefined;
      if (
        !changeType ||
        !sub.changeType
          .split(',')
          .map((s) => s.trim())
          .includes(changeType)
      )
        continue;
      const message = (change.after ?? change.before)!;
      const id = sub.immutableIds ? message.immutableId : message.restId;
      const resource = `Users/${mailbox.userId}/Messages/${id}`;
      this.enqueue(sub.notificationUrl, {
        subscriptionId: sub.id,
        subscriptionExpirationDateTime: sub.expirationDateTime,
        changeType,
        resource,
        resourceData: {
          '@odata.type': '#Microsoft.Graph.Message',
          '@odata.id': resource,
          '@odata.etag': `W/"${message.changeKey}"`,
          id,
        },
        clientState: sub.clientState,
        tenantId: this.tenantId,
      });
      if (changeType === 'created') this.faults.hideMessages([message.restId, message.immutableId]);
    }
  }

  private enqueue(url: string, notification: ChangeNotification): void {
    const queue = this.queues.get(url);
    if (queue) {
      queue.push(notification);
      return;
    }
    this.queues.set(url, [notification]);
    // Changes made in the same tick share one POST, as Graph batches notifications.
    this.later(this.faults.knobs.notificationDelayMs, () => {
      const batch = this.queues.get(url) ?? [];
      this.queues.delete(url);
      void this.deliver(url, batch, 0);
      if (Math.random() < this.faults.knobs.notificationDuplicateRate) {
        this.stats.notification('duplicated');
        this.later(50, () => void this.deliver(url, batch, 0));
      }
    });
  }

  private async deliver(url: string, batch: ChangeNotification[], attempt: number): Promise<void> {
    const live = batch.filter((n) =>
      this.store.subscriptions().some((s) => s.id === n.subscriptionId && !s.paused),
    );
    if (live.length === 0 || this.closed) return;
    const outcome = await this.post(url, { value: live });
    if (outcome === 'ok') {
      this.stats.notification('delivered');
      return;
    }
    this.stats.notification('failed');
    const delays = this.faults.knobs.notificationRetryDelaysMs;
    const delay = delays[attempt];
    if (delay === undefined) {
      this.stats.notification('dropped');
      const ids = new Set(live.map((n) => n.subscriptionId));
      for (const sub of this.store.subscriptions().filter((s) => ids.has(s.id)))
        void this.lifecycle(sub, 'missed');
      return;
    }
    this.stats.notification('retried');
    this.later(delay, () => void this.deliver(url, live, attempt + 1));
  }

  private async post(url: string, payload: unknown): Promise<'ok' | 'failed'> {
    if (this.closed) return 'failed';
    try {
      const response = await fetch(url, {
        method: 'POST',
        headers: { 'content-type': 'application/json; charset=utf-8' },
        body: JSON.stringify(payload),
        signal: AbortSignal.timeout(this.faults.knobs.notificationTimeoutMs),
      });
      await response.arrayBuffer();
      return response.status >= 200 && response.status < 300 ? 'ok' : 'failed';
    } catch {
      return 'failed';
    }
  }

  private later(ms: number, run: () => void): void {
    if (this.closed) return;
    const timer = setTimeout(() => {
      this.timers.delete(timer);
      run();
    }, ms);
    this.timers.add(timer);
  }
}

function inScope(sub: StoredSubscription, message: MessageView | null, outside: Set<string>): boolean {
  if (!message) return false;
  if (sub.folderId === null ? outside.has(message.folderId) : message.folderId !== sub.folderId) return false;
  return sub.filter === null || evaluateFilter(parseFilter(sub.filter), message, MESSAGE_TABLE);
}
