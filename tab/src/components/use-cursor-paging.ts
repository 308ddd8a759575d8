import { useState } from 'react';

export type CursorPaging = {
  /** The cursor of the page on screen (undefined: the first page). */
  cursor: string | undefined;
  /** The position of the page's first item, counting from 1. */
  first: number;
  hasPrevious: boolean;
  next(nextCursor: string): void;
  previous(): void;
};

/**
 * The API pages with opaque cursors: remember the ones behind us to go back. A new filter (another `filterKey`)
 * starts over at the first page.
 */
export function useCursorPaging(filterKey: string, pageSize: number): CursorPaging {
  const [paging, setPaging] = useState<{ key: string; cursors: (string | undefined)[] }>({
    key: filterKey,
    cursors: [undefined],
  });
  const cursors = paging.key === filterKey ? paging.cursors : [undefined];
  return {
    cursor: cursors[cursors.length - 1],
    first: (cursors.length - 1) * pageSize + 1,
    hasPrevious: cursors.length > 1,
    next: (nextCursor) => setPaging({ key: filterKey, cursors: [...cursors, nextCursor] }),
    previous: () => setPaging({ key: filterKey, cursors: cursors.slice(0, -1) }),
  };
}
