import type { Request, Response } from 'express';
import type { z } from 'zod';
import type { Principal } from '../domain/principal.js';

// Every route is declared once, as data: the same declaration mounts it in Express, validates its input
// and describes it in /api/openapi.json, so the contract cannot drift from the code.

export type Access = 'public' | 'agent' | 'admin';
export type Method = 'get' | 'post' | 'put' | 'patch' | 'delete';

export type RouteInput<P, Q, B> = {
  params: P;
  query: Q;
  body: B;
  principal: Principal;
  req: Request;
  res: Response;
};

/** A JSON answer; a handler that streams or redirects writes to `res` itself and returns undefined. */
export type RouteResult = { status: number; body?: unknown } | undefined;

export type ResponseSpec = { description: string; schema?: z.ZodType; contentType?: string };

export type RouteSpec<P = unknown, Q = unknown, B = unknown> = {
  method: Method;
  /** Express syntax, relative to /api: `/requests/:id`. */
  path: string;
  summary: string;
  tag: string;
  access: Access;
  params?: z.ZodType<P>;
  query?: z.ZodType<Q>;
  body?: z.ZodType<B>;
  /** For bodies that are not JSON (uploads); documented as is, parsed by the handler. */
  rawBody?: { contentType: string; schema: Record<string, unknown> };
  responses: Record<number, ResponseSpec>;
  handler: (input: RouteInput<P, Q, B>) => Promise<RouteResult>;
};

/** Keeps each route's handler typed by its own schemas while the table holds them all. */
export function defineRoute<P = Record<string, never>, Q = Record<string, never>, B = undefined>(
  spec: RouteSpec<P, Q, B>,
): RouteSpec {
  return spec as unknown as RouteSpec;
}
