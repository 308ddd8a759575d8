import { createServer, request, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';

// A load balancer in front of the instances, as App Service puts one: each request goes to the next instance in
// turn, and to the one after when an instance does not answer (killed). Only for what Graph posts (notifications).

export type RoundRobin = { url: string; close(): Promise<void> };

export async function startRoundRobin(ports: () => readonly number[]): Promise<RoundRobin> {
  let next = 0;
  const server: Server = createServer((req, res) => {
    const chunks: Buffer[] = [];
    req.on('data', (c: Buffer) => chunks.push(c));
    req.on('end', () => {
      const body = Buffer.concat(chunks);
      const targets = ports();
      const attempt = (tries: number): void => {
        if (tries >= targets.length) {
          res.writeHead(502).end();
          return;
        }
        const port = targets[next++ % targets.length]!;
        const upstream = request(
          { host: '127.0.0.1', port, method: req.method, path: req.url, headers: req.headers },
          (answer) => {
            res.writeHead(answer.statusCode ?? 502, answer.headers);
            answer.pipe(res);
          },
        );
        upstream.on('error', () => attempt(tries + 1));
        upstream.end(body);
      };
      attempt(0);
    });
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  return {
    url: `http://127.0.0.1:${(server.address() as AddressInfo).port}`,
    close: () => new Promise<void>((resolve) => server.close(() => resolve())),
  };
}
