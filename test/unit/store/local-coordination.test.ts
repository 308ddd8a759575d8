import { describe, expect, it } from 'vitest';
import { createLocalCoordination } from '../../../api/src/store/local-coordination.js';

// One instance never hands a mailbox over, but the port's promise holds here too: a pass goes only from the holder
// of the fence, with a newer fence, and the ex-holder's token is dead from then on.
describe('local coordination', () => {
  it('passes a lease from its holder to another with a newer fence; the ex-holder can no longer renew it', async () => {
    const leases = createLocalCoordination();
    const first = (await leases.acquire('mailbox:one', 'A', 60_000))!;
    expect(await leases.pass('mailbox:one', 'A', first.fence + 1, 'B', 60_000)).toBeUndefined();
    expect(await leases.pass('mailbox:one', 'C', first.fence, 'B', 60_000)).toBeUndefined();
    const passed = await leases.pass('mailbox:one', 'A', first.fence, 'B', 60_000);
    expect(passed).toMatchObject({ holder: 'B' });
    expect(passed!.fence).toBeGreaterThan(first.fence);
    expect(await leases.renew('mailbox:one', 'A', first.fence, 60_000)).toBeUndefined();
    // B, woken, takes what is already its own, with the fence it was passed.
    expect((await leases.acquire('mailbox:one', 'B', 60_000))?.fence).toBe(passed!.fence);
    expect((await leases.holders('mailbox:')).map((l) => l.holder)).toEqual(['B']);
  });

  it('publishes a subscription only for the holder of its lease', async () => {
    const leases = createLocalCoordination();
    const subscription = {
      accountId: 'acc',
      subscriptionId: 's1',
      clientStateSealed: 'sealed',
      expiresAt: '2030-01-01T00:00:00.000Z',
      notificationUrl: 'https://api.example/notifications',
      owner: 'A',
    };
    expect(await leases.publishSubscription(subscription, 'subscription:acc')).toBe(false);
    await leases.acquire('subscription:acc', 'A', 60_000);
    expect(await leases.publishSubscription({ ...subscription, owner: 'B' }, 'subscription:acc')).toBe(false);
    expect(await leases.subscriptions()).toEqual([]);
    expect(await leases.publishSubscription(subscription, 'subscription:acc')).toBe(true);
    expect(await leases.subscriptions()).toEqual([subscription]);
  });
});
