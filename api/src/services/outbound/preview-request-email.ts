import { encodeEcId } from '../../domain/ec-id.js';
import { composeEmail, type ComposedEmail } from './compose-email.js';
import type { ServiceDeps } from '../deps.js';
import {
  draftRequestEmail,
  type RequestEmailDraft,
  type SendRequestEmailInput,
} from './draft-request-email.js';
import { deskOf } from './load-sending-account.js';
import { PREVIEW_KEYRING } from '../templates/preview-mail-template.js';

export type RequestEmailPreview = ComposedEmail &
  Pick<RequestEmailDraft, 'to' | 'cc'> & { sampleToken: string };

/**
 * What sending this input from the SR would send (same draft, same composer, from the same account), with a sample
 * token signed by a throw-away key in place of the real one: nothing is recorded, and a reply quoting it is not matched.
 */
export async function previewRequestEmail(
  deps: ServiceDeps,
  requestId: number,
  input: SendRequestEmailInput,
): Promise<RequestEmailPreview> {
  return deps.store.read(async (tx) => {
    const draft = await draftRequestEmail(tx, requestId, input);
    const sampleToken = encodeEcId({ requestId: draft.sr.id, outboundId: 0 }, PREVIEW_KEYRING);
    const email = composeEmail({
      sr: draft.sr,
      content: draft.content,
      token: sampleToken,
      trigger: 'manual',
      desk: deskOf(draft.account),
      lastNote: draft.lastNote,
      publicUrl: deps.outboundPolicy?.publicUrl,
    });
    return { ...email, to: draft.to, cc: draft.cc, sampleToken };
  });
}
