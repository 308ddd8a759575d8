import { ZErrorBody } from '../../contract/common.js';
import {
  ZCreateMailAccount,
  ZMailAccount,
  ZMailAccountList,
  ZUpdateMailAccount,
} from '../../contract/mail-account.js';
import { createMailAccount } from '../../services/mail-accounts/create-mail-account.js';
import { deleteMailAccount } from '../../services/mail-accounts/delete-mail-account.js';
import type { ServiceDeps } from '../../services/deps.js';
import { getMailAccount } from '../../services/mail-accounts/get-mail-account.js';
import { listMailAccounts } from '../../services/mail-accounts/list-mail-accounts.js';
import { updateMailAccount } from '../../services/mail-accounts/update-mail-account.js';
import { presentMailAccount } from '../presenters/present-mail-account.js';
import { defineRoute } from '../route.js';
import { ZIdParams } from './params.js';

const tag = 'Administration: mail accounts';
const conflict = {
  description:
    'Default moves to this account without replacesDefault naming the current one, a duplicate address, or a change made meanwhile',
  schema: ZErrorBody,
};
const refused = {
  description:
    'Default refused: Service Messaging is off for the account, or it fails Test connection (nothing is stored); or service messaging without the PUBLIC note type',
  schema: ZErrorBody,
};

export function mailAccountRoutes(deps: ServiceDeps) {
  return [
    defineRoute({
      method: 'get',
      path: '/admin/mail/accounts',
      tag,
      summary: 'List mail accounts (Administration > Mail > Accounts > Email)',
      access: 'admin',
      responses: { 200: { description: 'The accounts', schema: ZMailAccountList } },
      handler: async () => {
        const items = await listMailAccounts(deps);
        return { status: 200, body: { items: items.map(presentMailAccount), total: items.length } };
      },
    }),
    defineRoute({
      method: 'post',
      path: '/admin/mail/accounts',
      tag,
      summary: 'Add a mail account',
      access: 'admin',
      body: ZCreateMailAccount,
      responses: { 201: { description: 'Created', schema: ZMailAccount }, 409: conflict, 422: refused },
      handler: async ({ body }) => ({
        status: 201,
        body: presentMailAccount(await createMailAccount(deps, body)),
      }),
    }),
    defineRoute({
      method: 'get',
      path: '/admin/mail/accounts/:id',
      tag,
      summary: 'Get a mail account',
      access: 'admin',
      params: ZIdParams,
      responses: {
        200: { description: 'The account', schema: ZMailAccount },
        404: { description: 'No such account', schema: ZErrorBody },
      },
      handler: async ({ params }) => ({
        status: 200,
        body: presentMailAccount(await getMailAccount(deps, params.id)),
      }),
    }),
    defineRoute({
      method: 'patch',
      path: '/admin/mail/accounts/:id',
      tag,
      summary: 'Change a mail account (the secret is write-only)',
      access: 'admin',
      params: ZIdParams,
      body: ZUpdateMailAccount,
      responses: { 200: { description: 'Updated', schema: ZMailAccount }, 409: conflict, 422: refused },
      handler: async ({ params, body }) => ({
        status: 200,
        body: presentMailAccount(await updateMailAccount(deps, params.id, body)),
      }),
    }),
    defineRoute({
      method: 'delete',
      path: '/admin/mail/accounts/:id',
      tag,
      summary: 'Remove a mail account',
      access: 'admin',
      params: ZIdParams,
      responses: {
        204: { description: 'Removed' },
        404: { description: 'No such account', schema: ZErrorBody },
      },
      handler: async ({ params }) => {
        await deleteMailAccount(deps, params.id);
        return { status: 204 };
      },
    }),
  ];
}
