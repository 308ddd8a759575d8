import { z } from 'zod';
import type { RouteSpec } from './route.js';

// OpenAPI 3.1 from the route table: the same zod schemas that validate requests describe them.
type JsonSchema = Record<string, unknown>;

const toSchema = (schema: z.ZodType, io: 'input' | 'output'): JsonSchema => {
  const { $schema: _dialect, ...rest } = z.toJSONSchema(schema, {
    io,
    unrepresentable: 'any',
    target: 'draft-2020-12',
  }) as JsonSchema;
  return rest;
};

const ERROR_REF = { $ref: '#/components/schemas/Error' };

export function buildOpenApi(routes: readonly RouteSpec[], info: { version: string }): JsonSchema {
  const paths: Record<string, Record<string, unknown>> = {};
  for (const route of routes) {
    const path = `/api${route.path.replace(/:(\w+)/g, '{$1}')}`;
    (paths[path] ??= {})[route.method] = operation(route);
  }
  return {
    openapi: '3.1.0',
    info: {
      title: 'Service Messaging API',
      version: info.version,
      description:
        'Service Requests, notes, attachments, history and the mail administration behind the Teams tab and the Outlook add-in.',
    },
    servers: [{ url: '/' }],
    security: [{ entra: [] }],
    paths,
    components: {
      securitySchemes: {
        entra: {
          type: 'http',
          scheme: 'bearer',
          bearerFormat: 'JWT',
          description: 'An Entra ID access token for this API (scope access_as_user, or an app role).',
        },
      },
      schemas: {
        Error: {
          type: 'object',
          required: ['error'],
          properties: {
            error: {
              type: 'object',
              required: ['code', 'message', 'requestId'],
              properties: {
                code: { type: 'string' },
                message: { type: 'string' },
                requestId: { type: 'string' },
                details: {},
              },
            },
          },
        },
      },
    },
  };
}

function operation(route: RouteSpec): Record<string, unknown> {
  const responses: Record<string, unknown> = {};
  for (const [status, spec] of Object.entries(route.responses)) {
    const contentType = spec.contentType ?? 'application/json';
    responses[status] = {
      description: spec.description,
      ...(spec.schema
        ? { content: { [contentType]: { schema: toSchema(spec.schema, 'output') } } }
        : spec.contentType
          ? { content: { [contentType]: {} } }
          : {}),
    };
  }
  if (route.access !== 'public') {
    responses['401'] ??= {
      description: 'Missing, expired or foreign token',
      content: { 'application/json': { schema: ERROR_REF } },
    };
    responses['403'] ??= {
      description: `Needs the ${route.access === 'admin' ? 'ServiceDesk.Admin' : 'ServiceDesk.Agent'} role`,
      content: { 'application/json': { schema: ERROR_REF } },
    };
  }
  if (route.params || route.query || route.body)
    responses['400'] ??= {
      description: 'Invalid input',
      content: { 'application/json': { schema: ERROR_REF } },
    };

  return {
    operationId: operationId(route),
    summary: route.summary,
    tags: [route.tag],
    ...(route.access === 'public'
      ? { security: [] }
      : { 'x-required-role': route.access === 'admin' ? 'ServiceDesk.Admin' : 'ServiceDesk.Agent' }),
    parameters: [...parameters(route.params, 'path'), ...parameters(route.query, 'query')],
    ...(route.body
      ? {
          requestBody: {
            required: true,
            content: { 'application/json': { schema: toSchema(route.body, 'input') } },
          },
        }
      : route.rawBody
        ? {
            requestBody: {
              required: true,
              content: { [route.rawBody.contentType]: { schema: route.rawBody.schema } },
            },
          }
        : {}),
    responses,
  };
}

function parameters(schema: z.ZodType | undefined, where: 'path' | 'query'): unknown[] {
  if (!schema) return [];
  const json = toSchema(schema, 'input') as { properties?: Record<string, JsonSchema>; required?: string[] };
  return Object.entries(json.properties ?? {}).map(([name, property]) => ({
    name,
    in: where,
    required: where === 'path' || (json.required ?? []).includes(name),
    schema: property,
    ...(typeof property.description === 'string' ? { description: property.description } : {}),
  }));
}

function operationId(route: RouteSpec): string {
  const words = route.path.split('/').filter((s) => s && !s.startsWith(':'));
  return (
    [route.method, ...words]
      .map((w, i) => (i === 0 ? w : w.charAt(0).toUpperCase() + w.slice(1)))
      .join('')
      .replace(/[^A-Za-z0-9]/g, '') + (route.path.endsWith(':id') || /:\w+$/.test(route.path) ? 'ById' : '')
  );
}
