import { notFound } from '../../domain/app-error.js';
import type { MailTemplate } from '../../domain/mail-template.js';
import type { ReadTransaction } from '../../ports/store.js';

export async function loadMailTemplate(tx: ReadTransaction, id: string): Promise<MailTemplate> {
  const template = await tx.collection('mailTemplates').get(id);
  if (!template) throw notFound('Mail template', id);
  return template;
}
