import type { Settings } from '../domain/settings.js';
import type { ServiceDeps } from './deps.js';
import { loadSettings } from './load-settings.js';

export function getSettings(deps: ServiceDeps): Promise<Settings> {
  return deps.store.read(loadSettings);
}
