import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { gzipSync } from 'node:zlib';
import { describe, expect, it } from 'vitest';

// What Outlook downloads before the pane can show anything: the entry script and the chunks taskpane.html preloads
// (office.js comes from Microsoft's CDN and is not ours to count). MSAL and the demo screens load only when needed.

const dist = fileURLToPath(new URL('../../addin/dist/', import.meta.url));
const BUDGET_GZIP_BYTES = 180 * 1024;

const initialScripts = (): string[] =>
  [
    ...readFileSync(join(dist, 'taskpane.html'), 'utf8').matchAll(
      /(?:src|href)="\/addin\/(assets\/[^"]+\.js)"/g,
    ),
  ].map((m) => m[1] ?? '');

const contains = (file: string, marker: string): boolean =>
  readFileSync(join(dist, file), 'utf8').includes(marker);

describe('the built add-in', () => {
  it(`starts with less than ${BUDGET_GZIP_BYTES / 1024} KB of gzipped JavaScript`, () => {
    const files = initialScripts();
    expect(files.length).toBeGreaterThan(0);
    const total = files.reduce((sum, file) => sum + gzipSync(readFileSync(join(dist, file))).length, 0);
    console.log(`add-in: initial JS ${(total / 1024).toFixed(1)} KB gzipped in ${files.length} files`);
    expect(total).toBeLessThan(BUDGET_GZIP_BYTES);
  });

  it('keeps office.js external and loads MSAL and the demo mailbox only when needed', () => {
    const html = readFileSync(join(dist, 'taskpane.html'), 'utf8');
    expect(html).toContain(
      '<script src="https://appsforoffice.microsoft.com/lib/1/hosted/office.js"></script>',
    );
    const initial = initialScripts();
    const all = readdirSync(join(dist, 'assets'))
      .filter((name) => name.endsWith('.js'))
      .map((name) => `assets/${name}`);
    const msal = all.filter((file) => contains(file, 'msal.js.browser'));
    const demo = all.filter((file) => contains(file, 'This browser stands in for Outlook'));
    expect(msal.length).toBeGreaterThan(0);
    expect(demo.length).toBeGreaterThan(0);
    expect(initial.filter((file) => msal.includes(file) || demo.includes(file))).toEqual([]);
  });
});
