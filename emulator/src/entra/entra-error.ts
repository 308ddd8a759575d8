import { randomUUID } from 'node:crypto';
import type { EmuRequest, EmuResponse } from '../core/emu-http.js';

/** Entra's OAuth error body (docs/graph-behaviour.md §1.2), with its AADSTS code in the description and in error_codes. */
export function entraError(
  req: EmuRequest,
  status: number,
  error: string,
  aadsts: number,
  text: string,
  headers: Record<string, string> = {},
): EmuResponse {
  const traceId = randomUUID();
  const correlationId = req.headers['client-request-id'] ?? randomUUID();
  const now = new Date();
  const timestamp = `${now.toISOString().slice(0, 10)} ${now.toISOString().slice(11, 19)}Z`;
  return {
    status,
    headers,
    json: {
      error,
      error_description: `AADSTS${aadsts}: ${text} Trace ID: ${traceId} Correlation ID: ${correlationId} Timestamp: ${timestamp}`,
      error_codes: [aadsts],
      timestamp,
      trace_id: traceId,
      correlation_id: correlationId,
      error_uri: `${req.origin}/error?code=${aadsts}`,
    },
  };
}

export function tenantNotFound(
  req: EmuRequest,
  tenant: string,
  error = 'invalid_request',
  headers: Record<string, string> = {},
): EmuResponse {
  return entraError(
    req,
    400,
    error,
    90002,
    `Tenant '${tenant}' not found. Check to make sure you have the correct tenant ID and are signing into the correct cloud. Check with your subscription administrator, this may happen if there are no active subscriptions for the tenant.`,
    headers,
  );
}
