import { AppError } from '../domain/app-error.js';
import type { BodyReader, ServiceDeps } from './deps.js';

/** The engine's body reader, or a 503 that says filing email needs the engine. */
export function requireBodyReader(deps: Pick<ServiceDeps, 'reader'>): BodyReader {
  if (!deps.reader)
    throw new AppError(
      'service_unavailable',
      'Filing email needs the mail engine, and this server runs without it.',
    );
  return deps.reader;
}
