import { ZMe } from '../../contract/me.js';
import { defineRoute } from '../route.js';

/** Who the API thinks the caller is, with the roles it grants (a token's roles plus ADMIN_OBJECT_IDS), so the UI shows what the API allows. */
export function meRoutes() {
  return [
    defineRoute({
      method: 'get',
      path: '/me',
      tag: 'Health',
      summary: 'The signed-in user and the roles this API grants them',
      access: 'agent',
      responses: { 200: { description: 'The caller', schema: ZMe } },
      handler: async ({ principal }) => ({
        status: 200,
        body: { id: principal.id, name: principal.name, email: principal.email, roles: principal.roles },
      }),
    }),
  ];
}
