// Dates, sizes and email addresses as people read them, in the page's language (Teams' locale inside Teams, see app.tsx).
const locale = (): string | undefined => document.documentElement.lang || undefined;

export const formatDateTime = (iso: string): string =>
  new Date(iso).toLocaleString(locale(), { dateStyle: 'medium', timeStyle: 'short' });

export const formatDate = (iso: string): string =>
  new Date(iso).toLocaleDateString(locale(), { dateStyle: 'medium' });

/** "Name <address>", or the address alone when there is no other name. */
export const formatAddress = (a: { name?: string; address: string }): string =>
  a.name && a.name !== a.address ? `${a.name} <${a.address}>` : a.address;

export const formatAddresses = (list: readonly { name?: string; address: string }[]): string =>
  list.map(formatAddress).join(', ');

export function formatSize(bytes: number): string {
  if (bytes < 1024) return `${bytes} B`;
  const units = ['KB', 'MB', 'GB'];
  let value = bytes / 1024;
  let unit = 0;
  while (value >= 1024 && unit < units.length - 1) {
    value /= 1024;
    unit += 1;
  }
  return `${value.toFixed(value < 10 ? 1 : 0)} ${units[unit]}`;
}

/** "3 days ago"-style, falling back to the date for anything older than a week. */
export function formatRelative(iso: string, now = Date.now()): string {
  const seconds = Math.round((new Date(iso).getTime() - now) / 1000);
  const abs = Math.abs(seconds);
  const rtf = new Intl.RelativeTimeFormat(locale(), { numeric: 'auto' });
  if (abs < 60) return rtf.format(seconds, 'second');
  if (abs < 3600) return rtf.format(Math.round(seconds / 60), 'minute');
  if (abs < 86_400) return rtf.format(Math.round(seconds / 3600), 'hour');
  if (abs < 7 * 86_400) return rtf.format(Math.round(seconds / 86_400), 'day');
  return formatDate(iso);
}
