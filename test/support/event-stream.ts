import type { AddressInfo } from 'node:net';
import type { Server } from 'node:http';
import type { Express } from 'express';

export type EventStream = {
  /** The base URL of the app, listening on a free port for the stream. */
  base: string;
  /** Reads until the text received so far matches `wanted` (bounded); returns that text. */
  readUntil(wanted: RegExp, timeoutMs?: number): Promise<string>;
  /** The data of every `change` event received so far. */
  changes(): Array<{ collections: string[]; requestIds: number[]; allRequests?: boolean }>;
  close(): Promise<void>;
};

/** Listens with `app` on a free port and opens GET /api/events as `token`'s holder, as the tab does (fetch). */
export async function openEventStream(app: Express, token: string): Promise<EventStream> {
  const server: Server = await new Promise((resolve) => {
    const s = app.listen(0, '127.0.0.1', () => resolve(s));
  });
  const base = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
  const controller = new AbortController();
  const close = async () => {
    controller.abort();
    server.closeAllConnections();
    await new Promise((resolve) => server.close(resolve));
  };
  const res = await fetch(`${base}/api/events`, {
    headers: { authorization: `Bearer ${token}` },
    signal: controller.signal,
  });
  if (!/^text\/event-stream/.test(res.headers.get('content-type') ?? '')) {
    await close();
    throw new Error(`GET /api/events answered ${res.status} ${res.headers.get('content-type')}`);
  }
  const reader = res.body!.pipeThrough(new TextDecoderStream()).getReader();
  let text = '';
  return {
    base,
    async readUntil(wanted, timeoutMs = 10_000) {
      let timer: NodeJS.Timeout | undefined;
      const timeout = new Promise<never>((_, reject) => {
        timer = setTimeout(
          () => reject(new Error(`No ${wanted} on the stream in ${timeoutMs} ms: ${text}`)),
          timeoutMs,
        );
      });
      try {
        while (!wanted.test(text)) {
          const { value, done } = await Promise.race([reader.read(), timeout]);
          if (done) throw new Error(`The stream ended before ${wanted}: ${text}`);
          text += value;
        }
        return text;
      } finally {
        clearTimeout(timer);
      }
    },
    changes: () => [...text.matchAll(/event: change\ndata: (.*)\n/g)].map((m) => JSON.parse(m[1]!)),
    close,
  };
}
