import type { Context } from '@microsoft/microsoft-graph-client';

// The SDK hands middleware either a Request or a URL plus fetch options with plain-object headers; these read and
// write a header in whichever form the request came.

export function requestUrl(context: Context): string {
  return typeof context.request === 'string' ? context.request : context.request.url;
}

export function requestMethod(context: Context): string {
  return (
    (typeof context.request === 'string' ? context.options?.method : context.request.method)?.toUpperCase() ??
    'GET'
  );
}

export function getHeader(context: Context, name: string): string | undefined {
  if (typeof context.request !== 'string') return context.request.headers.get(name) ?? undefined;
  const headers = context.options?.headers;
  if (!headers) return undefined;
  if (headers instanceof Headers) return headers.get(name) ?? undefined;
  const wanted = name.toLowerCase();
  const entry = Object.entries(headers as Record<string, string>).find(
    ([key]) => key.toLowerCase() === wanted,
  );
  return entry?.[1];
}

export function setHeader(context: Context, name: string, value: string | undefined): void {
  if (typeof context.request !== 'string') {
    if (value === undefined) context.request.headers.delete(name);
    else context.request.headers.set(name, value);
    return;
  }
  context.options ??= {};
  const headers = context.options.headers ?? {};
  if (headers instanceof Headers) {
    if (value === undefined) headers.delete(name);
    else headers.set(name, value);
  } else {
    const record = headers as Record<string, string>;
    const wanted = name.toLowerCase();
    for (const key of Object.keys(record)) if (key.toLowerCase() === wanted) delete record[key];
    if (value !== undefined) record[name] = value;
  }
  context.options.headers = headers;
}

/** Frees the connection of a response we are not going to read. */
export async function discardBody(response: Response | undefined): Promise<void> {
  await response?.body?.cancel().catch(() => undefined);
}
