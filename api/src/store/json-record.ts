/**
 * Copies a record into the form the store keeps: plain JSON, deeply frozen. Both adapters go through this,
 * so the memory store behaves exactly like a lowdb database that was written and read back:
 * - a property whose value is `undefined` is dropped (so `put` with `assignee: undefined` clears it);
 * - anything JSON would silently change is refused with a TypeError instead: Dates, Maps, class instances,
 *   functions, bigints, NaN and Infinity, `undefined` inside arrays, cycles;
 * - a NUL character in a string or a key becomes U+FFFD, as mail clients show it: PostgreSQL's text and jsonb cannot
 *   hold NUL (malformed customer mail carries it), and every adapter keeps the same thing.
 * Frozen, because the stored copy is shared by every reader until it is replaced.
 */
export function toJsonRecord<T>(record: T): T {
  return copy(record, '$', new Set()) as T;
}

function copy(value: unknown, path: string, ancestors: Set<object>): unknown {
  if (typeof value === 'string') return withoutNul(value);
  if (value === null || typeof value === 'boolean') return value;
  if (typeof value === 'number') {
    if (!Number.isFinite(value)) throw new TypeError(`${path} is ${value}, which JSON cannot hold.`);
    return value;
  }
  if (typeof value !== 'object') throw new TypeError(`${path} is a ${typeof value}, which JSON cannot hold.`);
  if (ancestors.has(value)) throw new TypeError(`${path} refers back to itself.`);
  ancestors.add(value);
  let result: unknown[] | Record<string, unknown>;
  if (Array.isArray(value)) {
    result = value.map((item: unknown, i) => {
      if (item === undefined)
        throw new TypeError(`${path}[${i}] is undefined, which JSON would turn into null.`);
      return copy(item, `${path}[${i}]`, ancestors);
    });
  } else {
    const proto: unknown = Object.getPrototypeOf(value);
    if (proto !== Object.prototype && proto !== null) {
      throw new TypeError(
        `${path} is a ${value.constructor?.name ?? 'non-plain object'}; store plain JSON (e.g. an ISO string, not a Date).`,
      );
    }
    result = {};
    for (const [key, item] of Object.entries(value)) {
      if (item !== undefined) result[withoutNul(key)] = copy(item, `${path}.${key}`, ancestors);
    }
  }
  ancestors.delete(value);
  return Object.freeze(result);
}

const withoutNul = (text: string): string =>
  text.includes('\u0000') ? text.replaceAll('\u0000', '\uFFFD') : text;
