import type { TMailTemplate } from '../../contract/mail-template.js';
import type { MailTemplate } from '../../domain/mail-template.js';
import { mailHtmlToText } from '../../services/sanitise-mail-html.js';

export function presentMailTemplate(template: MailTemplate): TMailTemplate {
  return { ...template, bodyText: mailHtmlToText(template.bodyHtml) };
}
