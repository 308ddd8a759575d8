import { ZErrorBody } from '../../contract/common.js';
import { ZSettings, ZStatusList } from '../../contract/settings.js';
import type { ServiceDeps } from '../../services/deps.js';
import { getSettings } from '../../services/settings/get-settings.js';
import { listStatuses } from '../../services/settings/list-statuses.js';
import { updateSettings } from '../../services/settings/update-settings.js';
import { defineRoute } from '../route.js';

export function settingsRoutes(deps: ServiceDeps) {
  return [
    defineRoute({
      method: 'get',
      path: '/statuses',
      tag: 'Service Requests',
      summary: "The desk's statuses, in order",
      access: 'agent',
      responses: { 200: { description: 'Statuses', schema: ZStatusList } },
      handler: async () => {
        const items = await listStatuses(deps);
        return { status: 200, body: { items, total: items.length } };
      },
    }),
    defineRoute({
      method: 'get',
      path: '/admin/settings',
      tag: 'Administration: service messaging',
      summary:
        'Service messaging policy: statuses, reply status policy, sender and closed-SR policy, attachment block list, rate limits',
      access: 'admin',
      responses: { 200: { description: 'The settings', schema: ZSettings } },
      handler: async () => ({ status: 200, body: await getSettings(deps) }),
    }),
    defineRoute({
      method: 'put',
      path: '/admin/settings',
      tag: 'Administration: service messaging',
      summary: 'Replace the service messaging policy',
      access: 'admin',
      body: ZSettings,
      responses: {
        200: { description: 'Saved', schema: ZSettings },
        409: { description: 'A removed status is still in use', schema: ZErrorBody },
      },
      handler: async ({ body }) => {
        // Read-only: what GET said, sent back with the rest; the installation's defaults are not the admin's to set.
        const { rateLimitDefaults: _defaults, ...settings } = body;
        return { status: 200, body: await updateSettings(deps, settings) };
      },
    }),
  ];
}
