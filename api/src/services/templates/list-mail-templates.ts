import type { MailTemplate } from '../../domain/mail-template.js';
import type { ServiceDeps } from '../deps.js';

export async function listMailTemplates(deps: ServiceDeps): Promise<MailTemplate[]> {
  const templates = await deps.store.read((tx) => tx.collection('mailTemplates').all());
  return templates.sort((a, b) => a.name.localeCompare(b.name));
}
