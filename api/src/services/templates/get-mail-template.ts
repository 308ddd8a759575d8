import type { MailTemplate } from '../../domain/mail-template.js';
import type { ServiceDeps } from '../deps.js';
import { loadMailTemplate } from './load-mail-template.js';

export async function getMailTemplate(deps: ServiceDeps, id: string): Promise<MailTemplate> {
  return deps.store.read((tx) => loadMailTemplate(tx, id));
}
