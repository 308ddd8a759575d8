import { describe, expect, it } from 'vitest';
import {
  applyRateLimits,
  isRecentSend,
  retryDelayMs,
  sendingSlotFreeAt,
} from '../../../api/src/domain/outbound-policy.js';

const policy = { rulePerSrPerHour: 10, rulePerRecipientPerHour: 3 };
const a = { address: 'a@fabrikam.test' };
const b = { address: 'b@fabrikam.test' };

describe('rate limits on rule emails', () => {
  it('let an email through under both limits', () => {
    expect(applyRateLimits({ to: [a, b], cc: [] }, { forSr: 9, forAddress: () => 2 }, policy)).toEqual({
      to: [a, b],
      cc: [],
      dropped: [],
    });
  });

  it('stop it at the SR limit', () => {
    const decision = applyRateLimits({ to: [a], cc: [] }, { forSr: 10, forAddress: () => 0 }, policy);
    expect(decision.stoppedReason).toMatch(/10 emails about this SR in the last hour \(limit 10\)/);
  });

  it('leave out a recipient at their own limit, and stop when nobody is left', () => {
    const count = (address: string) => (address === a.address ? 3 : 0);
    expect(applyRateLimits({ to: [a, b], cc: [] }, { forSr: 0, forAddress: count }, policy)).toMatchObject({
      to: [b],
      dropped: [{ address: a.address }],
    });
    expect(
      applyRateLimits({ to: [a], cc: [] }, { forSr: 0, forAddress: count }, policy).stoppedReason,
    ).toMatch(/3 emails to a@fabrikam.test in the last hour \(limit 3\)/);
  });

  it('count what went or is going in the last hour, not what was stopped or failed', () => {
    const now = new Date('2026-03-02T10:00:00Z');
    expect(isRecentSend({ status: 'sent', queuedAt: '2026-03-02T09:00:01Z' }, now)).toBe(true);
    expect(isRecentSend({ status: 'queued', queuedAt: '2026-03-02T09:59:00Z' }, now)).toBe(true);
    expect(isRecentSend({ status: 'sent', queuedAt: '2026-03-02T08:59:59Z' }, now)).toBe(false);
    expect(isRecentSend({ status: 'stopped', queuedAt: '2026-03-02T09:59:00Z' }, now)).toBe(false);
    expect(isRecentSend({ status: 'failed', queuedAt: '2026-03-02T09:59:00Z' }, now)).toBe(false);
  });
});

describe('the per-minute sending budget', () => {
  const now = new Date('2026-03-02T10:00:00.000Z');
  const at = (secondsAgo: number) => new Date(now.getTime() - secondsAgo * 1000).toISOString();

  it('is free below the limit and counts only the last minute', () => {
    expect(sendingSlotFreeAt([at(1), at(2)], now, 3)).toBeUndefined();
    expect(sendingSlotFreeAt([at(61), at(70), at(80), at(1)], now, 3)).toBeUndefined();
  });

  it('frees a slot when the oldest of the last `limit` attempts is a minute old', () => {
    expect(sendingSlotFreeAt([at(50), at(10), at(30)], now, 3)).toEqual(new Date(now.getTime() + 10_000));
    expect(sendingSlotFreeAt([at(5), at(50), at(40), at(30)], now, 3)).toEqual(
      new Date(now.getTime() + 20_000),
    );
  });
});

describe('retries', () => {
  it('back off from 30 seconds to at most 30 minutes, and wait at least what the server asked', () => {
    expect([1, 2, 3, 4, 10].map((n) => retryDelayMs(n))).toEqual([
      30_000, 60_000, 120_000, 240_000, 1_800_000,
    ]);
    expect(retryDelayMs(1, 90_000)).toBe(90_000);
  });
});
