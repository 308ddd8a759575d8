import { AppError } from './app-error.js';

export type Person = { name: string; email: string };

export type Priority = 'Low' | 'Medium' | 'High' | 'Critical';
export const PRIORITIES: readonly Priority[] = ['Low', 'Medium', 'High', 'Critical'];

/** What an SR list may be sorted by: the list route's `sort` and the store's named query take the same words. */
export const REQUEST_SORTS = [
  'id',
  'title',
  'status',
  'priority',
  'requester',
  'assignee',
  'createdAt',
  'updatedAt',
] as const;
export type RequestSort = (typeof REQUEST_SORTS)[number];

export type ServiceRequest = {
  id: number;
  title: string;
  description: string;
  requester: Person;
  /** Extra addresses that take part in the conversation, e.g. people CC'd. Lower-cased. */
  participants: string[];
  assignee?: Person;
  status: string;
  priority: Priority;
  createdAt: string;
  updatedAt: string;
  /** Set when an email reply arrives; cleared when an agent opens or answers the SR. */
  hasNewEmailReply: boolean;
};

const SR_PREFIX = 'SR-';
const SR_DIGITS = 6;

/** 123 -> "SR-000123": the number agents and customers see. */
export function formatSrNumber(id: number): string {
  return `${SR_PREFIX}${String(id).padStart(SR_DIGITS, '0')}`;
}

/** Accepts "SR-000123", "sr-123" and "123"; anything else is not an SR reference. */
export function parseSrRef(ref: string): number | undefined {
  const match = /^(?:sr-?)?0*(\d{1,9})$/i.exec(ref.trim());
  if (!match?.[1]) return undefined;
  const id = Number(match[1]);
  return id > 0 ? id : undefined;
}

export function requireRequestId(ref: string): number {
  const id = parseSrRef(ref);
  if (id === undefined)
    throw new AppError(
      'validation_failed',
      `"${ref}" is not a Service Request number (expected SR-000123 or 123).`,
    );
  return id;
}

/** Everyone whose mail about this SR we accept without review: the requester and the participants. */
export function isParticipant(sr: ServiceRequest, email: string): boolean {
  const address = email.trim().toLowerCase();
  return sr.requester.email.toLowerCase() === address || sr.participants.includes(address);
}

export function normaliseParticipants(addresses: readonly string[]): string[] {
  return [...new Set(addresses.map((a) => a.trim().toLowerCase()).filter(Boolean))];
}
