import { AppError } from '../../domain/app-error.js';
import type { ServiceDeps } from '../deps.js';
import { loadMailTemplate } from './load-mail-template.js';

export async function deleteMailTemplate(deps: ServiceDeps, id: string): Promise<void> {
  await deps.store.transact(async (tx) => {
    const template = await loadMailTemplate(tx, id);
    const users = (await tx.collection('rules').all()).filter((r) => r.templateId === id);
    if (users.length > 0) {
      throw new AppError(
        'conflict',
        `"${template.name}" is used by the rule(s) ${users.map((r) => `"${r.name}"`).join(', ')}; change or delete them first.`,
      );
    }
    await tx.collection('mailTemplates').delete(id);
  });
}
