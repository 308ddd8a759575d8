import { pino } from 'pino';
import { describe, expect, it, vi } from 'vitest';
import type { MailAccount } from '../../../api/src/domain/mail-account.js';
import { createSecretBox } from '../../../api/src/domain/secret-box.js';
import type { Mailbox } from '../../../api/src/ports/mailbox.js';
import { AccountRuntime } from '../../../api/src/mail/account-runtime.js';
import { MailCluster } from '../../../api/src/mail/mail-cluster.js';
import { createOrRenew } from '../../../api/src/mail/subscription-keeper.js';
import { createLocalCoordination } from '../../../api/src/store/local-coordination.js';

// An instance that takes a mailbox's subscription over from an owner that died keeps the subscription the owner
// made (it is still valid) and publishes it as its own, so the shared record names the instance that renews it.

const DAY = 24 * 60 * 60_000;
const URL = 'https://desk.example.test/api/graph/notifications';

describe('the subscription keeper', () => {
  it('taking over a live subscription, publishes it under its own name without creating or renewing one', async () => {
    const secrets = createSecretBox(Buffer.alloc(32, 3));
    const coordination = createLocalCoordination();
    const expiresAt = new Date(Date.now() + 2 * DAY).toISOString();
    await coordination.publishSubscription({
      accountId: 'account-1',
      subscriptionId: 'sub-1',
      clientStateSealed: JSON.stringify(secrets.seal('the-client-state')),
      expiresAt,
      notificationUrl: URL,
      owner: 'instance-that-died',
    });
    const cluster = new MailCluster({
      coordination,
      instanceId: 'instance-b',
      leaseTtlMs: 3_000,
      subscriptionTtlMs: 60_000,
      secrets,
      logger: pino({ level: 'silent' }),
    });
    const createSubscription = vi.fn();
    const renewSubscription = vi.fn();
    const mailbox = { createSubscription, renewSubscription } as unknown as Mailbox;
    const account = {
      id: 'account-1',
      folder: 'Inbox',
      userPrincipalName: 'desk@contoso.test',
    } as MailAccount;
    const runtime = new AccountRuntime(account, mailbox, async () => {
      throw new Error('no sync in this test');
    });
    await createOrRenew(runtime, {
      cluster,
      clock: () => new Date(),
      logger: pino({ level: 'silent' }),
      notificationUrl: URL,
      sweepIntervalMs: 60_000,
      lifetimeMs: 2 * DAY,
    });
    expect(runtime.ownsSubscription).toBe(true);
    expect(runtime.subscription).toEqual({ id: 'sub-1', expiresAt, clientState: 'the-client-state' });
    expect(createSubscription).not.toHaveBeenCalled();
    expect(renewSubscription).not.toHaveBeenCalled();
    expect((await cluster.shared()).get('account-1')).toMatchObject({ id: 'sub-1', owner: 'instance-b' });
  });
});
