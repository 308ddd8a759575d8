// PostgreSQL error codes (SQLSTATE) the store acts on.

import { AppError } from '../../domain/app-error.js';

const code = (error: unknown): string | undefined =>
  (error as { code?: unknown })?.code as string | undefined;

/** A serialisation failure or a deadlock: running the transaction again is the documented remedy. */
export const isRetryable = (error: unknown): boolean => code(error) === '40001' || code(error) === '40P01';

const CONNECTION_CODES = new Set([
  'ECONNREFUSED',
  'ECONNRESET',
  'ETIMEDOUT',
  'EPIPE',
  'ENOTFOUND',
  '57P01',
  '57P02',
  '57P03',
  '08000',
  '08003',
  '08006',
  '08001',
  '08004',
]);

/** The server is down, restarting or unreachable: not the request's fault, and it may pass. */
export function isConnectionLost(error: unknown): boolean {
  const c = code(error);
  if (c && CONNECTION_CODES.has(c)) return true;
  const message = error instanceof Error ? error.message : '';
  return /Connection terminated|connection timeout|timeout exceeded when trying to connect|Client has encountered a connection error/i.test(
    message,
  );
}

/** What a caller of the store sees of a database failure: a passing outage or overload is "try again shortly". */
export function toStoreError(error: unknown): unknown {
  if (isConnectionLost(error))
    return new AppError('service_unavailable', 'The database cannot be reached just now; try again shortly.');
  if (isRetryable(error))
    return new AppError(
      'service_unavailable',
      'The database is too busy to finish this just now; try again.',
    );
  return error;
}
