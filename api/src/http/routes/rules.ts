import { ZErrorBody } from '../../contract/common.js';
import { ZRule, ZRuleList, ZSaveRule } from '../../contract/rule.js';
import { createRule } from '../../services/rules/create-rule.js';
import { deleteRule } from '../../services/rules/delete-rule.js';
import type { ServiceDeps } from '../../services/deps.js';
import { getRule } from '../../services/rules/get-rule.js';
import { listRules } from '../../services/rules/list-rules.js';
import { updateRule } from '../../services/rules/update-rule.js';
import { defineRoute } from '../route.js';
import { ZIdParams } from './params.js';

const tag = 'Administration: rules';
const invalid = { description: 'Unknown template or status', schema: ZErrorBody };
const missing = { description: 'No such rule', schema: ZErrorBody };

export function ruleRoutes(deps: ServiceDeps) {
  return [
    defineRoute({
      method: 'get',
      path: '/admin/rules',
      tag,
      summary: 'List rules: when something happens to an SR, send a template to someone',
      access: 'admin',
      responses: { 200: { description: 'The rules', schema: ZRuleList } },
      handler: async () => {
        const items = await listRules(deps);
        return { status: 200, body: { items, total: items.length } };
      },
    }),
    defineRoute({
      method: 'post',
      path: '/admin/rules',
      tag,
      summary: 'Add a rule',
      access: 'admin',
      body: ZSaveRule,
      responses: { 201: { description: 'Created', schema: ZRule }, 400: invalid },
      handler: async ({ body }) => ({ status: 201, body: await createRule(deps, body) }),
    }),
    defineRoute({
      method: 'get',
      path: '/admin/rules/:id',
      tag,
      summary: 'Get a rule',
      access: 'admin',
      params: ZIdParams,
      responses: { 200: { description: 'The rule', schema: ZRule }, 404: missing },
      handler: async ({ params }) => ({ status: 200, body: await getRule(deps, params.id) }),
    }),
    defineRoute({
      method: 'put',
      path: '/admin/rules/:id',
      tag,
      summary: 'Replace a rule',
      access: 'admin',
      params: ZIdParams,
      body: ZSaveRule,
      responses: { 200: { description: 'Saved', schema: ZRule }, 400: invalid, 404: missing },
      handler: async ({ params, body }) => ({ status: 200, body: await updateRule(deps, params.id, body) }),
    }),
    defineRoute({
      method: 'delete',
      path: '/admin/rules/:id',
      tag,
      summary: 'Delete a rule',
      access: 'admin',
      params: ZIdParams,
      responses: { 204: { description: 'Deleted' }, 404: missing },
      handler: async ({ params }) => {
        await deleteRule(deps, params.id);
        return { status: 204 };
      },
    }),
  ];
}
