import { AppError } from '../domain/app-error.js';

export type Page<T> = { items: T[]; total: number; nextCursor?: string };

// Cursors are opaque to clients; today they carry an offset, which keeps lists stable enough for a desk's sizes.
export function paginate<T>(all: readonly T[], limit: number, cursor?: string): Page<T> {
  return paginateAt(all, limit, cursor ? decodeCursor(cursor) : 0);
}

/** A page by position: for lists whose page number lives in the address bar. */
export function paginateAt<T>(all: readonly T[], limit: number, offset: number): Page<T> {
  const items = all.slice(offset, offset + limit);
  const next = offset + items.length;
  return { items, total: all.length, ...(next < all.length ? { nextCursor: encodeCursor(next) } : {}) };
}

const encodeCursor = (offset: number): string => Buffer.from(JSON.stringify({ o: offset })).toString('base64url');

function decodeCursor(cursor: string): number {
  try {
    const { o } = JSON.parse(Buffer.from(cursor, 'base64url').toString('utf8')) as { o?: unknown };
    if (typeof o === 'number' && Number.isInteger(o) && o >= 0) return o;
  } catch {
    // fall through to the one error below
  }
  throw new AppError('validation_failed', 'The cursor is not one this API issued.');
}
