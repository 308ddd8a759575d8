import type { ServiceDeps } from '../deps.js';
import { REQUEST_RECEIVED_TEMPLATE_ID } from '../templates/ensure-mail-templates.js';

/**
 * Demo mode only: every new SR is acknowledged by email, so the seeded SRs each have an email in the customer's
 * mailbox that `npm run demo:reply` can answer. Runs before the demo SRs are created; does nothing when rules exist.
 */
export async function seedDemoRules(deps: ServiceDeps): Promise<void> {
  await deps.store.transact(async (tx) => {
    if ((await tx.collection('rules').count()) > 0) return;
    if (!(await tx.collection('mailTemplates').get(REQUEST_RECEIVED_TEMPLATE_ID))) return;
    const now = deps.clock().toISOString();
    await tx.collection('rules').insert({
      id: 'demo-acknowledge-new-requests',
      name: 'Acknowledge new requests',
      enabled: true,
      trigger: { kind: 'sr-created' },
      templateId: REQUEST_RECEIVED_TEMPLATE_ID,
      recipients: [{ kind: 'requester' }],
      createdAt: now,
      updatedAt: now,
    });
  });
}
