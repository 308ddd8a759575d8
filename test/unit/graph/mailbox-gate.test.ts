import { expect, it } from 'vitest';
import { MailboxGate } from '../../../api/src/graph/mailbox-gate.js';

// The gate every Graph client of one mailbox shares: never more than its limit in flight, callers start in arrival
// order, and a Retry-After holds everyone back until it has passed.

it('lets `limit` callers in at once and the others in arrival order as slots free', async () => {
  const gate = new MailboxGate(2);
  const started: number[] = [];
  const releases: Array<() => void> = [];
  const waiting = [0, 1, 2, 3, 4].map((n) =>
    gate.acquire().then((release) => {
      started.push(n);
      releases.push(release);
    }),
  );
  await Promise.all(waiting.slice(0, 2));
  expect(started).toEqual([0, 1]);
  releases[1]?.();
  releases[1]?.(); // a second release of the same slot frees nothing more
  await waiting[2];
  expect(started).toEqual([0, 1, 2]);
  releases[0]?.();
  await waiting[3];
  expect(started).toEqual([0, 1, 2, 3]);
  releases[2]?.();
  await waiting[4];
  expect(started).toEqual([0, 1, 2, 3, 4]);
});

it('keeps every caller out until a Retry-After has passed, then lets them in', async () => {
  const gate = new MailboxGate(4);
  gate.pauseFor(150);
  const asked = Date.now();
  expect(gate.pausedForMs()).toBeGreaterThan(100);
  const release = await gate.acquire();
  expect(Date.now() - asked).toBeGreaterThanOrEqual(140);
  expect(gate.pausedForMs()).toBe(0);
  release();
  gate.pauseFor(0);
  await gate.acquire();
});
