import type { MailCenterItem } from '../domain/mail-center-item.js';
import { normaliseMessageId } from '../domain/mail-message.js';
import { PRIORITIES, formatSrNumber, type ServiceRequest } from '../domain/service-request.js';
import type { RequestSort } from '../ports/store-queries.js';

// The derived values the named queries compare, in one place: the memory engine computes them as it scans and the
// PostgreSQL adapter stores them in indexed columns at write time, so both answer the same question the same way.

/** What an SR search looks in, lower-cased. */
export const requestSearchText = (sr: ServiceRequest): string =>
  [formatSrNumber(sr.id), sr.title, sr.description, sr.requester.name, sr.requester.email, ...sr.participants]
    .join('\n')
    .toLowerCase();

/** Sorts after any name (U+FFFF is a noncharacter no name holds). */
export const UNASSIGNED_SORTS_LAST = '\uffff';

/** The value an SR list sorts by: a priority sorts by its rank, not its name. */
export function requestSortValue(sr: ServiceRequest, sort: RequestSort): string | number {
  switch (sort) {
    case 'id':
      return sr.id;
    case 'priority':
      return PRIORITIES.indexOf(sr.priority);
    case 'requester':
      return sr.requester.name;
    case 'assignee':
      // Unassigned SRs sort after every assignee, as "nobody yet".
      return sr.assignee?.name ?? UNASSIGNED_SORTS_LAST;
    default:
      return sr[sort];
  }
}

/** What a Mail Center search looks in, lower-cased. */
export const mailCenterSearchText = (item: MailCenterItem): string =>
  `${item.subject} ${item.from.name ?? ''} ${item.from.address} ${item.bodyPreview}`.toLowerCase();

/** A Message-ID as notes, Mail Center items and the ledger compare it: without angle brackets. */
export const messageIdKey = (id: string | undefined): string | undefined =>
  id === undefined ? undefined : normaliseMessageId(id);

/** Our outbound Message-IDs come back in headers with their case changed by some servers. */
export const outboundMessageIdKey = (id: string): string => normaliseMessageId(id).toLowerCase();

/** Compares two sort values of the same kind. */
export const compareValues = (a: string | number, b: string | number): number =>
  typeof a === 'number' && typeof b === 'number'
    ? a - b
    : String(a) < String(b)
      ? -1
      : String(a) > String(b)
        ? 1
        : 0;
