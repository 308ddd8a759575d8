import { existsSync } from 'node:fs';
import { resolve } from 'node:path';
import { demoTenantEnvironment, spawnApi } from './api-process.js';

// `npm run serve`: the API alone, for a real tenant (its settings in the environment or ./.env) or an emulator
// started with `npm run emulator`. With DEMO=1 EMULATOR_URL=https://localhost:PORT it joins that emulator's demo
// tenant as `npm start` does, its CA trusted. Several of these on one DATABASE_URL make a cluster
// (docs/architecture.md §4, "Several instances"). Unlike `npm start` it builds nothing and starts no emulator.

if (existsSync('.env')) process.loadEnvFile('.env');

function environment(): NodeJS.ProcessEnv {
  if (process.env.DEMO !== '1') return process.env;
  const url = process.env.EMULATOR_URL;
  if (!url) {
    console.error(
      'DEMO=1 needs EMULATOR_URL, the emulator to join (npm run emulator prints it), e.g. EMULATOR_URL=https://localhost:8443',
    );
    process.exit(2);
  }
  // Where `npm run emulator` keeps its CA by default (and npm start, under DATA_DIR), unless told otherwise.
  const caFile =
    process.env.EMULATOR_CA_FILE ??
    resolve(
      process.env.EMULATOR_DATA_DIR ?? resolve(process.env.DATA_DIR ?? '.data', 'emulator'),
      'emulator-ca.pem',
    );
  if (!existsSync(caFile)) {
    console.error(
      `The emulator's CA certificate is not at ${caFile}: set EMULATOR_CA_FILE (npm run emulator prints it).`,
    );
    process.exit(2);
  }
  return { ...process.env, ...demoTenantEnvironment({ url }, caFile) };
}

const env = environment();
if (env.NODE_EXTRA_CA_CERTS === process.env.NODE_EXTRA_CA_CERTS) {
  // Nothing Node reads only at start-up changes: run the API in this process, so a signal sent to it reaches the API.
  Object.assign(process.env, env);
  await import('../api/src/main.js');
} else {
  const api = spawnApi(env, ['inherit', 'inherit', 'inherit', process.send ? 'ipc' : 'ignore']);
  api.on('message', (message) => process.send?.(message));
  for (const signal of ['SIGINT', 'SIGTERM'] as const) process.once(signal, () => api.kill(signal));
  api.once('exit', (code) => process.exit(code ?? 1));
}
