// The one error type services throw. Codes are a closed union so the HTTP layer can map every one
// of them to a status in one place (http/middleware/error-handler.ts); no HTTP status lives here.
export type AppErrorCode =
  | 'validation_failed'
  | 'not_found'
  | 'conflict'
  | 'unauthenticated'
  | 'forbidden'
  | 'payload_too_large'
  | 'unsupported_media_type'
  | 'precondition_failed'
  | 'service_unavailable'
  | 'upstream_failed';

export class AppError extends Error {
  readonly code: AppErrorCode;
  readonly details?: unknown;

  constructor(code: AppErrorCode, message: string, details?: unknown) {
    super(message);
    this.name = 'AppError';
    this.code = code;
    this.details = details;
  }
}

export const notFound = (what: string, id: string | number): AppError =>
  new AppError('not_found', `${what} ${String(id)} does not exist.`);

/** A refusal that belongs to one field of a form: `details` has the shape of a refused request body's, so the form shows it there. */
export const fieldError = (code: AppErrorCode, path: string, message: string): AppError =>
  new AppError(code, message, [{ path, message }]);
