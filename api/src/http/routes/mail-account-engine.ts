import { ZErrorBody } from '../../contract/common.js';
import { ZAccountHealth, ZConnectionTest, ZSyncReport } from '../../contract/mail-health.js';
import type { ServiceDeps } from '../../services/deps.js';
import { getMailAccountHealth } from '../../services/mail-accounts/get-mail-account-health.js';
import { syncMailAccount } from '../../services/mail-accounts/sync-mail-account.js';
import { testMailAccount } from '../../services/mail-accounts/test-mail-account.js';
import { defineRoute } from '../route.js';
import { ZIdParams } from './params.js';

const tag = 'Administration: mail accounts';
const notFound = { description: 'No such account', schema: ZErrorBody };

export function mailAccountEngineRoutes(deps: ServiceDeps) {
  return [
    defineRoute({
      method: 'get',
      path: '/admin/mail/accounts/:id/health',
      tag,
      summary: 'Last sync, last 24 h, subscription, last error in plain language, secret expiry',
      access: 'admin',
      params: ZIdParams,
      responses: { 200: { description: 'The health card', schema: ZAccountHealth }, 404: notFound },
      handler: async ({ params }) => ({ status: 200, body: await getMailAccountHealth(deps, params.id) }),
    }),
    defineRoute({
      method: 'post',
      path: '/admin/mail/accounts/:id/test',
      tag,
      summary: 'Test connection: token, mailbox, folder, send permission',
      access: 'admin',
      params: ZIdParams,
      responses: {
        200: { description: 'Each step and what it found', schema: ZConnectionTest },
        404: notFound,
      },
      handler: async ({ params }) => ({ status: 200, body: await testMailAccount(deps, params.id) }),
    }),
    defineRoute({
      method: 'post',
      path: '/admin/mail/accounts/:id/sync',
      tag,
      summary: 'Sync now: answers when the sync has finished, with its counts',
      access: 'admin',
      params: ZIdParams,
      responses: {
        200: { description: 'The sync report', schema: ZSyncReport },
        404: notFound,
        422: {
          description: 'Service Messaging is off, no secret, or the PUBLIC note type is missing',
          schema: ZErrorBody,
        },
        502: {
          description: 'Microsoft 365 refused or failed (the health card explains)',
          schema: ZErrorBody,
        },
      },
      handler: async ({ params }) => ({ status: 200, body: await syncMailAccount(deps, params.id) }),
    }),
  ];
}
