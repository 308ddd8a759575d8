import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { desk } from './support/desk.js';
import { startMailStack, type MailStack } from './support/mail-stack.js';
import { customerReply } from './support/replies.js';

// The inbound loop guard as the engine runs it: the installation's limit (MAIL_LOOP_LIMIT_PER_HOUR) until an admin
// sets one under Administration > Service messaging, and the admin's from the next sync on, without a restart.

let stack: MailStack;
let d: ReturnType<typeof desk>;
beforeAll(async () => {
  stack = await startMailStack({ notifications: false, env: { MAIL_LOOP_LIMIT_PER_HOUR: '1' } });
  d = desk(stack);
});
afterAll(() => stack.close());

const keyring = () => stack.runtime.services.ecIdKeyring;

async function repliesFrom(sender: { name: string; address: string }, count: number): Promise<number> {
  const id = await d.createRequest({
    status: 'Awaiting Customer',
    requester: { name: sender.name, email: sender.address },
  });
  for (let i = 1; i <= count; i += 1) {
    await d.deliver(
      await customerReply({
        requestId: id,
        keyring: keyring(),
        from: sender,
        subject: `RE: Your request, reply ${i} from ${sender.name}`,
        text: `Reply ${i}.`,
      }),
    );
  }
  return id;
}

describe('the inbound loop guard', () => {
  it('follows the installation default while the admin has set none', async () => {
    const settings = (await stack.api().get('/api/admin/settings').set(d.as(stack.admin))).body as {
      rateLimitDefaults: { inboundPerSenderPerHour: number };
      rateLimits?: unknown;
    };
    expect(settings.rateLimitDefaults.inboundPerSenderPerHour).toBe(1);
    expect(settings.rateLimits).toBeUndefined();

    const ana = { name: 'Ana', address: 'ana@fabrikam.test' };
    const id = await repliesFrom(ana, 2);
    expect(await d.syncNow()).toMatchObject({ listed: 2, notes: 1, mailCenter: 1 });
    expect(await d.notes(id)).toHaveLength(1);
    const held = (await d.mailCenter()).items.filter((i) => i.from.address === ana.address);
    expect(held).toEqual([expect.objectContaining({ reason: 'loop' })]);
    expect(held[0]!.evidence.join(' ')).toContain('limit 1');
  });

  it("uses the admin's limit from the next sync on", async () => {
    await d.settings({ rateLimits: { inboundPerSenderPerHour: 3 } });
    const ben = { name: 'Ben', address: 'ben@fabrikam.test' };
    const id = await repliesFrom(ben, 4);
    expect(await d.syncNow()).toMatchObject({ listed: 4, notes: 3, mailCenter: 1 });
    expect(await d.notes(id)).toHaveLength(3);
    const held = (await d.mailCenter()).items.filter((i) => i.from.address === ben.address);
    expect(held).toEqual([expect.objectContaining({ reason: 'loop' })]);
    expect(held[0]!.evidence.join(' ')).toContain('limit 3');
  });
});
