import { spawnSync } from 'node:child_process';
import { existsSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { strToU8, unzipSync, zipSync } from 'fflate';
import { afterAll, describe, expect, it } from 'vitest';
import { buildAppPackage } from '../../../scripts/app-package/build-app-package.js';
import { checkZipLayout } from '../../../scripts/app-package/check-zip-layout.js';
import { packageApp } from '../../../scripts/app-package/package-app.js';
import { projectPaths } from '../../../scripts/app-package/project-paths.js';
import { validateManifestSchema } from '../../../scripts/app-package/validate-manifest-schema.js';
import { copyProject, readRepoFile, substitutedManifest, testValues } from './app-package-fixtures.js';

const out = mkdtempSync(path.join(os.tmpdir(), 'app-package-out-'));
const copies: string[] = [];
afterAll(() => {
  for (const dir of [out, ...copies]) rmSync(dir, { recursive: true, force: true });
});

const icon = (name: string) => readFileSync(path.join(projectPaths.appPackage, name));
const rootEntries = (zip: Uint8Array) => Object.keys(unzipSync(zip)).sort();

describe('the app package zip', () => {
  it('holds exactly manifest.json, color.png and outline.png, at its root', () => {
    const zip = buildAppPackage({
      manifest: JSON.stringify(substitutedManifest()),
      icons: { 'color.png': icon('color.png'), 'outline.png': icon('outline.png') },
    });
    expect(rootEntries(zip)).toEqual(['color.png', 'manifest.json', 'outline.png']);
    expect(checkZipLayout(zip)).toEqual([]);
  });

  it('npm run package --env local: a valid zip with the local host filled in, and previews only for what provision writes', () => {
    const result = packageApp({ env: 'local', outFolder: out });
    expect(result.problems).toEqual([]);
    expect(result.warnings.map((w) => w.split(' ')[0])).toEqual(['TEAMS_APP_ID', 'AAD_APP_CLIENT_ID']);
    const zip = readFileSync(result.zipPath as string);
    expect(path.basename(result.zipPath as string)).toBe('appPackage.local.zip');
    expect(checkZipLayout(zip)).toEqual([]);
    const entries = unzipSync(zip);
    const manifest = JSON.parse(new TextDecoder().decode(entries['manifest.json'])) as {
      validDomains: string[];
      webApplicationInfo: { resource: string };
    };
    expect(validateManifestSchema(manifest)).toEqual([]);
    expect(manifest.validDomains).toEqual(['localhost:3978']);
    expect(manifest.webApplicationInfo.resource).toBe(
      'api://localhost:3978/00000000-0000-0000-0000-000000000000',
    );
    expect(Buffer.from(entries['color.png'] as Uint8Array).equals(icon('color.png'))).toBe(true);
    expect(Buffer.from(entries['outline.png'] as Uint8Array).equals(icon('outline.png'))).toBe(true);
  });

  it('npm run package --env dev works from a fresh clone, where provision has written nothing yet', () => {
    const result = packageApp({ env: 'dev', outFolder: out });
    expect(result.problems).toEqual([]);
    expect(result.warnings).toHaveLength(4);
    expect(checkZipLayout(readFileSync(result.zipPath as string))).toEqual([]);
  });

  it('uses the provisioned values, from env/.env.<env> and its .user file, instead of previews', () => {
    const copy = copyProject();
    copies.push(copy.root);
    const { AAD_APP_CLIENT_ID, TEAMS_APP_ID, TAB_DOMAIN, TAB_ENDPOINT } = testValues;
    writeFileSync(
      path.join(copy.envFolder, '.env.dev'),
      `${readRepoFile('env/.env.dev')}TEAMS_APP_ID=${TEAMS_APP_ID}\nTAB_DOMAIN=${TAB_DOMAIN}\nTAB_ENDPOINT=${TAB_ENDPOINT}\n`,
    );
    writeFileSync(path.join(copy.envFolder, '.env.dev.user'), `AAD_APP_CLIENT_ID=${AAD_APP_CLIENT_ID}\n`);
    const result = packageApp({ env: 'dev', paths: copy, outFolder: path.join(copy.root, 'out') });
    expect(result).toMatchObject({ problems: [], warnings: [] });
    expect(result.manifest?.webApplicationInfo).toEqual({
      id: AAD_APP_CLIENT_ID,
      resource: `api://${TAB_DOMAIN}/${AAD_APP_CLIENT_ID}`,
    });
  });

  it('is not written when a rule is broken', () => {
    const copy = copyProject();
    copies.push(copy.root);
    writeFileSync(
      copy.manifest,
      readRepoFile('appPackage/manifest.json').replace(
        '"${{TAB_ENDPOINT}}/tab/#/admin"',
        '"http://${{TAB_DOMAIN}}/tab/#/admin"',
      ),
    );
    const result = packageApp({ env: 'local', paths: copy, outFolder: path.join(copy.root, 'out') });
    expect(result.problems).toContainEqual(
      expect.stringContaining(
        '/staticTabs/2/contentUrl: "http://localhost:3978/tab/#/admin" is not an https URL',
      ),
    );
    expect(result.zipPath).toBeUndefined();
    expect(existsSync(path.join(copy.root, 'out/appPackage.local.zip'))).toBe(false);
  });

  describe('layout check fails on a zip Teams would refuse', () => {
    const manifest = strToU8(JSON.stringify({ icons: { color: 'color.png', outline: 'outline.png' } }));
    const png = new Uint8Array(icon('color.png'));
    const cases: [string, Record<string, Uint8Array>, string][] = [
      [
        'the appPackage folder zipped instead of its contents',
        { 'appPackage/manifest.json': manifest, 'appPackage/color.png': png, 'appPackage/outline.png': png },
        'manifest.json is not at the zip root',
      ],
      [
        'an icon missing',
        { 'manifest.json': manifest, 'color.png': png },
        'outline.png is not at the zip root',
      ],
      [
        'an extra file',
        { 'manifest.json': manifest, 'color.png': png, 'outline.png': png, 'README.md': strToU8('hi') },
        'unexpected entry README.md',
      ],
      [
        'icons in a subfolder',
        {
          'manifest.json': strToU8(
            JSON.stringify({ icons: { color: 'img/color.png', outline: 'outline.png' } }),
          ),
          'img/color.png': png,
          'outline.png': png,
        },
        'img/color.png is in a folder',
      ],
    ];
    it.each(cases)('%s', (_, entries, expected) => {
      expect(checkZipLayout(zipSync(entries))).toContainEqual(expect.stringContaining(expected));
    });

    it('not a zip at all', () => {
      expect(checkZipLayout(strToU8('manifest.json'))).toContainEqual(
        expect.stringContaining('not a readable zip'),
      );
    });
  });
});

describe('npm run package (the command line)', () => {
  const run = (...args: string[]) =>
    spawnSync(
      process.execPath,
      ['--import', 'tsx', path.join(projectPaths.root, 'scripts/package.ts'), ...args],
      { cwd: projectPaths.root, encoding: 'utf8' },
    );

  it('writes appPackage/build/appPackage.<env>.zip and says it is a preview when provision has not run', () => {
    const result = run('--env', 'dev');
    expect(result.stderr).toContain('warning: AAD_APP_CLIENT_ID is not in env/.env.dev yet');
    expect(result.stdout).toContain('Wrote appPackage/build/appPackage.dev.zip');
    expect(result.status).toBe(0);
    expect(rootEntries(readFileSync(path.join(projectPaths.buildFolder, 'appPackage.dev.zip')))).toEqual([
      'color.png',
      'manifest.json',
      'outline.png',
    ]);
  });

  it('refuses an environment that has no env file', () => {
    const result = run('--env', 'prod');
    expect(result.status).toBe(2);
    expect(result.stderr).toContain('Unknown environment "prod": env/ has dev, local.');
  });
});
