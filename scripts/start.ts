import { spawnSync } from 'node:child_process';
import { existsSync } from 'node:fs';
import { resolve } from 'node:path';
import { startEmulator } from '../emulator/src/index.js';
import { demoTenantEnvironment, listeningPort, spawnApi } from './api-process.js';
import { addDemoImapAccount, DEMO_IMAP_MAILBOX, startDemoImap, type DemoImap } from './demo-imap.js';

// `npm start`: builds the front ends when they are missing, then runs the API. With no real tenant
// configured (no AAD_APP_CLIENT_ID, or DEMO=1) it first starts the M365 emulator and runs the API in demo
// mode against it: the same code paths as production, pointed at https://localhost:8443.

// ./.env (git-ignored; teamsapp.local.yml writes it) holds a real tenant's settings. Node 20.12+ reads it natively.
if (existsSync('.env')) process.loadEnvFile('.env');

const requestedPort = Number(process.env.PORT ?? 3978);
const scheme = process.env.SSL_CRT_FILE ? 'https' : 'http';
const dataDir = resolve(process.env.DATA_DIR ?? '.data');
const demo = process.env.DEMO === '1' || !process.env.AAD_APP_CLIENT_ID;

function buildFrontEnds(): void {
  for (const [name, script, output] of [
    ['tab', 'build:tab', 'tab/dist/index.html'],
    ['add-in', 'build:addin', 'addin/dist/taskpane.html'],
  ] as const) {
    if (existsSync(output) || !hasScript(script)) continue;
    console.log(`Building the ${name} (first start only; npm run ${script} rebuilds it) ...`);
    const result = spawnSync('npm', ['run', '--silent', script], { stdio: 'inherit' });
    if (result.status !== 0) process.exit(result.status ?? 1);
  }
}

function hasScript(name: string): boolean {
  return spawnSync('npm', ['pkg', 'get', `scripts.${name}`], { encoding: 'utf8' }).stdout.trim() !== '{}';
}

let demoImap: DemoImap | undefined;
let emulatorCa = '';

async function demoEnvironment(): Promise<{ env: NodeJS.ProcessEnv; emulatorPort: number }> {
  const emulator = await startEmulator({
    port: Number(process.env.EMULATOR_PORT ?? 8443),
    dataDir: resolve(dataDir, 'emulator'),
    snapshot: true,
  });
  console.log(
    `M365 emulator (Entra + Graph mail): ${emulator.url}  (control API: ${emulator.url}/_emulator/tenant)`,
  );
  emulatorCa = emulator.caCertFile;
  if (process.env.DEMO_IMAP === '1') demoImap = await startDemoImap(emulator.caCertFile);
  // The CA is trusted through NODE_EXTRA_CA_CERTS, read by Node only at process start: hence the API as a child.
  return { emulatorPort: emulator.port, env: demoTenantEnvironment(emulator, emulator.caCertFile) };
}

/** What demo:reply needs to find this run: the ports, when they are not the defaults it assumes. */
function demoReplyCommand(port: number, emulatorPort: number): string {
  const env = [
    port !== 3978 ? `PORT=${port}` : '',
    emulatorPort !== 8443 ? `EMULATOR_PORT=${emulatorPort}` : '',
    dataDir !== resolve('.data') ? `DATA_DIR=${dataDir}` : '',
  ];
  return [...env.filter(Boolean), 'npm run demo:reply -- SR-000001 "Thanks, that fixed it"'].join(' ');
}

async function main(): Promise<void> {
  buildFrontEnds();
  const emulated = demo ? await demoEnvironment() : undefined;
  const env: NodeJS.ProcessEnv = {
    ...process.env,
    PORT: String(requestedPort),
    DATA_DIR: dataDir,
    ...emulated?.env,
  };
  const api = spawnApi(env);
  const stop = () => api.kill('SIGTERM');
  process.once('SIGINT', stop);
  process.once('SIGTERM', stop);
  const port = await listeningPort(api);
  api.once(
    'exit',
    (code) => void (demoImap?.close() ?? Promise.resolve()).finally(() => process.exit(code ?? 0)),
  );
  const base = `${scheme}://localhost:${port}`;
  if (demoImap && env.EMULATOR_URL) {
    await addDemoImapAccount(base, { url: env.EMULATOR_URL, caCertFile: emulatorCa }, demoImap.accountBody);
    const { ports } = demoImap.servers;
    console.log(
      `IMAP/SMTP demo mailbox ${DEMO_IMAP_MAILBOX} (Dovecot + Postfix): IMAPS 127.0.0.1:${ports.imaps}, submission 127.0.0.1:${ports.submission}, password ${demoImap.password}; customer diego@fabrikam.test, password ${demoImap.customerPassword}`,
    );
  }
  // After start-up, the log shows one line per event (LOG_LEVEL=debug adds every read and static file), so this
  // stays in sight.
  console.log(`
Service Messaging is running${demo ? ' in demo mode' : ''}:
  Teams tab (standalone):   ${base}/tab/
  Outlook add-in task pane: ${base}/addin/taskpane.html
  API health / contract:    ${base}/api/health  ${base}/api/openapi.json${demo && !process.env.HOST ? '\n  Listening on:             127.0.0.1 only (demo sign-in gives admin tokens; set HOST to change)' : ''}${emulated ? `\n  Reply as a customer:      ${demoReplyCommand(port, emulated.emulatorPort)}` : ''}
Press Ctrl+C to stop.
`);
}

main().catch(async (err: unknown) => {
  console.error(err instanceof Error ? err.message : err);
  await demoImap?.close();
  process.exit(1);
});
