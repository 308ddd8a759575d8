import { AuthenticationError, CredentialUnavailableError } from '@azure/identity';
import { GraphError } from '../ports/graph-error.js';
import { parseRetryAfter } from './middleware/retry-throttled.js';

// Everything that can go wrong talking to Graph or Entra, as one GraphError (docs/architecture.md §5).

type GraphErrorBody = {
  error?: { code?: string; message?: string; innerError?: { 'request-id'?: string; code?: string } };
};

/** A Graph answer that is not 2xx. Bodies may be Graph JSON, gateway HTML or nothing (docs/graph-behaviour.md §7.1). */
export async function responseError(response: Response): Promise<GraphError> {
  const text = await response.text().catch(() => '');
  let body: GraphErrorBody = {};
  try {
    body = JSON.parse(text) as GraphErrorBody;
  } catch {
    // Not JSON: a gateway page. The status says enough.
  }
  const retryAfterMs = parseRetryAfter(response.headers.get('retry-after'));
  const requestId = body.error?.innerError?.['request-id'] ?? response.headers.get('request-id') ?? undefined;
  return new GraphError({
    source: 'graph',
    status: response.status,
    code: body.error?.code ?? `HTTP${response.status}`,
    message: body.error?.message || `Graph answered ${response.status} ${response.statusText}`.trim(),
    ...(requestId ? { requestId } : {}),
    ...(retryAfterMs !== undefined ? { retryAfterMs } : {}),
    // The bearer middleware already retried with a fresh token; a 401 that reaches us is for a person to fix.
    reauthorisationRequired: response.status === 401,
  });
}

/** An exception from the identity client or from fetch itself. */
export function thrownError(error: unknown): GraphError {
  if (error instanceof GraphError) return error;
  if (error instanceof AuthenticationError) {
    const aadsts =
      error.errorResponse.errorCodes?.[0] ?? aadstsFromText(error.errorResponse.errorDescription);
    return new GraphError({
      source: 'entra',
      status: error.statusCode,
      code: error.errorResponse.error,
      message: firstLine(error.errorResponse.errorDescription),
      ...(aadsts !== undefined ? { aadsts } : {}),
      ...(error.errorResponse.correlationId ? { requestId: error.errorResponse.correlationId } : {}),
    });
  }
  if (error instanceof CredentialUnavailableError || isIdentityError(error)) {
    const message = error instanceof Error ? error.message : String(error);
    const aadsts = aadstsFromText(message);
    return new GraphError({
      source: 'entra',
      status: 0,
      code: entraCode(message),
      message: firstLine(message),
      ...(aadsts !== undefined ? { aadsts } : {}),
    });
  }
  const message = error instanceof Error ? `${error.message}${causeText(error)}` : String(error);
  return new GraphError({ source: 'network', status: 0, code: 'networkError', message });
}

function isIdentityError(error: unknown): boolean {
  return (
    error instanceof Error &&
    /AADSTS\d+|invalid_client|unauthorized_client|invalid_request|untrusted_authority|authority/i.test(
      error.message,
    ) &&
    error.name !== 'TypeError'
  );
}

function entraCode(message: string): string {
  return (
    /\b(invalid_client|unauthorized_client|invalid_request|invalid_scope|invalid_tenant|untrusted_authority)\b/.exec(
      message,
    )?.[1] ?? 'authentication_failed'
  );
}

function aadstsFromText(text: string | undefined): number | undefined {
  const match = /AADSTS(\d+)/.exec(text ?? '');
  return match?.[1] ? Number(match[1]) : undefined;
}

function firstLine(text: string): string {
  return text.split(/\r?\n/)[0]?.trim() ?? text;
}

function causeText(error: Error): string {
  const cause = (error as { cause?: unknown }).cause;
  if (cause instanceof Error) return `: ${(cause as NodeJS.ErrnoException).code ?? cause.message}`;
  return '';
}
