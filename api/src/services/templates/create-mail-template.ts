import type { MailTemplate } from '../../domain/mail-template.js';
import { assertTemplateNameFree } from './assert-template-name-free.js';
import type { ServiceDeps } from '../deps.js';
import { mailTemplateFields, type MailTemplateInput } from './mail-template-fields.js';

export async function createMailTemplate(deps: ServiceDeps, input: MailTemplateInput): Promise<MailTemplate> {
  const fields = mailTemplateFields(input);
  const now = deps.clock().toISOString();
  return deps.store.transact(async (tx) => {
    await assertTemplateNameFree(tx, fields.name);
    return tx
      .collection('mailTemplates')
      .insert({ id: deps.newId(), ...fields, createdAt: now, updatedAt: now });
  });
}
