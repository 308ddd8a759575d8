import { ZErrorBody } from '../../contract/common.js';
import { ZHistoryList } from '../../contract/history.js';
import type { ServiceDeps } from '../../services/deps.js';
import { listHistory } from '../../services/requests/list-history.js';
import { defineRoute } from '../route.js';
import { ZRequestParams } from './params.js';

export function historyRoutes(deps: ServiceDeps) {
  return [
    defineRoute({
      method: 'get',
      path: '/requests/:id/history',
      tag: 'History',
      summary: "An SR's audit trail, newest first",
      access: 'agent',
      params: ZRequestParams,
      responses: {
        200: { description: 'The history', schema: ZHistoryList },
        404: { description: 'No such SR', schema: ZErrorBody },
      },
      handler: async ({ params }) => {
        const entries = await listHistory(deps, params.id);
        return { status: 200, body: { items: entries, total: entries.length } };
      },
    }),
  ];
}
