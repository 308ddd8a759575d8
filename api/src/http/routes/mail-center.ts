import { z } from 'zod';
import { ZErrorBody } from '../../contract/common.js';
import { ZEmailOriginal } from '../../contract/email-original.js';
import {
  ZBulkDiscard,
  ZBulkDiscardResult,
  ZCreateRequestResult,
  ZLinkMailCenterItem,
  ZLinkResult,
  ZMailCenterItem,
  ZMailCenterList,
  ZMailCenterQuery,
} from '../../contract/mail-center.js';
import { parseSrRef } from '../../domain/service-request.js';
import { createRequestFromMailCenterItem } from '../../services/mail-center/create-request-from-mail-center-item.js';
import type { ServiceDeps } from '../../services/deps.js';
import {
  discardMailCenterItem,
  discardMailCenterItems,
} from '../../services/mail-center/discard-mail-center-items.js';
import { getMailCenterItem } from '../../services/mail-center/get-mail-center-item.js';
import { listHeldReplies } from '../../services/mail-center/held-replies.js';
import { listStatuses } from '../../services/settings/list-statuses.js';
import { linkMailCenterItem } from '../../services/mail-center/link-mail-center-item.js';
import { listMailCenterItems } from '../../services/mail-center/list-mail-center-items.js';
import { openMailCenterOriginal } from '../../services/mail-center/open-mail-center-original.js';
import { viewMailCenterOriginal } from '../../services/mail-center/view-mail-center-original.js';
import { reprocessMailCenterItem } from '../../services/mail-center/reprocess-mail-center-item.js';
import { presentMailCenterItem } from '../presenters/present-mail-center-item.js';
import { presentNote } from '../presenters/present-note.js';
import { presentRequest } from '../presenters/present-request.js';
import { defineRoute } from '../route.js';
import { sendDownload } from '../send-download.js';
import { ZRequestParams } from './params.js';

const tag = 'Mail Center';
const ZItemParams = z.object({ itemId: z.string().min(1).max(100) });
const notFound = { description: 'No such item', schema: ZErrorBody };
const conflict = {
  description: 'The item was already linked, turned into an SR or discarded',
  schema: ZErrorBody,
};

