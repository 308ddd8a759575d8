import { MAX_ADDIN_REQUEST_BYTES } from '../../contract/addin-email.js';
import {
  ZAddinCreated,
  ZAddinCreateRequest,
  ZAddinFiled,
  ZAddinFileRequest,
  ZAddinLookup,
  ZAddinLookupRequest,
  ZAddinMoved,
  ZAddinMoveRequest,
  ZAddinSuggestions,
  ZAlreadyFiledDetails,
} from '../../contract/addin.js';
import { ZErrorBody } from '../../contract/common.js';
import { formatSrNumber, requireRequestId } from '../../domain/service-request.js';
import { createRequestFromEmail } from '../../services/filing/create-request-from-email.js';
import type { ServiceDeps } from '../../services/deps.js';
import { fileEmail } from '../../services/filing/file-email.js';
import { lookupEmail } from '../../services/filing/lookup-email.js';
import { moveFiledEmail } from '../../services/filing/move-filed-email.js';
import { suggestRequests } from '../../services/filing/suggest-requests.js';
import {
  presentAddinCreated,
  presentAddinFiled,
  presentAddinMoved,
} from '../presenters/present-addin-filed.js';
import { presentAddinLookup } from '../presenters/present-addin-lookup.js';
import { defineRoute } from '../route.js';
import { toMailMessage, toReplyFiles } from './addin-email-input.js';

/** The add-in's bodies carry the email and the ticked attachments (base64), so /api/addin takes more than 1 MB. */
export const ADDIN_JSON_LIMIT = MAX_ADDIN_REQUEST_BYTES;

const TAG = 'Outlook add-in';
const refused = {
  400: { description: 'Invalid input', schema: ZErrorBody },
  403: { description: 'Not a service desk agent', schema: ZErrorBody },
};
const conflict = {
  409: {
    description: 'The email is already on that SR: error.details names it',
    schema: ZErrorBody.extend({ error: ZErrorBody.shape.error.extend({ details: ZAlreadyFiledDetails }) }),
  },
};
const filingRefusals = {
  ...refused,
  ...conflict,
  404: { description: 'No such SR', schema: ZErrorBody },
  413: { description: 'The ticked attachments are over the cap', schema: ZErrorBody },
  503: { description: 'This server runs without the mail engine', schema: ZErrorBody },
};

const requestRef = (ref: string | number): number => (typeof ref === 'number' ? ref : requireRequestId(ref));

/** Filing (file, create) needs the mail engine's body reader; an API started without the engine answers 503. */
export function addinRoutes(deps: ServiceDeps) {
  return [
    defineRoute({
      method: 'post',
      path: '/addin/lookup',
      tag: TAG,
      summary:
        'Where an email stands: filed on SRs (by internetMessageId), in the Mail Center, or unknown (what its markers and headers say)',
      access: 'agent',
      body: ZAddinLookupRequest,
      responses: { 200: { description: 'Where the email stands', schema: ZAddinLookup }, ...refused },
      handler: async ({ body }) => ({
        status: 200,
        body: presentAddinLookup(await lookupEmail(deps, toMailMessage(body.email))),
      }),
    }),
    defineRoute({
      method: 'post',
      path: '/addin/suggestions',
      tag: TAG,
      summary:
        "SRs the email may belong to, best first, each with its reasons (markers, our Message-ID, the sender's open SRs, the subject)",
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
    defineRoute({
      method: 'post',
      path: '/addin/file',
      tag: TAG,
      summary:
        'File the email as a reply on an SR: the engine\'s apply step (PUBLIC note, ticked attachments in "Other", status policy, history); once per (internetMessageId, SR)',
      access: 'agent',
      body: ZAddinFileRequest,
      responses: { 201: { description: 'Filed', schema: ZAddinFiled }, ...filingRefusals },
      handler: async ({ body, principal }) => {
        const filed = await fileEmail(deps, principal, {
          requestId: requestRef(body.requestId),
          message: toMailMessage(body.email),
          files: toReplyFiles(body.email, body.attachments),
          ...(body.email.mailbox ? { mailbox: body.email.mailbox } : {}),
        });
        return { status: 201, body: presentAddinFiled(filed, principal.name) };
      },
    }),
    defineRoute({
      method: 'post',
      path: '/addin/create',
      tag: TAG,
      summary:
        'Create a new SR from the email (requester = sender) with the email as its first PUBLIC note; refused when the email is already on an SR',
      access: 'agent',
      body: ZAddinCreateRequest,
      responses: { 201: { description: 'Created', schema: ZAddinCreated }, ...filingRefusals },
      handler: async ({ body, principal }) => {
        const created = await createRequestFromEmail(deps, principal, {
          message: toMailMessage(body.email),
          files: toReplyFiles(body.email, body.attachments),
          title: body.title ?? (body.email.subject.trim().slice(0, 200) || 'Email from Outlook'),
          priority: body.priority,
          ...(body.email.mailbox ? { mailbox: body.email.mailbox } : {}),
        });
        return { status: 201, body: presentAddinCreated(created, principal.name) };
      },
    }),
    defineRoute({
      method: 'post',
      path: '/addin/move',
      tag: TAG,
      summary:
        'Move an email filed on the wrong SR to another: the note and its attachments move, both histories record it',
      access: 'agent',
      body: ZAddinMoveRequest,
      responses: {
        200: { description: 'Moved', schema: ZAddinMoved },
        ...refused,
        ...conflict,
        404: { description: 'No such SR, or the email is not on it', schema: ZErrorBody },
      },
      handler: async ({ body, principal }) => {
        const moved = await moveFiledEmail(deps, principal, {
          internetMessageId: body.internetMessageId,
          fromRequestId: requestRef(body.fromRequestId),
          toRequestId: requestRef(body.toRequestId),
        });
        return { status: 200, body: presentAddinMoved(moved, principal.name) };
      },
    }),
  ];
}
