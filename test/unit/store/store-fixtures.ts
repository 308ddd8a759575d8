import type { ServiceRequest } from '../../../api/src/domain/service-request.js';

export const aRequest = (id: number, overrides: Partial<ServiceRequest> = {}): ServiceRequest => ({
  id,
  title: `Printer ${id} is jammed`,
  description: 'Paper stuck in tray 2.',
  requester: { name: 'Ada Customer', email: 'ada@example.com' },
  participants: ['bob@example.com'],
  status: 'New',
  priority: 'Medium',
  createdAt: '2025-01-02T03:04:05.000Z',
  updatedAt: '2025-01-02T03:04:05.000Z',
  hasNewEmailReply: false,
  ...overrides,
});

/** A promise with its resolve exposed, to hold a unit of work at a known point. */
export function gate(): { promise: Promise<void>; open: () => void } {
  let open!: () => void;
  const promise = new Promise<void>((resolve) => (open = resolve));
  return { promise, open };
}

/** Lets every other queued job and I/O callback run, so a transaction that could start would have. */
export const letOthersRun = (): Promise<void> => new Promise((resolve) => setImmediate(resolve));
