// Small display helpers. SR numbers follow the API's format (SR-000123).
export const formatSrNumber = (id: number): string => `SR-${String(id).padStart(6, '0')}`;

/** "SR-000123", "sr-123" and "123" -> 123; anything else undefined. */
export function parseSrRef(ref: string): number | undefined {
  const match = /^(?:sr-?)?0*(\d{1,9})$/i.exec(ref.trim());
  const id = match?.[1] ? Number(match[1]) : 0;
  return id > 0 ? id : undefined;
}

export function formatBytes(bytes: number): string {
  if (bytes < 1024) return `${bytes} B`;
  if (bytes < 1024 * 1024) return `${Math.round(bytes / 1024)} KB`;
  return `${(bytes / 1024 / 1024).toFixed(1)} MB`;
}

export const formatDateTime = (iso: string): string =>
  new Date(iso).toLocaleString(undefined, { dateStyle: 'medium', timeStyle: 'short' });
