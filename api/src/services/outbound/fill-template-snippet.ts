import { fillText } from '../../domain/mail-placeholders.js';
import { fillBodyHtml, lastAgentNoteText, placeholderContext } from './compose-email.js';
import type { ServiceDeps } from '../deps.js';
import { deskOf } from './load-sending-account.js';
import { loadMailTemplate } from '../templates/load-mail-template.js';
import { loadRequest } from '../requests/load-request.js';

/**
 * A template as a snippet for the composer: its subject and body with the placeholders filled from the SR, so the
 * agent sees and edits the words that will go out. Nothing is recorded.
 */
export async function fillTemplateSnippet(
  deps: ServiceDeps,
  requestId: number,
  templateId: string,
): Promise<{ subject: string; bodyHtml: string }> {
  return deps.store.read(async (tx) => {
    const template = await loadMailTemplate(tx, templateId);
    const sr = await loadRequest(tx, requestId);
    const account = (await tx.collection('mailAccounts').all()).find((a) => a.isDefault);
    const context = placeholderContext({
      sr,
      desk: account ? deskOf(account) : { name: 'Service desk', address: '' },
      lastNote: await lastAgentNoteText(tx, sr.id),
      publicUrl: deps.outboundPolicy?.publicUrl,
    });
    return {
      subject: fillText(template.subject, context),
      bodyHtml: fillBodyHtml(template.bodyHtml, context),
    };
  });
}
