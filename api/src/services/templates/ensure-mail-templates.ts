import { DEFAULT_REPLY_MARKER } from '../../domain/reply-marker.js';
import type { MailTemplate } from '../../domain/mail-template.js';
import type { ServiceDeps } from '../deps.js';

type SeedTemplate = Pick<MailTemplate, 'id' | 'name' | 'purpose' | 'subject' | 'bodyHtml'>;

export const REQUEST_RECEIVED_TEMPLATE_ID = 'request-received';

const DEFAULT_TEMPLATES: readonly SeedTemplate[] = [
  {
    id: 'reply-to-customer',
    name: 'Reply to customer',
    purpose: 'manual',
    subject: '#SR_TITLE#',
    bodyHtml: '<p>Dear #REQUESTER_NAME#,</p><p>#LAST_NOTE#</p><p>Kind regards,<br>#DESK_NAME#</p>',
  },
  {
    id: REQUEST_RECEIVED_TEMPLATE_ID,
    name: 'Request received',
    purpose: 'rule',
    subject: 'We have received your request: #SR_TITLE#',
    bodyHtml:
      '<p>Dear #REQUESTER_NAME#,</p><p>Thank you for contacting us. Your request is logged as <b>#SR_ID#</b> and an agent will be in touch.</p>' +
      '<p><b>#SR_TITLE#</b><br>#SR_DESCRIPTION#</p><p>To add information, reply to this email and type above the reply line at the top.</p>' +
      '<p>Kind regards,<br>#DESK_NAME#</p>',
  },
  {
    id: 'status-update',
    name: 'Status update',
    purpose: 'rule',
    subject: '#SR_TITLE# is now #STATUS#',
    bodyHtml:
      '<p>Dear #REQUESTER_NAME#,</p><p>The status of your request <b>#SR_ID#</b> is now <b>#STATUS#</b>.</p><p>#LAST_NOTE#</p><p>Kind regards,<br>#DESK_NAME#</p>',
  },
];

/** A desk without templates gets the defaults, each with the example reply text line. An admin's templates stay. */
export async function ensureMailTemplates(deps: ServiceDeps): Promise<void> {
  await deps.store.transact(async (tx) => {
    if ((await tx.collection('mailTemplates').count()) > 0) return;
    const now = deps.clock().toISOString();
    for (const template of DEFAULT_TEMPLATES) {
      await tx
        .collection('mailTemplates')
        .insert({ ...template, replyText: DEFAULT_REPLY_MARKER, createdAt: now, updatedAt: now });
    }
  });
}
