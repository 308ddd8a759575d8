import { notFound } from '../../domain/app-error.js';
import { formatSrNumber, type ServiceRequest } from '../../domain/service-request.js';
import type { ReadTransaction } from '../../ports/store.js';

/** The SR or a not_found error naming it the way people do (SR-000123). */
export async function loadRequest(tx: ReadTransaction, id: number): Promise<ServiceRequest> {
  const sr = await tx.collection('requests').get(id);
  if (!sr) throw notFound('Service Request', formatSrNumber(id));
  return sr;
}
