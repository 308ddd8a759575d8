import { AppError } from '../domain/app-error.js';

/** `totalIsCapped`: there are more matches than `total` (lists stop counting at 1,000, store-queries.ts). */
export type Page<T> = { items: T[]; total: number; totalIsCapped?: boolean; nextCursor?: string };

// Cursors are opaque to clients: they carry where the previous page ended (its last sort key and id), so a page
// is found with an index however deep it is, and records added meanwhile do not shift later pages.
export const encodeCursor = (position: unknown): string =>
  Buffer.from(JSON.stringify(position)).toString('base64url');

/** The position a cursor carries, checked by `isValid`; a cursor this API did not issue is a 400. */
export function decodeCursor<T>(cursor: string, isValid: (position: unknown) => position is T): T {
  try {
    const position: unknown = JSON.parse(Buffer.from(cursor, 'base64url').toString('utf8'));
    if (isValid(position)) return position;
  } catch {
    // fall through to the one error below
  }
  throw new AppError('validation_failed', 'The cursor is not one this API issued.');
}

export const isObject = (value: unknown): value is Record<string, unknown> =>
  typeof value === 'object' && value !== null && !Array.isArray(value);
