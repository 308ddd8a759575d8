import { pino } from 'pino';
import { createSecretBox } from '../../api/src/domain/secret-box.js';
import { MailCluster } from '../../api/src/mail/mail-cluster.js';
import type { Coordination } from '../../api/src/ports/coordination.js';

/** One instance's view of the cluster on `coordination`, as the engine builds it, for tests of leases and wakes. */
export function testMailCluster(
  coordination: Coordination,
  instanceId: string,
  leaseTtlMs = 10_000,
): MailCluster {
  return new MailCluster({
    coordination,
    instanceId,
    leaseTtlMs,
    subscriptionTtlMs: 60_000,
    secrets: createSecretBox(Buffer.alloc(32, 9)),
    logger: pino({ level: 'silent' }),
  });
}
