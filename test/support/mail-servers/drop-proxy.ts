import { connect, createServer, type AddressInfo, type Server, type Socket } from 'node:net';

// A TCP relay in front of a server port that can cut every connection once the server has sent a number of bytes:
// "the server dropped the connection mid-fetch", at a point the test chooses, whatever runs over it (TLS included).

export type DropProxy = {
  port: number;
  /** Cuts the connections after the server has sent this many more bytes (across all of them). */
  dropAfter(bytes: number): void;
  /** How many connections were cut. */
  readonly drops: number;
  close(): Promise<void>;
};

export async function startDropProxy(target: { host: string; port: number }): Promise<DropProxy> {
  const pairs = new Set<[Socket, Socket]>();
  let budget = Infinity;
  let drops = 0;
  const server: Server = createServer((client) => {
    const upstream = connect(target);
    const pair: [Socket, Socket] = [client, upstream];
    pairs.add(pair);
    const end = () => {
      pairs.delete(pair);
      client.destroy();
      upstream.destroy();
    };
    upstream.on('data', (chunk: Buffer) => {
      budget -= chunk.length;
      if (budget < 0) {
        budget = Infinity;
        drops += 1;
        for (const [a, b] of [...pairs]) {
          a.destroy();
          b.destroy();
        }
        return;
      }
      client.write(chunk);
    });
    client.on('data', (chunk: Buffer) => upstream.write(chunk));
    client.on('error', end).on('close', end);
    upstream.on('error', end).on('close', end);
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  return {
    port: (server.address() as AddressInfo).port,
    dropAfter(bytes) {
      budget = bytes;
    },
    get drops() {
      return drops;
    },
    async close() {
      for (const [a, b] of pairs) {
        a.destroy();
        b.destroy();
      }
      await new Promise((resolve) => server.close(resolve));
    },
  };
}
