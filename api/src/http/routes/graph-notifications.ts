import { z } from 'zod';
import { receiveGraphNotifications } from '../../services/inbound/receive-graph-notifications.js';
import type { ServiceDeps } from '../../services/deps.js';
import { defineRoute } from '../route.js';

// Microsoft Graph posts change notifications and lifecycle events here. Public: Graph sends no token; each
// notification proves itself with the subscription's clientState instead. Answered at once (Graph wants 2xx within
// 3 s, docs/graph-behaviour.md C19); the sync runs afterwards.
// https://learn.microsoft.com/graph/change-notifications-delivery-webhooks

const ZQuery = z.object({ validationToken: z.string().max(2048).optional() });
const ZBody = z.object({ value: z.array(z.unknown()).max(1000) }).optional();

export function graphNotificationRoutes(deps: ServiceDeps) {
  return [
    defineRoute({
      method: 'post',
      path: '/graph/notifications',
      tag: 'Microsoft Graph',
      summary: 'Change notifications and lifecycle events from Graph (and the validation handshake)',
      access: 'public',
      query: ZQuery,
      body: ZBody,
      responses: {
        200: {
          description: 'Validation handshake: the decoded validationToken echoed as text/plain',
          contentType: 'text/plain',
        },
        202: { description: 'Accepted; a sync is scheduled for each notification whose clientState matches' },
      },
      handler: async ({ query, body, res }) => {
        if (query.validationToken !== undefined) {
          res.status(200).type('text/plain').send(query.validationToken);
          return undefined;
        }
        receiveGraphNotifications(deps, body?.value ?? []);
        return { status: 202 };
      },
    }),
  ];
}
