import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { gzipSync } from 'node:zlib';
import { describe, expect, it } from 'vitest';

// What a user downloads before the tab can show anything: the entry script and the chunks index.html
// preloads. Pages, MSAL and teams-js load later, only when needed. Reads the build global-setup made.

const dist = fileURLToPath(new URL('../../tab/dist/', import.meta.url));
const BUDGET_GZIP_BYTES = 400 * 1024;

const initialScripts = (): string[] =>
  [
    ...readFileSync(join(dist, 'index.html'), 'utf8').matchAll(/(?:src|href)="\/tab\/(assets\/[^"]+\.js)"/g),
  ].map((m) => m[1] ?? '');

const contains = (file: string, marker: string): boolean =>
  readFileSync(join(dist, file), 'utf8').includes(marker);

describe('the built tab', () => {
  it(`starts with less than ${BUDGET_GZIP_BYTES / 1024} KB of gzipped JavaScript`, () => {
    const files = initialScripts();
    expect(files.length).toBeGreaterThan(0);
    const total = files.reduce((sum, file) => sum + gzipSync(readFileSync(join(dist, file))).length, 0);
    console.log(`tab: initial JS ${(total / 1024).toFixed(1)} KB gzipped in ${files.length} files`);
    expect(total).toBeLessThan(BUDGET_GZIP_BYTES);
  });

  it('loads teams-js and MSAL only when they are needed', () => {
    const initial = initialScripts();
    const all = readdirSync(join(dist, 'assets')).map((name) => `assets/${name}`);
    // Markers from inside each library, so the check does not depend on chunk names.
    const teamsJs = all.filter(
      (file) => file.endsWith('.js') && contains(file, 'res.cdn.office.net/teams-js'),
    );
    const msal = all.filter((file) => file.endsWith('.js') && contains(file, 'msal.js.browser'));
    expect(teamsJs.length).toBeGreaterThan(0);
    expect(msal.length).toBeGreaterThan(0);
    expect(initial.filter((file) => teamsJs.includes(file) || msal.includes(file))).toEqual([]);
  });
});
