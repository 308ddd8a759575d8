import type { Context, Middleware } from '@microsoft/microsoft-graph-client';
import { getHeader, setHeader } from './request-headers.js';

// Immutable ids survive moves inside the mailbox, but the preference applies only to the request that carries it,
// nextLink follow-ups included (docs/graph-behaviour.md §2.2, C4, C5).
// https://learn.microsoft.com/graph/outlook-immutable-id
const IMMUTABLE_ID = 'IdType="ImmutableId"';

export class PreferImmutableIds implements Middleware {
  private next!: Middleware;

  async execute(context: Context): Promise<void> {
    const prefer = getHeader(context, 'Prefer');
    if (!prefer?.includes(IMMUTABLE_ID))
      setHeader(context, 'Prefer', prefer ? `${prefer}, ${IMMUTABLE_ID}` : IMMUTABLE_ID);
    await this.next.execute(context);
  }

  setNext(next: Middleware): void {
    this.next = next;
  }
}
