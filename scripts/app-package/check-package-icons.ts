import { existsSync, readFileSync } from 'node:fs';
import path from 'node:path';
import { decodePng, readPngHeader } from './read-png.js';
import type { Manifest } from './check-manifest-rules.js';

export type IconFolders = { appPackage: string; addinPublic: string };
type PackageIcons = { icons?: { color?: string; outline?: string } };

// Teams: color 192x192; outline 32x32, white on a transparent background.
const packageIconSizes = { color: 192, outline: 32 } as const;

/** The package icons and the ribbon icons the API serves exist, with the pixel sizes declared for them. */
export function checkPackageIcons(manifest: Manifest & PackageIcons, folders: IconFolders): string[] {
  const problems: string[] = [];
  for (const kind of ['color', 'outline'] as const) {
    const name = manifest.icons?.[kind];
    if (typeof name !== 'string') continue;
    const file = path.join(folders.appPackage, name);
    const size = packageIconSizes[kind];
    problems.push(
      ...checkPng(`icons.${kind} "${name}"`, file, size, kind === 'outline' ? checkOutlinePixels : undefined),
    );
  }
  for (const { url, size } of ribbonIcons(manifest)) {
    const file = servedFile(url, folders.addinPublic);
    if (!file) problems.push(`ribbon icon ${url} is not under /addin/, where the API serves addin/public`);
    else problems.push(...checkPng(`ribbon icon ${url}`, file, size));
  }
  return problems;
}

function checkPng(
  what: string,
  file: string,
  size: number,
  checkPixels?: (png: Buffer) => string | undefined,
): string[] {
  if (!existsSync(file)) return [`${what}: ${file} does not exist`];
  const png = readFileSync(file);
  try {
    const { width, height } = readPngHeader(png);
    if (width !== size || height !== size)
      return [`${what} is ${width}x${height} pixels, expected ${size}x${size}`];
    const problem = checkPixels?.(png);
    return problem ? [`${what} ${problem}`] : [];
  } catch (error) {
    return [`${what}: ${(error as Error).message}`];
  }
}

/** Teams tints the outline icon itself: anything but white on transparent shows up as a blob. */
function checkOutlinePixels(png: Buffer): string | undefined {
  const { pixels } = decodePng(png);
  let transparent = 0;
  for (let i = 0; i < pixels.length; i += 4) {
    const [r, g, b, a] = [pixels[i], pixels[i + 1], pixels[i + 2], pixels[i + 3]];
    if (a === 0) transparent++;
    else if (r !== 255 || g !== 255 || b !== 255)
      return `has a pixel that is neither white nor transparent (rgba ${r},${g},${b},${a} at index ${i / 4})`;
  }
  return transparent === 0 ? 'has no transparent background' : undefined;
}

function ribbonIcons(m: Manifest): { url: string; size: number }[] {
  const groups = (m.extensions ?? []).flatMap((e) =>
    (e.ribbons ?? []).flatMap((r) => (r.tabs ?? []).flatMap((t) => t.groups ?? [])),
  );
  const icons = groups.flatMap((g) => [
    ...(g.icons ?? []),
    ...(g.controls ?? []).flatMap((c) => c.icons ?? []),
  ]);
  const unique = new Map(
    icons
      .filter((i) => i.url && i.size)
      .map((i) => [`${i.size} ${i.url}`, { url: i.url as string, size: i.size as number }]),
  );
  return [...unique.values()];
}

function servedFile(url: string, addinPublic: string): string | undefined {
  let pathname: string;
  try {
    pathname = new URL(url).pathname;
  } catch {
    return undefined;
  }
  if (!pathname.startsWith('/addin/')) return undefined;
  return path.join(addinPublic, ...pathname.slice('/addin/'.length).split('/').map(decodeURIComponent));
}
