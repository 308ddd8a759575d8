import type { StatusDefinition } from '../../domain/status.js';
import type { ServiceDeps } from '../deps.js';
import { loadSettings } from './load-settings.js';

export async function listStatuses(deps: ServiceDeps): Promise<StatusDefinition[]> {
  return (await deps.store.read(loadSettings)).statuses;
}
