import { afterAll, beforeAll, expect, it } from 'vitest';
import { createSr, startClusterStack, type ClusterStack } from '../../support/cluster-stack.js';
import { openEventStream } from '../../support/event-stream.js';

// Behind a load balancer an agent's screen streams from one instance while the note is added through another: the
// stream must still name the SR (the commit reaches every instance's store listeners through PostgreSQL).

let stack: ClusterStack;
beforeAll(async () => {
  stack = await startClusterStack({ label: 'cluster_live' });
});
afterAll(() => stack?.close());

it("streams the other instance's commits: a note added through instance 0 reaches a screen on instance 1", async () => {
  const stream = await openEventStream(stack.runtimes[1]!.app, stack.agent);
  try {
    await stream.readUntil(/event: ready/);
    const sr = await createSr(stack, 0, { name: 'Lee Gu', email: 'lee@fabrikam.test' });
    const res = await stack
      .api(0)
      .post(`/api/requests/${sr}/notes`)
      .auth(stack.agent, { type: 'bearer' })
      .send({ typeCode: 'INTERNAL', body: 'Checked the toner.' });
    expect(res.status, JSON.stringify(res.body)).toBe(201);
    const text = await stream.readUntil(/event: change\ndata: .*"notes"/);
    const change = stream.changes().find((c) => c.collections.includes('notes'));
    expect(change).toMatchObject({ requestIds: [Number(sr.slice(3))] });
    expect(text).not.toContain('Checked the toner.');
  } finally {
    await stream.close();
  }
});
