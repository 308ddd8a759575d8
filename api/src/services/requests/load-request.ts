import { notFound } from '../../domain/app-error.js';
import { formatSrNumber, type ServiceRequest } from '../../domain/service-request.js';
import type { ReadTransaction, Transaction } from '../../ports/store.js';

/** The SR or a not_found error naming it the way people do (SR-000123). */
export async function loadRequest(tx: ReadTransaction, id: number): Promise<ServiceRequest> {
  return found(id, await tx.collection('requests').get(id));
}

/**
 * `loadRequest`, with the SR locked until the transaction ends: for work that decides a write of it and may run with
 * row locks (TransactOptions.isolation). Two such transactions on one SR take turns.
 */
export async function lockRequest(tx: Transaction, id: number): Promise<ServiceRequest> {
  return found(id, await tx.collection('requests').getForUpdate(id));
}

function found(id: number, sr: ServiceRequest | undefined): ServiceRequest {
  if (!sr) throw notFound('Service Request', formatSrNumber(id));
  return sr;
}
