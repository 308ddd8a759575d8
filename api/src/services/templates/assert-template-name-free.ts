import { AppError } from '../../domain/app-error.js';
import type { ReadTransaction } from '../../ports/store.js';

/** Names identify templates in the rules list and the send dialog, so two may not share one. */
export async function assertTemplateNameFree(
  tx: ReadTransaction,
  name: string,
  exceptId?: string,
): Promise<void> {
  const wanted = name.toLowerCase();
  const clash = await (
    await tx.collection('mailTemplates').all()
  ).find((t) => t.id !== exceptId && t.name.toLowerCase() === wanted);
  if (clash) throw new AppError('conflict', `A template named "${clash.name}" already exists.`);
}
