import { execFileSync, spawnSync } from 'node:child_process';
import { cpSync, existsSync, mkdirSync, mkdtempSync, rmSync, symlinkSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';

// A user who clones the repository has nothing beside it: no ../shared with schemas or corpora. This copies what git
// would clone (tracked files and new ones not ignored) into a folder whose parent holds nothing else, and builds the
// app package there, the way the README tells a user to.

const root = path.resolve(import.meta.dirname, '../..');
const parent = mkdtempSync(path.join(os.tmpdir(), 'stand-alone-'));
const clone = path.join(parent, 'service-messaging');
afterAll(() => rmSync(parent, { recursive: true, force: true }));

// Outside a git checkout (an unpacked archive) everything but installed and generated folders is copied.
const GENERATED = new Set(['node_modules', '.git', 'dist', '.data', 'test-results', 'build']);

function copyCheckout(): void {
  if (!existsSync(path.join(root, '.git'))) {
    cpSync(root, clone, { recursive: true, filter: (from) => !GENERATED.has(path.basename(from)) });
  } else {
    const listed = execFileSync('git', ['ls-files', '-z', '--cached', '--others', '--exclude-standard'], {
      cwd: root,
      encoding: 'utf8',
    });
    for (const file of listed.split('\0').filter(Boolean)) {
      const from = path.join(root, file);
      if (!existsSync(from)) continue; // deleted in the working tree, not yet committed
      mkdirSync(path.dirname(path.join(clone, file)), { recursive: true });
      cpSync(from, path.join(clone, file));
    }
  }
  // Installing again would take a minute and the network; the packages are the same ones npm ci installs.
  symlinkSync(path.join(root, 'node_modules'), path.join(clone, 'node_modules'), 'dir');
}

describe('a fresh clone with nothing beside it', () => {
  it('builds the app package (npm run package)', () => {
    copyCheckout();
    expect(existsSync(path.join(parent, 'shared'))).toBe(false);
    const run = spawnSync(path.join(clone, 'node_modules/.bin/tsx'), ['scripts/package.ts', '--env', 'dev'], {
      cwd: clone,
      encoding: 'utf8',
    });
    expect(run.stderr).not.toMatch(/ENOENT|no such file/i);
    expect(run.status, run.stderr).toBe(0);
    expect(existsSync(path.join(clone, 'appPackage/build/appPackage.dev.zip'))).toBe(true);
  }, 60_000);
});
