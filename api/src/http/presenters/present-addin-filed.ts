import type { TAddinCreated, TAddinFiled, TAddinMoved } from '../../contract/addin.js';
import { formatSrNumber } from '../../domain/service-request.js';
import type { FiledEmail } from '../../services/filing/file-email.js';
import type { MovedEmail } from '../../services/filing/move-filed-email.js';
import { presentFiling } from './present-addin-lookup.js';

export function presentAddinFiled(filed: FiledEmail, agent: string): TAddinFiled {
  return {
    filing: presentFiling(filed.request, filed.note, agent),
    attachmentIds: filed.attachmentIds,
    ...(filed.statusChange ? { statusChange: filed.statusChange } : {}),
  };
}

export function presentAddinCreated(filed: FiledEmail, agent: string): TAddinCreated {
  return {
    ...presentAddinFiled(filed, agent),
    request: { id: filed.request.id, number: formatSrNumber(filed.request.id), title: filed.request.title },
  };
}

export function presentAddinMoved(moved: MovedEmail, agent: string): TAddinMoved {
  return {
    filing: presentFiling(moved.to, moved.note, agent),
    from: { requestId: moved.from.id, number: formatSrNumber(moved.from.id) },
  };
}
