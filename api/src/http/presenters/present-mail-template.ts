import type { TMailTemplate } from '../../contract/mail-template.js';
import type { MailTemplate } from '../../domain/mail-template.js';
import { validateReplyMarker } from '../../domain/reply-marker.js';
import { mailHtmlToText } from '../../services/templates/sanitise-mail-html.js';

export function presentMailTemplate(template: MailTemplate): TMailTemplate {
  const marker = validateReplyMarker(template.replyText);
  return {
    ...template,
    bodyText: mailHtmlToText(template.bodyHtml),
    replyTextProblems: marker.ok ? [] : marker.errors.map((e) => e.message),
  };
}
