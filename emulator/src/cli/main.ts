import { resolve } from 'node:path';
import { startEmulator, type Knobs } from '../index.js';

// `npm run emulator`: the emulator on its own. Every setting comes from the environment (emulator/README.md).
const env = process.env;
const flag = (name: string, fallback: boolean): boolean =>
  env[name] === undefined ? fallback : !['0', 'false', 'no'].includes(env[name]!.toLowerCase());
const number = (name: string): number | undefined =>
  env[name] === undefined ? undefined : Number(env[name]);

const dataDir = resolve(env.EMULATOR_DATA_DIR ?? '.data/emulator');
// Any other knob as JSON, e.g. EMULATOR_KNOBS='{"irregularPaging":true,"sentItemsDelayMs":2000}'.
const knobs = env.EMULATOR_KNOBS ? (JSON.parse(env.EMULATOR_KNOBS) as Partial<Knobs>) : {};
const emulator = await startEmulator({
  port: number('EMULATOR_PORT') ?? 8443,
  host: env.EMULATOR_HOST ?? '127.0.0.1',
  dataDir,
  caDir: resolve(env.EMULATOR_CA_DIR ?? dataDir),
  snapshot: flag('EMULATOR_SNAPSHOT', true),
  seed: flag('EMULATOR_SEED', true),
  serviceMailboxes: number('EMULATOR_SERVICE_MAILBOXES') ?? 1,
  knobs,
  throttle: flag('EMULATOR_THROTTLE', knobs.throttle ?? false),
  ...(number('EMULATOR_LATENCY_MS') !== undefined ? { latencyMs: number('EMULATOR_LATENCY_MS') } : {}),
  ...(number('EMULATOR_TOKEN_LIFETIME_SEC') !== undefined
    ? { tokenLifetimeSec: number('EMULATOR_TOKEN_LIFETIME_SEC') }
    : {}),
});

const mailApp = emulator.tenant.apps.find((a) => a.clientSecret !== null);
console.log(`M365 emulator on ${emulator.url}
  tenant        ${emulator.tenant.tenantId} (${emulator.tenant.domains.join(', ')})
  authority     ${emulator.tenant.authority}
  graph         ${emulator.graphBaseUrl}
  mail app      ${mailApp?.clientId} (secret: GET ${emulator.url}/_emulator/tenant)
  trust the CA  NODE_EXTRA_CA_CERTS=${emulator.caCertFile}`);

const stop = (): void => {
  void emulator.close().then(() => process.exit(0));
};
process.once('SIGINT', stop);
process.once('SIGTERM', stop);
