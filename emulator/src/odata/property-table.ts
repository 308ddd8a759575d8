import { GraphHttpError } from '../core/graph-error.js';
import type { FilterExpr, Literal } from './filter-parser.js';

export type PropertyType = 'boolean' | 'string' | 'datetime' | 'number';
export type PropertyDef<T> = {
  type: PropertyType;
  get: (entity: T) => string | number | boolean | null;
  filterable: boolean;
  sortable: boolean;
};
export type PropertyTable<T> = {
  typeName: string;
  known: ReadonlySet<string>;
  properties: Record<string, PropertyDef<T>>;
};

const EDM: Record<PropertyType | Literal['type'], string> = {
  boolean: 'Edm.Boolean',
  string: 'Edm.String',
  datetime: 'Edm.DateTimeOffset',
  number: 'Edm.Int32',
  null: 'null',
};

export function unknownPropertyError(name: string, typeName: string): GraphHttpError {
  return new GraphHttpError(
    400,
    'BadRequest',
    `Could not find a property named '${name}' on type '${typeName}'.`,
  );
}

/** Property lookup is case-sensitive in OData; Graph's Outlook filters are too. */
export function propertyDef<T>(table: PropertyTable<T>, path: string): PropertyDef<T> {
  const def = table.properties[path];
  if (def) return def;
  const top = path.split('/')[0] ?? path;
  if (!table.known.has(top)) throw unknownPropertyError(top, table.typeName);
  throw new GraphHttpError(
    400,
    'ErrorInvalidUrlQueryFilter',
    'The query filter contains one or more invalid nodes.',
  );
}

/** Type-checks a filter against the table before anything is evaluated. */
export function checkFilter<T>(expr: FilterExpr, table: PropertyTable<T>): void {
  switch (expr.kind) {
    case 'and':
    case 'or':
      checkFilter(expr.left, table);
      checkFilter(expr.right, table);
      return;
    case 'not':
      checkFilter(expr.expr, table);
      return;
    case 'property': {
      const def = propertyDef(table, expr.property);
      if (def.type !== 'boolean')
        throw new GraphHttpError(
          400,
          'BadRequest',
          `The $filter expression must evaluate to a single boolean value.`,
        );
      return;
    }
    case 'function': {
      const def = propertyDef(table, expr.property);
      if (def.type !== 'string' || !def.filterable)
        throw new GraphHttpError(
          400,
          'ErrorInvalidUrlQueryFilter',
          'The query filter contains one or more invalid nodes.',
        );
      return;
    }
    case 'compare': {
      const def = propertyDef(table, expr.property);
      if (!def.filterable)
        throw new GraphHttpError(
          400,
          'ErrorInvalidUrlQueryFilter',
          'The query filter contains one or more invalid nodes.',
        );
      const literalType = expr.value.type;
      const compatible =
        literalType === 'null' ||
        literalType === def.type ||
        (def.type === 'datetime' && literalType === 'datetime');
      if (!compatible) {
        throw new GraphHttpError(
          400,
          'BadRequest',
          `A binary operator with incompatible types was detected. Found operand types '${EDM[def.type]}' and '${EDM[literalType]}' for operator kind '${expr.op}'.`,
        );
      }
    }
  }
}

export function evaluateFilter<T>(expr: FilterExpr, entity: T, table: PropertyTable<T>): boolean {
  switch (expr.kind) {
    case 'and':
      return evaluateFilter(expr.left, entity, table) && evaluateFilter(expr.right, entity, table);
    case 'or':
      return evaluateFilter(expr.left, entity, table) || evaluateFilter(expr.right, entity, table);
    case 'not':
      return !evaluateFilter(expr.expr, entity, table);
    case 'property':
      return propertyDef(table, expr.property).get(entity) === true;
    case 'function': {
      const value = String(propertyDef(table, expr.property).get(entity) ?? '').toLowerCase();
      const needle = expr.value.toLowerCase();
      return expr.name === 'startswith'
        ? value.startsWith(needle)
        : expr.name === 'endswith'
          ? value.endsWith(needle)
          : value.includes(needle);
    }
    case 'compare': {
      const actual = propertyDef(table, expr.property).get(entity);
      const expected = expr.value.type === 'null' ? null : expr.value.value;
      return compareValues(actual, expected, expr.op);
    }
  }
}

function compareValues(
  actual: string | number | boolean | null,
  expected: string | number | boolean | null,
  op: string,
): boolean {
  const a = typeof actual === 'string' ? actual.toLowerCase() : actual;
  const b = typeof expected === 'string' ? expected.toLowerCase() : expected;
  if (op === 'eq') return a === b;
  if (op === 'ne') return a !== b;
  if (a === null || b === null) return false;
  if (op === 'gt') return a > b;
  if (op === 'ge') return a >= b;
  if (op === 'lt') return a < b;
  return a <= b;
}

export function compareForSort(
  a: string | number | boolean | null,
  b: string | number | boolean | null,
): number {
  if (a === b) return 0;
  if (a === null) return -1;
  if (b === null) return 1;
  const x = typeof a === 'string' ? a.toLowerCase() : a;
  const y = typeof b === 'string' ? b.toLowerCase() : b;
  return x < y ? -1 : x > y ? 1 : 0;
}
