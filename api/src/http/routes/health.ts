import { ZHealth, type THealth } from '../../contract/health.js';
import { defineRoute } from '../route.js';

export type HealthCheck = () => Promise<{ name: string; ok: boolean; detail?: string; warning?: string }>;
/** Which instance answered and the leases it holds (docs/architecture.md §4, "Several instances"). */
export type InstanceInfo = () => Promise<NonNullable<THealth['instance']>>;

/** Public, so load balancers and `npm start` can probe it; it says whether each dependency answered, never secrets. */
export function healthRoutes(
  info: { version: string; mode: THealth['mode']; instance?: InstanceInfo },
  checks: readonly HealthCheck[],
) {
  return [
    defineRoute({
      method: 'get',
      path: '/health',
      tag: 'Health',
      summary: 'Is the API up, and did its dependencies answer?',
      access: 'public',
      responses: { 200: { description: 'Up (status says whether everything answered)', schema: ZHealth } },
      handler: async () => {
        const results = await Promise.all(
          checks.map((check) =>
            check().catch((err: unknown) => ({ name: 'check', ok: false, detail: String(err) })),
          ),
        );
        // A database that cannot answer leaves the instance's id without its leases, rather than failing the probe.
        const instance = info.instance ? await info.instance().catch(() => undefined) : undefined;
        const body: THealth = {
          status: results.every((r) => r.ok) ? 'ok' : 'degraded',
          version: info.version,
          mode: info.mode,
          checks: results,
          ...(instance ? { instance } : {}),
        };
        return { status: 200, body };
      },
    }),
  ];
}
