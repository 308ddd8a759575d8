import { DEFAULT_RATE_LIMITS, effectiveRateLimits, type RateLimits } from '../../domain/rate-limits.js';
import type { Settings } from '../../domain/settings.js';
import type { ServiceDeps } from '../deps.js';

/** The installation's loop guards: the environment's, or the built-in ones. */
export function rateLimitDefaults(deps: Pick<ServiceDeps, 'rateLimitDefaults'>): RateLimits {
  return deps.rateLimitDefaults ?? DEFAULT_RATE_LIMITS;
}

/** The loop guards in force: the admin's settings where set, the installation's elsewhere. */
export function currentRateLimits(
  deps: Pick<ServiceDeps, 'rateLimitDefaults'>,
  settings: Settings,
): RateLimits {
  return effectiveRateLimits(settings.rateLimits, rateLimitDefaults(deps));
}