export function mailCenterRoutes(deps: ServiceDeps) {
  return [
    defineRoute({
      method: 'get',
      path: '/requests/:id/held-replies',
      tag,
      summary:
        'Replies that arrived after the SR closed and wait in the Mail Center (the closed-SR policy held them)',
      access: 'agent',
      params: ZRequestParams,
      responses: {
        200: { description: 'The open Mail Center items for this SR, oldest first', schema: ZMailCenterList },
        404: { description: 'No such SR', schema: ZErrorBody },
      },
      handler: async ({ params }) => {
        const items = await listHeldReplies(deps, params.id);
        return { status: 200, body: { items: items.map(presentMailCenterItem), total: items.length } };
      },
    }),
    defineRoute({
      method: 'get',
      path: '/mail-center',
      tag,
      summary: 'Emails that did not become notes, newest first (filter by reason and state, search)',
      access: 'agent',
      query: ZMailCenterQuery,
      responses: { 200: { description: 'A page of items', schema: ZMailCenterList } },
      handler: async ({ query }) => {
        const page = await listMailCenterItems(deps, query);
        return { status: 200, body: { ...page, items: page.items.map(presentMailCenterItem) } };
      },
    }),
    defineRoute({
      method: 'post',
      path: '/mail-center/discard',
      tag,
      summary: 'Discard several items at once',
      access: 'agent',
      body: ZBulkDiscard,
      responses: {
        200: {
          description: 'How many were discarded; items no longer open are skipped',
          schema: ZBulkDiscardResult,
        },
      },
      handler: async ({ body, principal }) => ({
        status: 200,
        body: await discardMailCenterItems(deps, principal, body.itemIds),
      }),
    }),
    defineRoute({
      method: 'get',
      path: '/mail-center/:itemId',
      tag,
      summary: 'One item with its reason and evidence',
      access: 'agent',
      params: ZItemParams,
      responses: { 200: { description: 'The item', schema: ZMailCenterItem }, 404: notFound },
      handler: async ({ params }) => ({
        status: 200,
        body: presentMailCenterItem(await getMailCenterItem(deps, params.itemId)),
      }),
    }),
    defineRoute({
      method: 'get',
      path: '/mail-center/:itemId/original',
      tag,
      summary: 'The stored original: MIME (.eml) or, when the mailbox could not give it, Graph JSON',
      access: 'agent',
      params: ZItemParams,
      responses: {
        200: { description: 'The original email', contentType: 'message/rfc822' },
        404: notFound,
      },
      handler: async ({ params, res }) => {
        return sendDownload(res, await openMailCenterOriginal(deps, params.itemId));
      },
    }),
    defineRoute({
      method: 'get',
      path: '/mail-center/:itemId/original/view',
      tag,
      summary: 'The email for the screen: headers and the whole body with its line breaks, sanitised',
      access: 'agent',
      params: ZItemParams,
      responses: {
        200: { description: 'The original, read', schema: ZEmailOriginal },
        404: notFound,
        413: { description: 'Too large to show; download the original instead', schema: ZErrorBody },
      },
      handler: async ({ params }) => ({
        status: 200,
        body: await viewMailCenterOriginal(deps, params.itemId),
      }),
    }),
    defineRoute({
      method: 'post',
      path: '/mail-center/:itemId/link',
      tag,
      summary:
        'File the email as a note on an SR (same apply step as the engine; history says "linked manually")',
      access: 'agent',
      params: ZItemParams,
      body: ZLinkMailCenterItem,
      responses: {
        200: { description: 'The item and the note', schema: ZLinkResult },
        404: notFound,
        409: conflict,
      },
      handler: async ({ params, body, principal }) => {
        const result = await linkMailCenterItem(
          deps,
          principal,
          params.itemId,
          parseSrRef(body.requestId) ?? 0,
          body.status,
        );
        return {
          status: 200,
          body: { item: presentMailCenterItem(result.item), note: presentNote(result.note) },
        };
      },
    }),
    defineRoute({
      method: 'post',
      path: '/mail-center/:itemId/create-request',
      tag,
      summary: 'Create a new SR from the email (sender as requester), with the email as its first note',
      access: 'agent',
      params: ZItemParams,
      responses: {
        201: { description: 'The item, the SR and the note', schema: ZCreateRequestResult },
        404: notFound,
        409: conflict,
      },
      handler: async ({ params, principal }) => {
        const result = await createRequestFromMailCenterItem(deps, principal, params.itemId);
        const statuses = await listStatuses(deps);
        return {
          status: 201,
          body: {
            item: presentMailCenterItem(result.item),
            request: presentRequest(result.request, statuses),
            note: presentNote(result.note),
          },
        };
      },
    }),
    defineRoute({
      method: 'post',
      path: '/mail-center/:itemId/discard',
      tag,
      summary: 'Discard the email',
      access: 'agent',
      params: ZItemParams,
      responses: { 200: { description: 'The item', schema: ZMailCenterItem }, 404: notFound, 409: conflict },
      handler: async ({ params, principal }) => ({
        status: 200,
        body: presentMailCenterItem(await discardMailCenterItem(deps, principal, params.itemId)),
      }),
    }),
    defineRoute({
      method: 'post',
      path: '/mail-center/:itemId/reprocess',
      tag,
      summary: 'Run the pipeline again on the stored original (after a configuration fix)',
      access: 'agent',
      params: ZItemParams,
      responses: {
        200: {
          description: 'The item: linked when it became a note, else open with the new reason',
          schema: ZMailCenterItem,
        },
        404: notFound,
        409: conflict,
      },
      handler: async ({ params, principal }) => ({
        status: 200,
        body: presentMailCenterItem(await reprocessMailCenterItem(deps, principal, params.itemId)),
      }),
    }),
  ];
}
