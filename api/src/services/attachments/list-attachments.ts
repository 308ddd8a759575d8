import type { Attachment } from '../../domain/attachment.js';
import type { ServiceDeps } from '../deps.js';
import { loadRequest } from '../requests/load-request.js';

export async function listAttachments(deps: ServiceDeps, requestId: number): Promise<Attachment[]> {
  return deps.store.read(async (tx) => {
    await loadRequest(tx, requestId);
    const attachments = await tx.collection('attachments').ofRequest(requestId);
    return attachments.sort(
      (a, b) => a.folder.localeCompare(b.folder) || a.createdAt.localeCompare(b.createdAt),
    );
  });
}
