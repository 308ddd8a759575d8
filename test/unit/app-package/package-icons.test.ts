import { copyFileSync, mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { checkPackageIcons, type IconFolders } from '../../../scripts/app-package/check-package-icons.js';
import { projectPaths } from '../../../scripts/app-package/project-paths.js';
import { decodePng, readPngHeader } from '../../../scripts/app-package/read-png.js';
import { encodePng, solidPng, substitutedManifest } from './app-package-fixtures.js';

const repoIcons: IconFolders = { appPackage: projectPaths.appPackage, addinPublic: projectPaths.addinPublic };
const ribbonFile = (size: number) => path.join(projectPaths.addinPublic, `assets/icon-${size}.png`);

describe('icons', () => {
  it('color.png is 192x192 and outline.png 32x32, read from the PNG header', () => {
    expect(readPngHeader(readFileSync(path.join(projectPaths.appPackage, 'color.png')))).toMatchObject({
      width: 192,
      height: 192,
    });
    expect(readPngHeader(readFileSync(path.join(projectPaths.appPackage, 'outline.png')))).toMatchObject({
      width: 32,
      height: 32,
    });
  });

  it.each([16, 32, 80])(
    'the ribbon icon served at /addin/assets/icon-%i.png is that many pixels square',
    (size) => {
      expect(readPngHeader(readFileSync(ribbonFile(size)))).toMatchObject({ width: size, height: size });
    },
  );

  it('pass every check for the manifest: package icons, outline pixels, ribbon icons', () => {
    expect(checkPackageIcons(substitutedManifest(), repoIcons)).toEqual([]);
  });

  it('outline.png is white on a transparent background', () => {
    const { pixels } = decodePng(readFileSync(path.join(projectPaths.appPackage, 'outline.png')));
    const alphas = new Set<number>();
    for (let i = 0; i < pixels.length; i += 4) {
      alphas.add(pixels[i + 3] as number);
      if (pixels[i + 3]) expect([pixels[i], pixels[i + 1], pixels[i + 2]]).toEqual([255, 255, 255]);
    }
    expect(alphas.has(0) && alphas.has(255)).toBe(true);
  });

  describe('fail on a copy that breaks them', () => {
    let folders: IconFolders;
    const fresh = (): IconFolders => {
      const root = mkdtempSync(path.join(os.tmpdir(), 'icons-'));
      folders = { appPackage: path.join(root, 'appPackage'), addinPublic: path.join(root, 'addin/public') };
      mkdirSync(path.join(folders.addinPublic, 'assets'), { recursive: true });
      mkdirSync(folders.appPackage);
      for (const f of ['color.png', 'outline.png'])
        copyFileSync(path.join(projectPaths.appPackage, f), path.join(folders.appPackage, f));
      for (const s of [16, 32, 80])
        copyFileSync(ribbonFile(s), path.join(folders.addinPublic, `assets/icon-${s}.png`));
      return folders;
    };
    afterEach(() => rmSync(path.dirname(folders.appPackage), { recursive: true, force: true }));

    const cases: [string, (f: IconFolders) => void, string][] = [
      [
        'color.png the size of the outline',
        (f) => copyFileSync(path.join(f.appPackage, 'outline.png'), path.join(f.appPackage, 'color.png')),
        'icons.color "color.png" is 32x32 pixels, expected 192x192',
      ],
      [
        'outline.png missing',
        (f) => rmSync(path.join(f.appPackage, 'outline.png')),
        'outline.png does not exist',
      ],
      [
        'an opaque outline (white square)',
        (f) => writeFileSync(path.join(f.appPackage, 'outline.png'), solidPng(32, [255, 255, 255, 255])),
        'has no transparent background',
      ],
      [
        'a coloured outline',
        (f) => writeFileSync(path.join(f.appPackage, 'outline.png'), solidPng(32, [15, 108, 189, 255])),
        'neither white nor transparent',
      ],
      [
        'a ribbon icon swapped for a bigger one',
        (f) => copyFileSync(ribbonFile(32), path.join(f.addinPublic, 'assets/icon-16.png')),
        '/addin/assets/icon-16.png is 32x32 pixels, expected 16x16',
      ],
      [
        'a ribbon icon missing',
        (f) => rmSync(path.join(f.addinPublic, 'assets/icon-80.png')),
        'icon-80.png does not exist',
      ],
      [
        'an icon that is not a PNG',
        (f) => writeFileSync(path.join(f.appPackage, 'color.png'), '<svg/>'),
        'not a PNG file',
      ],
    ];
    it.each(cases)('%s', (_, breakIt, expected) => {
      breakIt(fresh());
      expect(checkPackageIcons(substitutedManifest(), folders)).toContainEqual(
        expect.stringContaining(expected),
      );
    });

    it('a ribbon icon URL outside /addin/, where the API does not serve addin/public', () => {
      const m = substitutedManifest();
      const json = JSON.stringify(m).replaceAll('/addin/assets/icon-32.png', '/assets/icon-32.png');
      expect(checkPackageIcons(JSON.parse(json) as typeof m, fresh())).toContainEqual(
        expect.stringContaining('is not under /addin/'),
      );
    });
  });

  it.each([0, 1, 2, 3, 4] as const)('decodePng reverses PNG row filter %i', (filter) => {
    const rgba = new Uint8Array(5 * 3 * 4).map((_, i) => (i * 37 + 11) % 256);
    expect(decodePng(encodePng(5, 3, rgba, filter))).toEqual({ width: 5, height: 3, pixels: rgba });
  });
});
