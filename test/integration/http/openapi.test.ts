import { Validator } from '@seriousme/openapi-schema-validator';
import request from 'supertest';
import { describe, expect, it } from 'vitest';
import { createTestApi } from '../../support/test-api.js';

describe('/api/openapi.json', () => {
  it('is a valid OpenAPI 3.1 document', async () => {
    const api = await createTestApi();
    const doc = (await request(api.app).get('/api/openapi.json').expect(200)).body;
    expect(doc.openapi).toBe('3.1.0');
    const result = await new Validator().validate(doc);
    expect(result.errors ?? []).toEqual([]);
    expect(result.valid).toBe(true);
  });

  it('lists every route the app answers', async () => {
    const api = await createTestApi();
    const doc = (await request(api.app).get('/api/openapi.json').expect(200)).body as {
      paths: Record<string, Record<string, unknown>>;
    };
    const documented = new Set(
      Object.entries(doc.paths).flatMap(([path, ops]) =>
        Object.keys(ops).map((m) => `${m.toUpperCase()} ${path}`),
      ),
    );
    // Every documented operation is answered by a handler (never the catch-all 404 for unknown routes).
    for (const op of documented) {
      const [method, path] = op.split(' ') as [string, string];
      const res = await request(api.app)[method.toLowerCase() as 'get'](path.replace(/\{[^}]+\}/g, '1'));
      expect(res.body?.error?.code, op).not.toBe('route_not_found');
    }
    expect(documented.size).toBeGreaterThanOrEqual(20);
  });
});
