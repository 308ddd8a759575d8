// Statuses are configurable (Administration > Service messaging); these are the seeded defaults.
export type StatusDefinition = { name: string; isClosed: boolean };

export const DEFAULT_STATUSES: readonly StatusDefinition[] = [
  { name: 'New', isClosed: false },
  { name: 'Open', isClosed: false },
  { name: 'Awaiting Customer', isClosed: false },
  { name: 'Customer Replied', isClosed: false },
  { name: 'Resolved', isClosed: true },
  { name: 'Closed', isClosed: true },
];

export const INITIAL_STATUS = 'New';

export function findStatus(
  statuses: readonly StatusDefinition[],
  name: string,
): StatusDefinition | undefined {
  const wanted = name.trim().toLowerCase();
  return statuses.find((s) => s.name.toLowerCase() === wanted);
}
