import type { EmuRequest } from '../core/emu-http.js';

export type Prefer = {
  immutableIds: boolean;
  bodyType: 'html' | 'text' | null;
  maxPageSize: number | null;
  /** What to echo in Preference-Applied. */
  applied: string[];
};

/** The Prefer header: comma-joined or repeated preferences (docs/graph-behaviour.md §2.2). Each applies to this request only. */
export function parsePrefer(req: EmuRequest): Prefer {
  const prefer: Prefer = { immutableIds: false, bodyType: null, maxPageSize: null, applied: [] };
  for (const part of (req.headers.prefer ?? '').split(',')) {
    const [rawName = '', ...rest] = part.split('=');
    const name = rawName.trim().toLowerCase();
    const value = rest.join('=').trim().replace(/^"|"$/g, '');
    if (name === 'idtype' && value.toLowerCase() === 'immutableid') {
      prefer.immutableIds = true;
      prefer.applied.push('IdType="ImmutableId"');
    } else if (
      name === 'outlook.body-content-type' &&
      (value.toLowerCase() === 'text' || value.toLowerCase() === 'html')
    ) {
      prefer.bodyType = value.toLowerCase() as 'html' | 'text';
      prefer.applied.push(`outlook.body-content-type="${prefer.bodyType}"`);
    } else if (name === 'odata.maxpagesize' && /^\d+$/.test(value)) {
      prefer.maxPageSize = Math.max(1, Number(value));
      prefer.applied.push(`odata.maxpagesize=${prefer.maxPageSize}`);
    }
  }
  return prefer;
}

export function preferenceHeaders(prefer: Prefer): Record<string, string> {
  return prefer.applied.length > 0 ? { 'preference-applied': prefer.applied.join(', ') } : {};
}
