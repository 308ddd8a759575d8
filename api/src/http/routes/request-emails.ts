import { ZErrorBody } from '../../contract/common.js';
import {
  ZEmailPreview,
  ZFillSnippet,
  ZOutboundEmailList,
  ZSendEmail,
  ZSentEmail,
  ZSnippet,
} from '../../contract/outbound-email.js';
import type { ServiceDeps } from '../../services/deps.js';
import { fillTemplateSnippet } from '../../services/outbound/fill-template-snippet.js';
import { listRequestEmails } from '../../services/outbound/list-request-emails.js';
import { previewRequestEmail } from '../../services/outbound/preview-request-email.js';
import { sendRequestEmail } from '../../services/outbound/send-request-email.js';
import { presentOutboundEmail } from '../presenters/present-outbound-email.js';
import { defineRoute } from '../route.js';
import { ZRequestParams } from './params.js';

const tag = 'Emails';

// What the send and its preview both refuse, for the same reasons (they share the draft step).
const REFUSALS = {
  400: {
    description: 'Invalid recipients, unknown placeholders, attachments not of this SR',
    schema: ZErrorBody,
  },
  404: { description: 'No such SR or template', schema: ZErrorBody },
  413: { description: 'Attachments over 150 MB', schema: ZErrorBody },
  422: { description: 'No Default mail account, or Service Messaging off', schema: ZErrorBody },
} as const;

export function requestEmailRoutes(deps: ServiceDeps) {
  return [
    defineRoute({
      method: 'post',
      path: '/requests/:id/emails',
      tag,
      summary: 'Email from an SR through the Default account, with the reply line and the SR token',
      access: 'agent',
      params: ZRequestParams,
      body: ZSendEmail,
      responses: {
        201: { description: 'Sent, or queued for the next free sending slot', schema: ZSentEmail },
        ...REFUSALS,
        502: {
          description: 'Graph refused the email; it is recorded as failed and nothing was sent',
          schema: ZErrorBody,
        },
      },
      handler: async ({ params, body, principal }) => {
        const email = await sendRequestEmail(deps, principal, params.id, body);
        return {
          status: 201,
          body: {
            outboundId: email.id,
            internetMessageId: email.internetMessageId,
            status: email.status,
            ...(email.statusReason ? { statusReason: email.statusReason } : {}),
          },
        };
      },
    }),
    defineRoute({
      method: 'post',
      path: '/requests/:id/emails/preview',
      tag,
      summary:
        'What sending this body from the SR would send, with a sample token; nothing is recorded or sent',
      access: 'agent',
      params: ZRequestParams,
      body: ZSendEmail,
      responses: {
        200: { description: 'The rendered email', schema: ZEmailPreview },
        ...REFUSALS,
      },
      handler: async ({ params, body }) => {
        const preview = await previewRequestEmail(deps, params.id, body);
        return {
          status: 200,
          body: {
            subject: preview.subject,
            bodyHtml: preview.bodyHtml,
            bodyText: preview.bodyText,
            replyText: preview.markerLine,
            sampleToken: preview.sampleToken,
            to: preview.to,
            cc: preview.cc,
          },
        };
      },
    }),
    defineRoute({
      method: 'post',
      path: '/requests/:id/snippets',
      tag,
      summary:
        'A template as a composer snippet: its subject and body with the placeholders filled from the SR; nothing is recorded',
      access: 'agent',
      params: ZRequestParams,
      body: ZFillSnippet,
      responses: {
        200: { description: 'The filled snippet', schema: ZSnippet },
        404: { description: 'No such SR or template', schema: ZErrorBody },
      },
      handler: async ({ params, body }) => ({
        status: 200,
        body: await fillTemplateSnippet(deps, params.id, body.templateId),
      }),
    }),
    defineRoute({
      method: 'get',
      path: '/requests/:id/emails',
      tag,
      summary: "The SR's outbound log: emails sent, queued, failed or stopped",
      access: 'agent',
      params: ZRequestParams,
      responses: {
        200: { description: 'The emails, oldest first', schema: ZOutboundEmailList },
        404: { description: 'No such SR', schema: ZErrorBody },
      },
      handler: async ({ params }) => {
        const items = await listRequestEmails(deps, params.id);
        return { status: 200, body: { items: items.map(presentOutboundEmail), total: items.length } };
      },
    }),
  ];
}
