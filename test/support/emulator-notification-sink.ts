import http from 'node:http';
import type { AddressInfo } from 'node:net';

export type Received = { path: string; query: URLSearchParams; body: string; json: unknown; at: number };

/**
 * A local webhook receiver for change notifications: answers the validation handshake (unless told otherwise)
 * and records every POST. `respond` decides the status of ordinary deliveries.
 */
export class NotificationSink {
  readonly received: Received[] = [];
  respond: (r: Received) => number | Promise<number> = () => 202;
  echoValidation = true;
  private server!: http.Server;
  url = '';

  static async start(): Promise<NotificationSink> {
    const sink = new NotificationSink();
    sink.server = http.createServer((req, res) => void sink.handle(req, res));
    await new Promise<void>((resolve) => sink.server.listen(0, '127.0.0.1', resolve));
    sink.url = `http://127.0.0.1:${(sink.server.address() as AddressInfo).port}`;
    return sink;
  }

  /** Ordinary deliveries (not handshakes) to a path. */
  deliveries(path: string): Array<{ value: Array<Record<string, unknown>> }> {
    return this.received
      .filter((r) => r.path === path && !r.query.has('validationToken'))
      .map((r) => r.json as { value: Array<Record<string, unknown>> });
  }

  close(): Promise<void> {
    return new Promise((resolve) => {
      this.server.close(() => resolve());
      this.server.closeAllConnections();
    });
  }

  private async handle(req: http.IncomingMessage, res: http.ServerResponse): Promise<void> {
    const chunks: Buffer[] = [];
    for await (const chunk of req) chunks.push(chunk as Buffer);
    const url = new URL(req.url ?? '/', this.url);
    const body = Buffer.concat(chunks).toString('utf8');
    const record: Received = {
      path: url.pathname,
      query: url.searchParams,
      body,
      json: body ? safeJson(body) : undefined,
      at: Date.now(),
    };
    this.received.push(record);
    const token = url.searchParams.get('validationToken');
    if (token !== null) {
      res.writeHead(this.echoValidation ? 200 : 500, { 'content-type': 'text/plain' });
      res.end(this.echoValidation ? token : 'no');
      return;
    }
    res.writeHead(await this.respond(record));
    res.end();
  }
}

function safeJson(text: string): unknown {
  try {
    return JSON.parse(text);
  } catch {
    return undefined;
  }
}
