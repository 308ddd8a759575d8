import type { PreparedReply, ReplyFile, ReplyTarget } from '../../ports/prepare-reply.js';
import type { MailMessage } from '../../domain/mail-message.js';
import type { BodyReader, ServiceDeps } from '../deps.js';
import { loadSettings } from '../settings/load-settings.js';
import { MAX_ATTACHMENT_BYTES } from '../attachments/upload-attachment.js';
import type { AttachmentSource } from '../inbound/attachment-sources.js';
import { prepareReply } from '../inbound/prepare-reply.js';

/**
 * The reply preparation for an email filed from Outlook, through the engine's body reader. The pane sends only the
 * attachments the agent ticked, with their bytes; a ticked inline image is filed as a plain attachment, since the
 * agent chose it (Outlook does not tell the pane its content id, so the engine's "kept by the reply" test cannot
 * apply). The body is read within the engine's time per email (MAIL_READ_TIME_LIMIT_MS), as a Mail Center action
 * reads it: over it, the note is the plain-text part with a line saying why.
 */
export async function prepareAddinReply(
  deps: Pick<ServiceDeps, 'store' | 'blobs' | 'newId'>,
  reader: BodyReader,
  { message, files, target }: { message: MailMessage; files: readonly ReplyFile[]; target: ReplyTarget },
): Promise<PreparedReply> {
  const settings = await deps.store.read((tx) => loadSettings(tx));
  const sources: AttachmentSource[] = files.map((file) => ({
    meta: { ...file.meta, isInline: false },
    load: async () => ({ body: file.bytes, contentType: file.meta.contentType }),
  }));
  return prepareReply(deps, {
    message,
    sources,
    target,
    understand: reader.understand,
    readTimeLimitMs: reader.readTimeLimitMs,
    policy: {
      blockList: settings.attachmentBlockList,
      blockedAction: settings.blockedAttachmentAction,
      maxFileBytes: MAX_ATTACHMENT_BYTES,
    },
  });
}
