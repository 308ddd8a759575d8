import type { Response } from 'express';
import { AppError } from '../../domain/app-error.js';
import { ZErrorBody } from '../../contract/common.js';
import type { Change } from '../../services/change-feed.js';
import type { ServiceDeps } from '../../services/deps.js';
import { defineRoute } from '../route.js';

/** A comment line now and then keeps proxies and Teams' webview from closing an idle stream. */
const HEARTBEAT_MS = 20_000;

/**
 * Server-sent events for the live screens: one `change` event per committed transaction, naming the collections
 * and SR numbers touched, never their content (the screen reloads what it shows through the usual, access-checked
 * routes). The tab reads the stream with fetch, so it is authenticated like every other call: EventSource cannot
 * send an Authorization header.
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
            'The stream; `ready` first, then `change` events with JSON data { collections, requestIds }',
          contentType: 'text/event-stream',
        },
        401: { description: 'No or invalid token', schema: ZErrorBody },
        503: { description: 'Live updates are not available in this configuration', schema: ZErrorBody },
      },
      handler: async ({ req, res }) => {
        const changes = deps.changes;
        if (!changes)
          throw new AppError(
            'service_unavailable',
            'Live updates are not available here; refresh to see changes.',
          );
        openStream(res);
        const unsubscribe = changes.subscribe((change: Change) => send(res, 'change', change));
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

function send(res: Response, event: string, data: unknown): void {
  res.write(`event: ${event}\ndata: ${JSON.stringify(data)}\n\n`);
}
