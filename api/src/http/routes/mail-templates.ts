import { ZErrorBody } from '../../contract/common.js';
import {
  ZMailTemplate,
  ZMailTemplateDefaults,
  ZMailTemplateList,
  ZMailTemplatePreview,
  ZPreviewMailTemplate,
  ZSaveMailTemplate,
} from '../../contract/mail-template.js';
import { MAX_TEMPLATE_BODY_CHARS, MAX_TEMPLATE_SUBJECT_CHARS } from '../../domain/check-mail-template.js';
import { PLACEHOLDERS } from '../../domain/mail-placeholders.js';
import { DEFAULT_REPLY_MARKER } from '../../domain/reply-marker.js';
import { requireRequestId } from '../../domain/service-request.js';
import { createMailTemplate } from '../../services/templates/create-mail-template.js';
import { deleteMailTemplate } from '../../services/templates/delete-mail-template.js';
import type { ServiceDeps } from '../../services/deps.js';
import { getMailTemplate } from '../../services/templates/get-mail-template.js';
import { listMailTemplates } from '../../services/templates/list-mail-templates.js';
import { previewMailTemplate } from '../../services/templates/preview-mail-template.js';
import { updateMailTemplate } from '../../services/templates/update-mail-template.js';
import { presentMailTemplate } from '../presenters/present-mail-template.js';
import { defineRoute } from '../route.js';
import { ZIdParams } from './params.js';

const tag = 'Administration: mail templates';
const invalid = {
  description:
    'Refused: reply text without #EC_ID# or with broken hashes, unknown placeholders, too long; details list [{ path, message }] per field',
  schema: ZErrorBody,
};
const missing = { description: 'No such template', schema: ZErrorBody };

export function mailTemplateRoutes(deps: ServiceDeps) {
  return [
    defineRoute({
      method: 'get',
      path: '/admin/mail/templates',
      tag,
      summary:
        'List mail templates (Administration > Mail > Templates); agents choose from them when emailing',
      access: 'agent',
      responses: { 200: { description: 'The templates', schema: ZMailTemplateList } },
      handler: async () => {
        const items = await listMailTemplates(deps);
        return { status: 200, body: { items: items.map(presentMailTemplate), total: items.length } };
      },
    }),
    defineRoute({
      method: 'get',
      path: '/admin/mail/templates/defaults',
      tag,
      summary: 'The example reply text ("Set Example text"), the placeholders and the limits',
      access: 'agent',
      responses: { 200: { description: 'Defaults for the template editor', schema: ZMailTemplateDefaults } },
      handler: async () => ({
        status: 200,
        body: {
          replyText: DEFAULT_REPLY_MARKER,
          placeholders: PLACEHOLDERS,
          limits: { subjectChars: MAX_TEMPLATE_SUBJECT_CHARS, bodyChars: MAX_TEMPLATE_BODY_CHARS },
        },
      }),
    }),
    defineRoute({
      method: 'post',
      path: '/admin/mail/templates',
      tag,
      summary: 'Add a mail template (the body is sanitised; a missing reply text gets the example line)',
      access: 'admin',
      body: ZSaveMailTemplate,
      responses: {
        201: { description: 'Created', schema: ZMailTemplate },
        400: invalid,
        409: { description: 'The name is taken', schema: ZErrorBody },
      },
      handler: async ({ body }) => ({
        status: 201,
        body: presentMailTemplate(await createMailTemplate(deps, body)),
      }),
    }),
    defineRoute({
      method: 'get',
      path: '/admin/mail/templates/:id',
      tag,
      summary: 'Get a mail template',
      access: 'agent',
      params: ZIdParams,
      responses: { 200: { description: 'The template', schema: ZMailTemplate }, 404: missing },
      handler: async ({ params }) => ({
        status: 200,
        body: presentMailTemplate(await getMailTemplate(deps, params.id)),
      }),
    }),
    defineRoute({
      method: 'put',
      path: '/admin/mail/templates/:id',
      tag,
      summary: 'Replace a mail template',
      access: 'admin',
      params: ZIdParams,
      body: ZSaveMailTemplate,
      responses: {
        200: { description: 'Saved', schema: ZMailTemplate },
        400: invalid,
        404: missing,
        409: { description: 'The name is taken', schema: ZErrorBody },
      },
      handler: async ({ params, body }) => ({
        status: 200,
        body: presentMailTemplate(await updateMailTemplate(deps, params.id, body)),
      }),
    }),
    defineRoute({
      method: 'delete',
      path: '/admin/mail/templates/:id',
      tag,
      summary: 'Delete a mail template (refused while a rule uses it)',
      access: 'admin',
      params: ZIdParams,
      responses: {
        204: { description: 'Deleted' },
        404: missing,
        409: { description: 'A rule uses it', schema: ZErrorBody },
      },
      handler: async ({ params }) => {
        await deleteMailTemplate(deps, params.id);
        return { status: 204 };
      },
    }),
    defineRoute({
      method: 'post',
      path: '/admin/mail/templates/:id/preview',
      tag,
      summary: 'Render a template against an SR, with a sample token, as it would be sent',
      access: 'admin',
      params: ZIdParams,
      body: ZPreviewMailTemplate,
      responses: {
        200: { description: 'The rendered email', schema: ZMailTemplatePreview },
        404: { description: 'No such template or SR', schema: ZErrorBody },
      },
      handler: async ({ params, body }) => {
        const preview = await previewMailTemplate(deps, params.id, requireRequestId(String(body.requestId)));
        return {
          status: 200,
          body: {
            subject: preview.subject,
            bodyHtml: preview.bodyHtml,
            bodyText: preview.bodyText,
            replyText: preview.markerLine,
            sampleToken: preview.sampleToken,
          },
        };
      },
    }),
  ];
}
