import type { EmuResponse } from '../core/emu-http.js';
import type { GraphCall } from './graph-call.js';
import { preferenceHeaders } from './prefer.js';
import { parseJsonBody } from './json-body.js';

/** The @odata.context of a response (informational; clients do not follow it). */
export function contextUrl(call: GraphCall, fragment: string): string {
  return `${call.req.origin}/v1.0/$metadata#${fragment}`;
}

export function entityResponse(
  call: GraphCall,
  status: number,
  context: string,
  body: object,
  headers: Record<string, string> = {},
): EmuResponse {
  return {
    status,
    json: { '@odata.context': contextUrl(call, context), ...body },
    headers: { ...preferenceHeaders(call.prefer), ...headers },
  };
}

export function collectionResponse(
  call: GraphCall,
  context: string,
  value: unknown[],
  extra: { nextLink?: string; count?: number; deltaLink?: string } = {},
): EmuResponse {
  return {
    status: 200,
    headers: preferenceHeaders(call.prefer),
    json: {
      '@odata.context': contextUrl(call, context),
      ...(extra.count !== undefined ? { '@odata.count': extra.count } : {}),
      value,
      ...(extra.nextLink ? { '@odata.nextLink': extra.nextLink } : {}),
      ...(extra.deltaLink ? { '@odata.deltaLink': extra.deltaLink } : {}),
    },
  };
}

/** The same request with some query options replaced: Graph's links are absolute https URLs (docs/graph-behaviour.md §0.3). */
export function linkWith(call: GraphCall, replace: Record<string, string>, drop: string[] = []): string {
  const query = new URLSearchParams(call.req.query);
  for (const key of drop) query.delete(key);
  for (const [key, value] of Object.entries(replace)) query.set(key, value);
  return `${call.req.origin}${call.req.path}?${query.toString()}`;
}

export function jsonBody(call: GraphCall): unknown {
  return parseJsonBody(call.req.body);
}
