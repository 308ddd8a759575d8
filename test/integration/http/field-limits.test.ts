import request from 'supertest';
import { describe, expect, it } from 'vitest';
import { createTestApi } from '../../support/test-api.js';

// Issue 15 finding 7: a 200 KB subject was stored. Every string and list a caller can send (bodies and query
// parameters in the published contract) has a length limit, so no stored text grows without bound; the
// bad-input suite checks the 400 that names the field.

type Schema = {
  type?: string | string[];
  maxLength?: number;
  maxItems?: number;
  enum?: unknown[];
  const?: unknown;
  format?: string;
  pattern?: string;
  properties?: Record<string, Schema>;
  items?: Schema;
  anyOf?: Schema[];
  oneOf?: Schema[];
  allOf?: Schema[];
  additionalProperties?: Schema | boolean;
  $ref?: string;
};

/** A length, a fixed set, a format of fixed shape (uuid, date-time, email), or a pattern without * or +. */
function isBoundedString(schema: Schema): boolean {
  if (schema.maxLength !== undefined || schema.enum !== undefined || schema.const !== undefined) return true;
  if (schema.format && ['binary', 'uuid', 'date-time', 'email', 'date'].includes(schema.format)) return true;
  return schema.pattern !== undefined && !/[*+]/.test(schema.pattern.replace(/\\[*+]/g, ''));
}

function unbounded(
  schema: Schema | undefined,
  path: string,
  out: string[],
  doc: { components?: { schemas?: Record<string, Schema> } },
  seen = new Set<string>(),
): void {
  if (!schema) return;
  if (schema.$ref) {
    if (seen.has(schema.$ref)) return;
    seen.add(schema.$ref);
    return unbounded(doc.components?.schemas?.[schema.$ref.split('/').pop() ?? ''], path, out, doc, seen);
  }
  for (const part of [...(schema.anyOf ?? []), ...(schema.oneOf ?? []), ...(schema.allOf ?? [])])
    unbounded(part, path, out, doc, seen);
  const types = Array.isArray(schema.type) ? schema.type : [schema.type];
  if (types.includes('string') && !isBoundedString(schema)) out.push(path);
  if (types.includes('array')) {
    if (schema.maxItems === undefined) out.push(`${path}[]`);
    unbounded(schema.items, `${path}[]`, out, doc, seen);
  }
  for (const [name, child] of Object.entries(schema.properties ?? {}))
    unbounded(child, `${path}.${name}`, out, doc, seen);
  if (typeof schema.additionalProperties === 'object')
    unbounded(schema.additionalProperties, `${path}.*`, out, doc, seen);
}

describe('field length limits', () => {
  it('bounds every string and list in every request body and query of the contract', async () => {
    const api = await createTestApi();
    const doc = (await request(api.app).get('/api/openapi.json').expect(200)).body as {
      paths: Record<
        string,
        Record<
          string,
          {
            requestBody?: { content?: Record<string, { schema?: Schema }> };
            parameters?: Array<{ name: string; in: string; schema?: Schema }>;
          }
        >
      >;
      components?: { schemas?: Record<string, Schema> };
    };
    const found: string[] = [];
    for (const [path, operations] of Object.entries(doc.paths)) {
      for (const [method, op] of Object.entries(operations)) {
        for (const [type, content] of Object.entries(op.requestBody?.content ?? {}))
          unbounded(content.schema, `${method} ${path} body(${type})`, found, doc);
        for (const param of op.parameters ?? [])
          if (param.in === 'query') unbounded(param.schema, `${method} ${path} ?${param.name}`, found, doc);
      }
    }
    expect(found).toEqual([]);
  });
});
