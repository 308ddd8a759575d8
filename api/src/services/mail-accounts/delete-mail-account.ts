import { notFound } from '../../domain/app-error.js';
import type { ServiceDeps } from '../deps.js';

export async function deleteMailAccount(deps: ServiceDeps, id: string): Promise<void> {
  await deps.store.transact(async (tx) => {
    if (!(await tx.collection('mailAccounts').delete(id))) throw notFound('Mail account', id);
  });
}
