import { cpSync, mkdtempSync, readFileSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { crc32, deflateSync } from 'node:zlib';
import YAML from 'yaml';
import type { Manifest } from '../../../scripts/app-package/check-manifest-rules.js';
import type { ProjectFile } from '../../../scripts/app-package/check-project-file.js';
import {
  projectPaths,
  projectPathsAt,
  type ProjectPaths,
} from '../../../scripts/app-package/project-paths.js';
import {
  jsonStringContent,
  substitutePlaceholders,
} from '../../../scripts/app-package/substitute-placeholders.js';

export type FullManifest = Manifest & Record<string, unknown> & { icons: { color: string; outline: string } };

/** What a provisioned tenant would have in env/.env.<env>: real-looking, and different from the previews. */
export const testValues = Object.freeze({
  TEAMS_APP_ID: '3f2a6c1e-8b4d-4e7a-9c5f-1a2b3c4d5e6f',
  AAD_APP_CLIENT_ID: '9d8c7b6a-5f4e-4d3c-8b2a-1f0e9d8c7b6a',
  TAB_DOMAIN: 'servicedesk.contoso.example',
  TAB_ENDPOINT: 'https://servicedesk.contoso.example',
  APP_NAME_SUFFIX: ' (test)',
});

export const readRepoFile = (relativePath: string): string =>
  readFileSync(path.join(projectPaths.root, relativePath), 'utf8');

export const loadProjectFile = (name: string): ProjectFile => YAML.parse(readRepoFile(name)) as ProjectFile;

/** appPackage/manifest.json filled with the test values; a fresh object each call, free to break. */
export function substitutedManifest(values: Readonly<Record<string, string>> = testValues): FullManifest {
  const { text, missing } = substitutePlaceholders(
    readRepoFile('appPackage/manifest.json'),
    values,
    jsonStringContent,
  );
  if (missing.length) throw new Error(`test values lack ${missing.join(', ')}`);
  return JSON.parse(text) as FullManifest;
}

/** A throwaway copy of everything npm run package reads, for tests that break one file of it. */
export function copyProject(): ProjectPaths {
  const root = mkdtempSync(path.join(os.tmpdir(), 'app-package-'));
  for (const item of [
    'appPackage/manifest.json',
    'appPackage/color.png',
    'appPackage/outline.png',
    'env/.env.dev',
    'env/.env.local',
    'addin/public/assets',
    'api/src/config/env-schema.ts',
    'aad.manifest.json',
    'teamsapp.yml',
    'teamsapp.local.yml',
    'infra',
  ]) {
    cpSync(path.join(projectPaths.root, item), path.join(root, item), { recursive: true });
  }
  return projectPathsAt(root);
}

/** Encodes RGBA pixels as an 8-bit RGBA PNG with the given row filter, to feed the icon checks. */
export function encodePng(
  width: number,
  height: number,
  rgba: Uint8Array,
  filter: 0 | 1 | 2 | 3 | 4 = 0,
): Buffer {
  const stride = width * 4;
  const raw = Buffer.alloc((stride + 1) * height);
  for (let y = 0; y < height; y++) {
    raw[y * (stride + 1)] = filter;
    for (let x = 0; x < stride; x++) {
      const a = x >= 4 ? (rgba[y * stride + x - 4] as number) : 0;
      const b = y > 0 ? (rgba[(y - 1) * stride + x] as number) : 0;
      const c = x >= 4 && y > 0 ? (rgba[(y - 1) * stride + x - 4] as number) : 0;
      raw[y * (stride + 1) + 1 + x] = ((rgba[y * stride + x] as number) - predictor(filter, a, b, c)) & 0xff;
    }
  }
  const ihdr = Buffer.alloc(13);
  ihdr.writeUInt32BE(width, 0);
  ihdr.writeUInt32BE(height, 4);
  ihdr.set([8, 6, 0, 0, 0], 8);
  return Buffer.concat([
    Buffer.from([137, 80, 78, 71, 13, 10, 26, 10]),
    chunk('IHDR', ihdr),
    chunk('IDAT', deflateSync(raw)),
    chunk('IEND', Buffer.alloc(0)),
  ]);
}

/** A square image of one colour, e.g. an opaque outline icon. */
export function solidPng(size: number, [r, g, b, a]: [number, number, number, number]): Buffer {
  const rgba = new Uint8Array(size * size * 4);
  for (let i = 0; i < rgba.length; i += 4) rgba.set([r, g, b, a], i);
  return encodePng(size, size, rgba);
}

function predictor(filter: number, a: number, b: number, c: number): number {
  if (filter === 1) return a;
  if (filter === 2) return b;
  if (filter === 3) return (a + b) >> 1;
  if (filter === 4) {
    const p = a + b - c;
    const [pa, pb, pc] = [Math.abs(p - a), Math.abs(p - b), Math.abs(p - c)];
    return pa <= pb && pa <= pc ? a : pb <= pc ? b : c;
  }
  return 0;
}

function chunk(type: string, data: Buffer): Buffer {
  const length = Buffer.alloc(4);
  length.writeUInt32BE(data.length);
  const body = Buffer.concat([Buffer.from(type, 'latin1'), data]);
  const crc = Buffer.alloc(4);
  crc.writeUInt32BE(crc32(body) >>> 0);
  return Buffer.concat([length, body, crc]);
}
