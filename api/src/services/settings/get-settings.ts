import type { RateLimits } from '../../domain/rate-limits.js';
import type { Settings } from '../../domain/settings.js';
import { rateLimitDefaults } from './current-rate-limits.js';
import type { ServiceDeps } from '../deps.js';
import { loadSettings } from './load-settings.js';

/** The settings, with the defaults that apply where the admin left a rate limit unset. */
export type SettingsView = Settings & { rateLimitDefaults: RateLimits };

export async function getSettings(deps: ServiceDeps): Promise<SettingsView> {
  return { ...(await deps.store.read(loadSettings)), rateLimitDefaults: rateLimitDefaults(deps) };
}
