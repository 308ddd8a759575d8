import type { PrepareReply } from '../ports/prepare-reply.js';
import type { ServiceDeps } from '../services/deps.js';
import { loadSettings } from '../services/settings/load-settings.js';
import { MAX_ATTACHMENT_BYTES } from '../services/attachments/upload-attachment.js';
import type { AttachmentSource } from '../services/inbound/attachment-sources.js';
import { understand } from './understand/understand.js';
import { prepareReply } from '../services/inbound/prepare-reply.js';

/**
 * The engine's reply preparation for emails filed from Outlook. The pane sends only the attachments the agent ticked,
 * with their bytes; a ticked inline image is filed as a plain attachment, since the agent chose it (Outlook does not
 * tell the pane its content id, so the engine's "kept by the reply" test cannot apply).
 */
export function createAddinReplyPreparer(deps: Pick<ServiceDeps, 'store' | 'blobs' | 'newId'>): PrepareReply {
  return async ({ message, files, target }) => {
    const settings = await deps.store.read((tx) => loadSettings(tx));
    const sources: AttachmentSource[] = files.map((file) => ({
      meta: { ...file.meta, isInline: false },
      load: async () => ({ body: file.bytes, contentType: file.meta.contentType }),
    }));
    return prepareReply(deps, {
      message,
      sources,
      target,
      understand,
      policy: {
        blockList: settings.attachmentBlockList,
        blockedAction: settings.blockedAttachmentAction,
        maxFileBytes: MAX_ATTACHMENT_BYTES,
      },
    });
  };
}
