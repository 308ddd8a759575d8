import { encodeEcId } from '../../domain/ec-id.js';
import { composeEmail, lastAgentNoteText, type ComposedEmail } from '../outbound/compose-email.js';
import type { ServiceDeps } from '../deps.js';
import { deskOf } from '../outbound/load-sending-account.js';
import { loadMailTemplate } from './load-mail-template.js';
import { loadRequest } from '../requests/load-request.js';

// A throw-away key: the preview shows a token of the real shape, but a reply quoting it does not verify.
export const PREVIEW_KEYRING = { current: { kid: 'preview', secret: 'preview-only' }, previous: [] };

export type MailTemplatePreview = ComposedEmail & { sampleToken: string };

/** The template rendered against an SR, as it would be sent from the Default account (or a stand-in address). */
export async function previewMailTemplate(
  deps: ServiceDeps,
  templateId: string,
  requestId: number,
): Promise<MailTemplatePreview> {
  return deps.store.read(async (tx) => {
    const template = await loadMailTemplate(tx, templateId);
    const sr = await loadRequest(tx, requestId);
    const account = await (await tx.collection('mailAccounts').all()).find((a) => a.isDefault);
    const sampleToken = encodeEcId({ requestId: sr.id, outboundId: 0 }, PREVIEW_KEYRING);
    const email = composeEmail({
      sr,
      content: template,
      token: sampleToken,
      trigger: template.purpose === 'rule' ? 'rule' : 'manual',
      desk: account ? deskOf(account) : { name: 'Service desk', address: 'service-desk@example.invalid' },
      lastNote: await lastAgentNoteText(tx, sr.id),
      publicUrl: deps.outboundPolicy?.publicUrl,
    });
    return { ...email, sampleToken };
  });
}
