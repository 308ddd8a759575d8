import { spawn, spawnSync, type ChildProcess } from 'node:child_process';
import { existsSync } from 'node:fs';
import { resolve } from 'node:path';
import { apiEnvironment, startEmulator } from '../emulator/src/index.js';

// `npm start`: builds the front ends when they are missing, then runs the API. With no real tenant
// configured (no AAD_APP_CLIENT_ID, or DEMO=1) it first starts the M365 emulator and runs the API in demo
// mode against it: the same code paths as production, pointed at https://localhost:8443.

// ./.env (git-ignored; teamsapp.local.yml writes it) holds a real tenant's settings. Node 20.12+ reads it natively.
if (existsSync('.env')) process.loadEnvFile('.env');

const port = Number(process.env.PORT ?? 3978);
const scheme = process.env.SSL_CRT_FILE ? 'https' : 'http';
const dataDir = resolve(process.env.DATA_DIR ?? '.data');
const demo = process.env.DEMO === '1' || !process.env.AAD_APP_CLIENT_ID;

function buildFrontEnds(): void {
  for (const [name, script, output] of [['tab', 'build:tab', 'tab/dist/index.html'], ['add-in', 'build:addin', 'addin/dist/taskpane.html']] as const) {
    if (existsSync(output) || !hasScript(script)) continue;
    console.log(`Building the ${name} (first start only; npm run ${script} rebuilds it) ...`);
    const result = spawnSync('npm', ['run', '--silent', script], { stdio: 'inherit' });
    if (result.status !== 0) process.exit(result.status ?? 1);
  }
}

function hasScript(name: string): boolean {
  return spawnSync('npm', ['pkg', 'get', `scripts.${name}`], { encoding: 'utf8' }).stdout.trim() !== '{}';
}

async function demoEnvironment(): Promise<NodeJS.ProcessEnv> {
  const emulator = await startEmulator({ port: Number(process.env.EMULATOR_PORT ?? 8443), dataDir: resolve(dataDir, 'emulator'), snapshot: true });
  console.log(`M365 emulator (Entra + Graph mail): ${emulator.url}  (control API: ${emulator.url}/_emulator/tenant)`);
  return {
    DEMO: '1',
    ...apiEnvironment(emulator),
    EMULATOR_URL: emulator.url,
    // Read by Node only at process start, which is why the API runs as a child process.
    NODE_EXTRA_CA_CERTS: emulator.caCertFile,
  };
}

async function waitForHealth(api: ChildProcess): Promise<void> {
  const deadline = Date.now() + 60_000;
  while (Date.now() < deadline && api.exitCode === null) {
    try {
      const res = await fetch(`${scheme}://localhost:${port}/api/health`);
      if (res.ok) return;
    } catch {
      // not listening yet
    }
    await new Promise((r) => setTimeout(r, 250));
  }
  throw new Error(api.exitCode === null ? 'The API did not answer /api/health within 60 s.' : `The API exited with code ${api.exitCode}.`);
}

async function main(): Promise<void> {
  buildFrontEnds();
  const env = { ...process.env, PORT: String(port), DATA_DIR: dataDir, ...(demo ? await demoEnvironment() : {}) };
  const api = spawn(process.execPath, ['--import', 'tsx', 'api/src/main.ts'], { env, stdio: 'inherit' });
  const stop = () => api.kill('SIGTERM');
  process.once('SIGINT', stop);
  process.once('SIGTERM', stop);
  api.once('exit', (code) => process.exit(code ?? 0));
  await waitForHealth(api);
  console.log(`
Service Messaging is running${demo ? ' in demo mode' : ''}:
  Teams tab (standalone):   ${scheme}://localhost:${port}/tab/
  Outlook add-in task pane: ${scheme}://localhost:${port}/addin/taskpane.html
  API health / contract:    ${scheme}://localhost:${port}/api/health  ${scheme}://localhost:${port}/api/openapi.json${
    demo ? `\n  Reply as a customer:      npm run demo:reply -- SR-000001 "Thanks, that fixed it"` : ''
  }
Press Ctrl+C to stop.`);
}

main().catch((err: unknown) => {
  console.error(err instanceof Error ? err.message : err);
  process.exit(1);
});
