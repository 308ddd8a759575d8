import type { ServiceRequest } from '../../domain/service-request.js';
import type { ServiceDeps } from '../deps.js';
import { loadRequest } from './load-request.js';

export function getRequest(deps: ServiceDeps, id: number): Promise<ServiceRequest> {
  return deps.store.read((tx) => loadRequest(tx, id));
}
