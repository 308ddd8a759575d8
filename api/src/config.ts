import { buildConfig, type Config } from './config/build-config.js';
import { ZEnv } from './config/env-schema.js';

// The one place that reads process.env (docs/architecture.md §6). What a valid environment is lives in
// config/env-schema.ts, the Config built from it in config/build-config.ts.
export type { Config } from './config/build-config.js';
export { CONFIG_VARIABLES } from './config/env-schema.js';

export type ConfigResult = { ok: true; config: Config } | { ok: false; problems: string[] };

/** The process's own environment: this file is the one place that reads process.env (docs/architecture.md §6). */
export function readConfig(): ConfigResult {
  return parseConfig(process.env);
}

/** Parses the environment once and lists every problem, not just the first. */
export function parseConfig(env: NodeJS.ProcessEnv): ConfigResult {
  // An empty value (PUBLIC_URL= in a copied .env.example) means "not set", not "set to nothing".
  const present = Object.fromEntries(Object.entries(env).filter(([, value]) => value !== ''));
  const parsed = ZEnv.safeParse(present);
  const problems = [
    ...retired(present),
    ...(parsed.success
      ? []
      : parsed.error.issues.map((i) => `${i.path.join('.') || 'environment'}: ${i.message}`)),
  ];
  if (!parsed.success || problems.length > 0) return { ok: false, problems };
  return { ok: true, config: buildConfig(parsed.data) };
}

/**
 * Demo mode's sign-in hands anyone an admin token, so a demo listens on the loopback interface unless the admin
 * names a host; otherwise every interface (undefined), as a server in a container or behind a proxy needs.
 */
export function listenHost(config: Pick<Config, 'host' | 'demo'>): string | undefined {
  return config.host ?? (config.demo ? '127.0.0.1' : undefined);
}

/** Variables the API no longer reads, refused with the reason so a deployment does not silently lose their effect. */
function retired(env: NodeJS.ProcessEnv): string[] {
  if (env.ADMIN_UPNS === undefined) return [];
  return [
    'ADMIN_UPNS: no longer read: a UPN or email address can be changed or handed to another user, so Microsoft advises against ' +
      'authorising by it. Name admins by object id in ADMIN_OBJECT_IDS (Entra admin center > Users > Object ID), or assign the ServiceDesk.Admin app role.',
  ];
}
