import type { ErrorRequestHandler, RequestHandler } from 'express';
import type { Logger } from 'pino';
import { ZodError } from 'zod';
import { AppError, type AppErrorCode } from '../../domain/app-error.js';

// The one place that turns errors into HTTP answers, all in one body shape (docs/architecture.md §5).
const STATUS: Record<AppErrorCode, number> = {
  validation_failed: 400,
  unauthenticated: 401,
  forbidden: 403,
  not_found: 404,
  conflict: 409,
  payload_too_large: 413,
  unsupported_media_type: 415,
  precondition_failed: 422,
  upstream_failed: 502,
  service_unavailable: 503,
};

type Body = { error: { code: string; message: string; requestId: string; details?: unknown } };

export const errorBody = (requestId: string, code: string, message: string, details?: unknown): Body => ({
  error: { code, message, requestId, ...(details === undefined ? {} : { details }) },
});

export function errorHandler(logger: Logger): ErrorRequestHandler {
  return (err: unknown, req, res, _next) => {
    const requestId = req.id;
    const { status, body } = describe(err, requestId);
    if (status >= 500) logger.error({ err, requestId }, 'request failed');
    if (status === 401) res.setHeader('WWW-Authenticate', 'Bearer');
    res.status(status).json(body);
  };
}

export const notFoundHandler: RequestHandler = (req, res) => {
  res.status(404).json(errorBody(req.id, 'route_not_found', `No route for ${req.method} ${req.path}.`));
};

function describe(err: unknown, requestId: string): { status: number; body: Body } {
  if (err instanceof AppError)
    return { status: STATUS[err.code], body: errorBody(requestId, err.code, err.message, err.details) };
  if (err instanceof ZodError) {
    // Each message names its field in words (http/validation), so the summary needs no keys to be read on its own.
    const details = err.issues.map((i) => ({ path: i.path.join('.'), message: i.message }));
    return {
      status: 400,
      body: errorBody(requestId, 'validation_failed', details.map((d) => d.message).join(' '), details),
    };
  }
  const type = (err as { type?: string } | null)?.type;
  if (type === 'entity.parse.failed')
    return {
      status: 400,
      body: errorBody(requestId, 'malformed_json', 'The request body is not valid JSON.'),
    };
  if (type === 'entity.too.large')
    return { status: 413, body: errorBody(requestId, 'payload_too_large', 'The request body is too large.') };
  if (type === 'encoding.unsupported' || type === 'charset.unsupported') {
    return {
      status: 415,
      body: errorBody(requestId, 'unsupported_media_type', 'The request body encoding is not supported.'),
    };
  }
  // Anything else is our bug: say so without leaking its message or stack.
  return {
    status: 500,
    body: errorBody(
      requestId,
      'internal_error',
      `Something went wrong on our side. Quote request id ${requestId} when reporting it.`,
    ),
  };
}
