// Outlook's getAllInternetHeadersAsync returns the raw header block; the API wants name/value pairs.
// RFC 5322 §2.2.3: a line starting with white space continues the previous header (folding).
export type InternetHeader = { name: string; value: string };

export function parseInternetHeaders(raw: string): InternetHeader[] {
  const headers: InternetHeader[] = [];
  for (const line of raw.split(/\r?\n/)) {
    const last = headers.at(-1);
    if (/^[ \t]/.test(line) && last) {
      last.value = `${last.value} ${line.trim()}`;
      continue;
    }
    const colon = line.indexOf(':');
    if (colon <= 0) continue;
    headers.push({ name: line.slice(0, colon).trim(), value: line.slice(colon + 1).trim() });
  }
  return headers;
}
