import { ZErrorBody } from '../../contract/common.js';
import {
  ZCreateServiceRequest,
  ZListServiceRequestsQuery,
  ZServiceRequest,
  ZServiceRequestList,
  ZUpdateServiceRequest,
} from '../../contract/service-request.js';
import { createRequest } from '../../services/requests/create-request.js';
import type { ServiceDeps } from '../../services/deps.js';
import { getRequest } from '../../services/requests/get-request.js';
import { listRequests } from '../../services/requests/list-requests.js';
import { listStatuses } from '../../services/settings/list-statuses.js';
import { updateRequest } from '../../services/requests/update-request.js';
import { requestsWithHeldReplies } from '../../services/mail-center/held-replies.js';
import { presentRequest } from '../presenters/present-request.js';
import { defineRoute } from '../route.js';
import { ZRequestParams } from './params.js';

const notFound = { description: 'No such SR', schema: ZErrorBody };

export function requestRoutes(deps: ServiceDeps) {
  return [
    defineRoute({
      method: 'get',
      path: '/requests',
      tag: 'Service Requests',
      summary: 'List SRs with search, filters, sorting and paging',
      access: 'agent',
      query: ZListServiceRequestsQuery,
      responses: { 200: { description: 'A page of SRs', schema: ZServiceRequestList } },
      handler: async ({ query, principal }) => {
        const [page, statuses, held] = await Promise.all([
          listRequests(deps, principal, query),
          listStatuses(deps),
          requestsWithHeldReplies(deps),
        ]);
        return {
          status: 200,
          body: { ...page, items: page.items.map((sr) => presentRequest(sr, statuses, held)) },
        };
      },
    }),
    defineRoute({
      method: 'post',
      path: '/requests',
      tag: 'Service Requests',
      summary: 'Create an SR',
      access: 'agent',
      body: ZCreateServiceRequest,
      responses: { 201: { description: 'Created', schema: ZServiceRequest } },
      handler: async ({ body, principal, res }) => {
        const [sr, statuses] = await Promise.all([createRequest(deps, principal, body), listStatuses(deps)]);
        const presented = presentRequest(sr, statuses);
        res.location(`/api/requests/${presented.number}`);
        return { status: 201, body: presented };
      },
    }),
    defineRoute({
      method: 'get',
      path: '/requests/:id',
      tag: 'Service Requests',
      summary: 'Get an SR',
      access: 'agent',
      params: ZRequestParams,
      responses: { 200: { description: 'The SR', schema: ZServiceRequest }, 404: notFound },
      handler: async ({ params }) => {
        const [sr, statuses, held] = await Promise.all([
          getRequest(deps, params.id),
          listStatuses(deps),
          requestsWithHeldReplies(deps),
        ]);
        return { status: 200, body: presentRequest(sr, statuses, held) };
      },
    }),
    defineRoute({
      method: 'patch',
      path: '/requests/:id',
      tag: 'Service Requests',
      summary: 'Change status, assignee, participants or details of an SR',
      access: 'agent',
      params: ZRequestParams,
      body: ZUpdateServiceRequest,
      responses: { 200: { description: 'The SR after the change', schema: ZServiceRequest }, 404: notFound },
      handler: async ({ params, body, principal }) => {
        const [sr, statuses] = await Promise.all([
          updateRequest(deps, principal, params.id, body),
          listStatuses(deps),
        ]);
        return { status: 200, body: presentRequest(sr, statuses) };
      },
    }),
  ];
}
