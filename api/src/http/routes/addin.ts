import { MAX_ADDIN_REQUEST_BYTES } from '../../contract/addin-email.js';
import { ZAddinLookup, ZAddinLookupRequest, ZAddinSuggestions } from '../../contract/addin.js';
import { ZErrorBody } from '../../contract/common.js';
import { formatSrNumber } from '../../domain/service-request.js';
import type { ServiceDeps } from '../../services/deps.js';
import { lookupEmail } from '../../services/lookup-email.js';
import { suggestRequests } from '../../services/suggest-requests.js';
import { presentAddinLookup } from '../presenters/present-addin-lookup.js';
import { defineRoute } from '../route.js';
import { toMailMessage } from './addin-email-input.js';

/** The add-in's bodies carry the email and the ticked attachments (base64), so /api/addin takes more than 1 MB. */
export const ADDIN_JSON_LIMIT = MAX_ADDIN_REQUEST_BYTES;

const TAG = 'Outlook add-in';
const refused = { 400: { description: 'Invalid input', schema: ZErrorBody }, 403: { description: 'Not a service desk agent', schema: ZErrorBody } };

export function addinRoutes(deps: ServiceDeps) {
  return [
    defineRoute({
      method: 'post',
      path: '/addin/lookup',
      tag: TAG,
      summary: 'Where an email stands: filed on SRs (by internetMessageId), in the Mail Center, or unknown (what its markers and headers say)',
      access: 'agent',
      body: ZAddinLookupRequest,
      responses: { 200: { description: 'Where the email stands', schema: ZAddinLookup }, ...refused },
      handler: async ({ body }) => ({ status: 200, body: presentAddinLookup(await lookupEmail(deps, toMailMessage(body.email))) }),
    }),
    defineRoute({
      method: 'post',
      path: '/addin/suggestions',
      tag: TAG,
      summary: "SRs the email may belong to, best first, each with its reasons (markers, our Message-ID, the sender's open SRs, the subject)",
      access: 'agent',
      body: ZAddinLookupRequest,
      responses: { 200: { description: 'Suggestions', schema: ZAddinSuggestions }, ...refused },
      handler: async ({ body }) => {
        const suggestions = await suggestRequests(deps, toMailMessage(body.email));
        const items = suggestions.map(({ request, isClosed, score, reasons }) => ({
          requestId: request.id,
          number: formatSrNumber(request.id),
          title: request.title,
          status: request.status,
          isClosed,
          requester: request.requester,
          score,
          reasons,
        }));
        return { status: 200, body: { items } };
      },
    }),
  ];
}
