import { zipSync } from 'fflate';

export type PackageFiles = { manifest: string; icons: Record<string, Uint8Array> };

// A fixed timestamp keeps the zip byte-identical for identical inputs (DOS time starts in 1980).
const mtime = new Date('2000-01-01T00:00:00Z');

/** The app package: manifest.json and the icons it names, all at the zip root, as Teams requires. */
export function buildAppPackage(files: PackageFiles): Uint8Array {
  const entries: Record<string, Uint8Array> = { 'manifest.json': new TextEncoder().encode(files.manifest) };
  for (const [name, bytes] of Object.entries(files.icons)) entries[name] = bytes;
  return zipSync(entries, { level: 9, mtime });
}
