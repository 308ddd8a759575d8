import type { OutboundEmail } from '../../domain/outbound-email.js';
import type { ServiceDeps } from '../deps.js';
import { loadRequest } from '../requests/load-request.js';

/** The SR's outbound log, oldest first: sent, queued, failed and stopped emails alike. */
export async function listRequestEmails(deps: ServiceDeps, requestId: number): Promise<OutboundEmail[]> {
  return deps.store.read(async (tx) => {
    await loadRequest(tx, requestId);
    const emails = await tx.collection('outboundEmails').ofRequest(requestId);
    return emails.sort((a, b) => a.id - b.id);
  });
}
