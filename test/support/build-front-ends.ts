import { spawnSync } from 'node:child_process';
import { existsSync, readdirSync, statSync } from 'node:fs';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';

// Browser tests run against the built front ends, served by the API as `npm start` serves them. Each is
// rebuilt only when one of its sources is newer than its build, so suites that do not need it stay fast.

type FrontEnd = { name: string; config: string; sources: string[]; output: string };

const root = fileURLToPath(new URL('../..', import.meta.url));

export const FRONT_ENDS: readonly FrontEnd[] = [
  { name: 'tab', config: 'tab/vite.config.ts', sources: ['tab/src', 'web-shared', 'tab/public', 'tab/index.html', 'tab/auth-redirect.html', 'tab/vite.config.ts'], output: 'tab/dist/index.html' },
  { name: 'add-in', config: 'addin/vite.config.ts', sources: ['addin/src', 'web-shared', 'addin/public', 'addin/taskpane.html', 'addin/vite.config.ts'], output: 'addin/dist/taskpane.html' },
];

export function buildFrontEnds(frontEnds: readonly FrontEnd[] = FRONT_ENDS): void {
  for (const frontEnd of frontEnds) {
    if (isUpToDate(frontEnd)) continue;
    const result = spawnSync(process.execPath, [join(root, 'node_modules/vite/bin/vite.js'), 'build', '--config', frontEnd.config, '--logLevel', 'warn'], {
      cwd: root,
      stdio: 'inherit',
      // Vitest sets NODE_ENV=test, and Vite builds whatever mode NODE_ENV names: build what ships.
      env: { ...process.env, NODE_ENV: 'production' },
    });
    if (result.status !== 0) throw new Error(`Building the ${frontEnd.name} failed (vite build --config ${frontEnd.config}).`);
  }
}

function isUpToDate(frontEnd: FrontEnd): boolean {
  const output = join(root, frontEnd.output);
  if (!existsSync(output)) return false;
  const builtAt = statSync(output).mtimeMs;
  return frontEnd.sources.every((source) => newestMtime(join(root, source)) <= builtAt);
}

function newestMtime(path: string): number {
  if (!existsSync(path)) return 0;
  const stat = statSync(path);
  if (!stat.isDirectory()) return stat.mtimeMs;
  return readdirSync(path).reduce((newest, entry) => Math.max(newest, newestMtime(join(path, entry))), stat.mtimeMs);
}
