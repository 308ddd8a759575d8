import type { MailTemplate } from '../../domain/mail-template.js';
import { assertTemplateNameFree } from './assert-template-name-free.js';
import type { ServiceDeps } from '../deps.js';
import { loadMailTemplate } from './load-mail-template.js';
import { mailTemplateFields, type MailTemplateInput } from './mail-template-fields.js';

/** Replaces the template's content; a reply text left out is reset to the example line, as for a new template. */
export async function updateMailTemplate(
  deps: ServiceDeps,
  id: string,
  input: MailTemplateInput,
): Promise<MailTemplate> {
  const fields = mailTemplateFields(input);
  return deps.store.transact(async (tx) => {
    const before = await loadMailTemplate(tx, id);
    await assertTemplateNameFree(tx, fields.name, id);
    return tx
      .collection('mailTemplates')
      .put({ ...before, ...fields, updatedAt: deps.clock().toISOString() });
  });
}
