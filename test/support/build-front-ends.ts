import { spawnSync } from 'node:child_process';
import { existsSync, readdirSync, renameSync, rmSync, statSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';

// Browser tests run against the built front ends, served by the API as `npm start` serves them. Each is
// rebuilt only when one of its sources is newer than its build, so suites that do not need it stay fast. A build
// goes to a folder of its own and replaces dist/ in one rename: a test run already serving dist/ from another
// checkout step never sees it half-emptied.

type FrontEnd = { name: string; config: string; sources: string[]; output: string };

const root = fileURLToPath(new URL('../..', import.meta.url));

export const FRONT_ENDS: readonly FrontEnd[] = [
  {
    name: 'tab',
    config: 'tab/vite.config.ts',
    sources: [
      'tab/src',
      'web-shared',
      'tab/public',
      'tab/index.html',
      'tab/auth-redirect.html',
      'tab/vite.config.ts',
    ],
    output: 'tab/dist/index.html',
  },
  {
    name: 'add-in',
    config: 'addin/vite.config.ts',
    sources: ['addin/src', 'web-shared', 'addin/public', 'addin/taskpane.html', 'addin/vite.config.ts'],
    output: 'addin/dist/taskpane.html',
  },
];

export function buildFrontEnds(frontEnds: readonly FrontEnd[] = FRONT_ENDS): void {
  for (const frontEnd of frontEnds) {
    if (isUpToDate(frontEnd)) continue;
    const dist = join(root, dirname(frontEnd.output));
    const fresh = `${dist}.build-${process.pid}`;
    const result = spawnSync(
      process.execPath,
      [
        join(root, 'node_modules/vite/bin/vite.js'),
        'build',
        '--config',
        frontEnd.config,
        '--outDir',
        fresh,
        '--emptyOutDir',
        '--logLevel',
        'warn',
      ],
      {
        cwd: root,
        stdio: 'inherit',
        // Vitest sets NODE_ENV=test, and Vite builds whatever mode NODE_ENV names: build what ships.
        env: { ...process.env, NODE_ENV: 'production' },
      },
    );
    if (result.status !== 0) {
      rmSync(fresh, { recursive: true, force: true });
      throw new Error(`Building the ${frontEnd.name} failed (vite build --config ${frontEnd.config}).`);
    }
    const old = `${dist}.old-${process.pid}`;
    if (existsSync(dist)) renameSync(dist, old);
    renameSync(fresh, dist);
    rmSync(old, { recursive: true, force: true });
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
  return readdirSync(path).reduce(
    (newest, entry) => Math.max(newest, newestMtime(join(path, entry))),
    stat.mtimeMs,
  );
}
