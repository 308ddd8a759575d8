import type { Response } from 'express';
import { ZErrorBody } from '../../contract/common.js';
import type { CommitChange } from '../../ports/store.js';
import type { ServiceDeps } from '../../services/deps.js';
import { defineRoute } from '../route.js';

/** A comment line now and then keeps proxies and Teams' webview from closing an idle stream. */
const HEARTBEAT_MS = 20_000;

/**
 * Server-sent events for the live screens: one `change` event per committed transaction, naming the collections
 * and SR numbers touched, never their content (the screen reloads what it shows through the usual, access-checked
 * routes). The store's onCommit hears every commit, on PostgreSQL those of the other instances too, so a screen
 * sees a note added through any instance behind the load balancer. The tab reads the stream with fetch, so it is
 * authenticated like every other call: EventSource cannot send an Authorization header.
 */
export function eventRoutes(deps: ServiceDeps) {
  return [
    defineRoute({
      method: 'get',
      path: '/events',
      tag: 'Events',
      summary: 'A text/event-stream of changes (collections and SR ids), one `change` event per commit',
      access: 'agent',
      responses: {
        200: {
          description:
            'The stream; `ready` first, then `change` events with JSON data { collections, requestIds, allRequests? } (allRequests: true when the SRs are not listed, so any SR may have changed)',
          contentType: 'text/event-stream',
        },
        401: { description: 'No or invalid token', schema: ZErrorBody },
      },
      handler: async ({ req, res }) => {
        openStream(res);
        const unsubscribe = deps.store.onCommit((change) => {
          // A commit that only moved a sequence changed nothing a screen shows; a stream already closed hears nothing.
          if (Object.keys(change.collections).length === 0 || res.writableEnded || res.destroyed) return;
          send(res, 'change', liveChange(change));
        });
        const heartbeat = setInterval(() => res.write(': keep-alive\n\n'), HEARTBEAT_MS);
        req.on('close', () => {
          clearInterval(heartbeat);
          unsubscribe();
        });
        return undefined;
      },
    }),
  ];
}

function openStream(res: Response): void {
  res.status(200);
  res.setHeader('Content-Type', 'text/event-stream; charset=utf-8');
  res.setHeader('Cache-Control', 'no-cache, no-transform');
  res.setHeader('X-Accel-Buffering', 'no');
  res.flushHeaders();
  // A client that lost the stream tries again after 2 s.
  res.write('retry: 2000\n\n');
  send(res, 'ready', {});
}

/** What the stream says of a commit: the collections and SR ids, never the records' ids nor their content. */
function liveChange(change: CommitChange): {
  collections: string[];
  requestIds: number[];
  allRequests?: true;
} {
  return {
    collections: Object.keys(change.collections),
    requestIds: change.requestIds ?? [],
    ...(change.requestIds ? {} : { allRequests: true as const }),
  };
}

function send(res: Response, event: string, data: unknown): void {
  res.write(`event: ${event}\ndata: ${JSON.stringify(data)}\n\n`);
}
