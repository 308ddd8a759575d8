import { readFileSync, readdirSync } from 'node:fs';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { Ajv2020 } from 'ajv/dist/2020.js';
import addFormatsModule from 'ajv-formats';
import type { RecordedExchange } from '../../emulator/src/index.js';

// The Graph schemas generated from Microsoft's metadata, vendored in schemas/graph (see schemas/README.md).
export const schemaDir = join(fileURLToPath(new URL('../..', import.meta.url)), 'schemas', 'graph');

type PropertyInfo = { type: string; collection: boolean; modelled: boolean; navigation: boolean };
type TypeInfo = { knownProperties?: string[]; properties?: Record<string, PropertyInfo> };
type PropertiesIndex = { annotationPatterns: string[]; types: Record<string, TypeInfo> };

export type ResourceKind = 'message' | 'attachment' | 'mailFolder' | 'subscription';

/** Which resource a Graph answer holds, judged from the request (not from anything the emulator says). */
export function resourceKind(method: string, path: string): ResourceKind | undefined {
  // The control API lists Graph messages; its other answers are its own.
  if (path.startsWith('/_emulator/'))
    return method === 'GET' && /\/messages$/.test(path) ? 'message' : undefined;
  if (!/^\/v1\.0\//i.test(path)) return undefined;
  const p = decodeURIComponent(path)
    .replace(/^\/v1\.0\//i, '')
    .replace(/\('([^']*)'\)/g, '/$1')
    .toLowerCase();
  const s = p.split('/');
  const last = s.at(-1) ?? '';
  const before = s.at(-2) ?? '';
  if (s[0] === 'subscriptions' && !p.endsWith('/reauthorize')) return 'subscription';
  if (last === 'attachments' || before === 'attachments')
    return last === 'createuploadsession' ? undefined : 'attachment';
  if (last === '$value' || last === 'sendmail' || last === 'createuploadsession') return undefined;
  if (
    last === 'messages' ||
    before === 'messages' ||
    last === 'delta' ||
    ['move', 'copy', 'createreply'].includes(last)
  )
    return 'message';
  if (
    last === 'mailfolders' ||
    last === 'childfolders' ||
    before === 'mailfolders' ||
    before === 'childfolders'
  )
    return method === 'DELETE' ? undefined : 'mailFolder';
  return undefined;
}

export type SchemaProblem = { request: string; problem: string };

/** Validates every recorded 2xx JSON body of the four resources and flags properties the schema does not know. */
export function checkRecordedBodies(exchanges: readonly RecordedExchange[]): {
  checked: number;
  problems: SchemaProblem[];
} {
  const { validators, index } = loadSchemas();
  const problems: SchemaProblem[] = [];
  let checked = 0;
  for (const e of exchanges) {
    const kind = resourceKind(e.method, e.path);
    if (!kind || e.status < 200 || e.status >= 300 || typeof e.json !== 'object' || e.json === null) continue;
    const body = e.json as Record<string, unknown>;
    const items = Array.isArray(body.value) ? (body.value as unknown[]) : [body];
    const isDelta = /\/delta$/i.test(e.path);
    for (const item of items) {
      checked += 1;
      const request = `${e.method} ${e.path}${e.query ? `?${e.query}` : ''}`;
      const validate = validators[kind];
      if (!validate(item)) problems.push({ request, problem: JSON.stringify(validate.errors?.slice(0, 3)) });
      for (const problem of unknownProperties(item, `microsoft.graph.${kind}`, index, isDelta, ''))
        problems.push({ request, problem });
    }
  }
  return { checked, problems };
}

/** Walks nested objects: each key must be a known property of its type or an OData annotation. */
export function unknownProperties(
  value: unknown,
  typeName: string,
  index: PropertiesIndex,
  allowRemoved: boolean,
  at: string,
): string[] {
  if (typeof value !== 'object' || value === null) return [];
  if (Array.isArray(value))
    return value.flatMap((v, i) => unknownProperties(v, typeName, index, allowRemoved, `${at}[${i}]`));
  const o = value as Record<string, unknown>;
  const declared =
    typeof o['@odata.type'] === 'string' ? (o['@odata.type'] as string).replace(/^#/, '') : undefined;
  // Derived types the index does not describe (eventMessage ...) are accepted but not checked (schemas README).
  if (declared && !index.types[declared]) return [];
  const type = index.types[declared ?? typeName];
  if (!type?.knownProperties) return [];
  const patterns = index.annotationPatterns.map((p) => new RegExp(p));
  const problems: string[] = [];
  for (const [key, child] of Object.entries(o)) {
    if (patterns.some((p) => p.test(key)) || (allowRemoved && key === '@removed')) continue;
    if (!type.knownProperties.includes(key)) {
      problems.push(`${at || '/'}: '${key}' is not a property of ${declared ?? typeName}`);
      continue;
    }
    const info = type.properties?.[key];
    if (info && index.types[info.type])
      problems.push(...unknownProperties(child, info.type, index, false, `${at}/${key}`));
  }
  return problems;
}

let cache: { validators: Record<ResourceKind, ValidateFunction>; index: PropertiesIndex } | undefined;
type ValidateFunction = ((data: unknown) => boolean) & { errors?: unknown[] | null };

export function loadSchemas(): {
  validators: Record<ResourceKind, ValidateFunction>;
  index: PropertiesIndex;
} {
  if (cache) return cache;
  const ajv = new Ajv2020({ strict: true, allErrors: true });
  ajv.addKeyword('x-known-properties');
  (addFormatsModule as unknown as (a: Ajv2020) => void)(ajv);
  const read = (file: string): object => JSON.parse(readFileSync(join(schemaDir, file), 'utf8')) as object;
  const files = readdirSync(schemaDir).filter((f) => f.endsWith('.schema.json'));
  const schemas = Object.fromEntries(files.map((f) => [f.replace('.schema.json', ''), read(f)]));
  const compile = (name: ResourceKind): ValidateFunction => ajv.compile(schemas[name]!) as ValidateFunction;
  cache = {
    validators: {
      message: compile('message'),
      attachment: compile('attachment'),
      mailFolder: compile('mailFolder'),
      subscription: compile('subscription'),
    },
    index: read('properties-index.json') as PropertiesIndex,
  };
  return cache;
}
