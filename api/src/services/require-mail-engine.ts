import { AppError } from '../domain/app-error.js';
import type { MailEngine } from '../ports/mail-engine.js';
import type { ServiceDeps } from './deps.js';

/** The running engine, or a 503 that says why there is none. */
export function requireMailEngine(deps: Pick<ServiceDeps, 'mail'>): MailEngine {
  if (!deps.mail)
    throw new AppError(
      'service_unavailable',
      'The mail engine is not running in this API (no Graph configuration).',
    );
  return deps.mail;
}
