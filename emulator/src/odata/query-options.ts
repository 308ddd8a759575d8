import type { EmuRequest } from '../core/emu-http.js';
import { GraphHttpError, notImplemented } from '../core/graph-error.js';
import { parseFilter, filterProperties, type FilterExpr } from './filter-parser.js';
import { checkFilter, propertyDef, unknownPropertyError, type PropertyTable } from './property-table.js';

const SYSTEM_OPTIONS = new Set([
  '$filter',
  '$orderby',
  '$top',
  '$skip',
  '$select',
  '$expand',
  '$count',
  '$search',
  '$skiptoken',
  '$deltatoken',
  '$format',
  '$apply',
  '$compute',
  '$levels',
  '$index',
  '$schemaversion',
  '$id',
]);
const UNSUPPORTED = new Set([
  '$search',
  '$format',
  '$apply',
  '$compute',
  '$levels',
  '$index',
  '$schemaversion',
  '$id',
]);

/**
 * The OData options of a request, checked against what the operation allows. Graph ignores unknown plain
 * parameters but rejects unknown `$` options; options it has but the emulator does not answer 501.
 */
export function queryOptions(req: EmuRequest, allowed: readonly string[]): Map<string, string> {
  const options = new Map<string, string>();
  for (const [rawKey, value] of req.query) {
    if (!rawKey.startsWith('$')) continue;
    const key = rawKey.toLowerCase();
    if (!SYSTEM_OPTIONS.has(key))
      throw new GraphHttpError(400, 'BadRequest', `Query option '${rawKey}' is not supported.`);
    if (UNSUPPORTED.has(key)) throw notImplemented(`the ${rawKey} query option`);
    if (!allowed.includes(key))
      throw new GraphHttpError(
        400,
        'BadRequest',
        `Query option '${rawKey}' is not allowed for this request.`,
      );
    if (options.has(key))
      throw new GraphHttpError(
        400,
        'BadRequest',
        `Query option '${rawKey}' was specified more than once, but it must be specified at most once.`,
      );
    options.set(key, value);
  }
  return options;
}

/** $top: 1-1000 for Outlook collections (docs/graph-behaviour.md §2.2). The exact answer above 1000 is not documented. */
export function parseTop(value: string | undefined, fallback: number): number {
  if (value === undefined) return fallback;
  if (!/^\d+$/.test(value.trim()))
    throw new GraphHttpError(
      400,
      'BadRequest',
      `Invalid value '${value}' for $top query option found. The $top query option requires a non-negative integer value.`,
    );
  const top = Number(value);
  if (top < 1 || top > 1000)
    throw new GraphHttpError(
      400,
      'ErrorInvalidUrlQuery',
      `The value '${value}' of the '$top' query option is out of range. It must be between 1 and 1000.`,
    );
  return top;
}

export function parseSkip(value: string | undefined): number {
  if (value === undefined) return 0;
  if (!/^\d+$/.test(value.trim()))
    throw new GraphHttpError(
      400,
      'BadRequest',
      `Invalid value '${value}' for $skip query option found. The $skip query option requires a non-negative integer value.`,
    );
  return Number(value);
}

export function parseCount(value: string | undefined): boolean {
  if (value === undefined) return false;
  if (value !== 'true' && value !== 'false')
    throw new GraphHttpError(400, 'BadRequest', `'${value}' is not a valid count option.`);
  return value === 'true';
}

/** $select: property names of the type; `id` is always returned anyway. */
export function parseSelect<T>(value: string | undefined, table: PropertyTable<T>): Set<string> | null {
  if (value === undefined) return null;
  const names = value
    .split(',')
    .map((s) => s.trim())
    .filter(Boolean);
  for (const name of names) if (!table.known.has(name)) throw unknownPropertyError(name, table.typeName);
  return new Set(names);
}

export type OrderBy = { property: string; descending: boolean };

export function parseOrderBy<T>(value: string | undefined, table: PropertyTable<T>): OrderBy[] {
  if (value === undefined) return [];
  return value.split(',').map((part) => {
    const [property = '', direction = 'asc', ...rest] = part.trim().split(/\s+/);
    if (rest.length > 0 || !['asc', 'desc'].includes(direction.toLowerCase())) {
      throw new GraphHttpError(400, 'BadRequest', `Syntax error at position ${part.length} in '${value}'.`);
    }
    if (!propertyDef(table, property).sortable)
      throw new GraphHttpError(
        400,
        'ErrorInvalidUrlQuery',
        `The property '${property}' cannot be used in $orderby.`,
      );
    return { property, descending: direction.toLowerCase() === 'desc' };
  });
}

/** $filter with Outlook's InefficientFilter rule: $orderby properties must lead the filter, in order (docs/graph-behaviour.md §2.2, C3). */
export function parseListFilter<T>(
  filterText: string | undefined,
  orderBy: OrderBy[],
  table: PropertyTable<T>,
): FilterExpr | undefined {
  if (filterText === undefined) return undefined;
  const filter = parseFilter(filterText);
  checkFilter(filter, table);
  const named = [...new Set(filterProperties(filter))];
  if (orderBy.length > 0 && !orderBy.every((o, i) => named[i] === o.property)) {
    throw new GraphHttpError(
      400,
      'InefficientFilter',
      'The restriction or sort order is too complex for this operation.',
    );
  }
  return filter;
}

export type AttachmentExpand = { select: Set<string> | null };

/** $expand on messages: attachments, optionally with a nested $select. */
export function parseMessageExpand(
  value: string | undefined,
  attachmentTable: PropertyTable<unknown>,
): AttachmentExpand | null {
  if (value === undefined) return null;
  const match = /^\s*attachments\s*(\((.*)\))?\s*$/.exec(value);
  if (!match) {
    const name = value.split(/[(,]/)[0]?.trim() ?? value;
    if (['extensions', 'singleValueExtendedProperties', 'multiValueExtendedProperties'].includes(name))
      throw notImplemented(`$expand=${name}`);
    throw unknownPropertyError(name, 'microsoft.graph.message');
  }
  const nested = match[2]?.trim();
  if (!nested) return { select: null };
  const select = /^\$select=(.*)$/i.exec(nested);
  if (!select) throw notImplemented(`nested options other than $select in $expand (${nested})`);
  return { select: parseSelect(select[1], attachmentTable) };
}
