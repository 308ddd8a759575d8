import { readFileSync } from 'node:fs';
import { createServer as createHttpServer } from 'node:http';
import { createServer } from 'node:https';
import type { AddressInfo } from 'node:net';
import { compose } from './compose.js';
import { listenHost, readConfig } from './config.js';
import { createLogger, readableLines } from './logger.js';

// The process: read config, compose, listen, stop cleanly. Nothing imports this file.

async function main(): Promise<void> {
  const parsed = readConfig();
  if (!parsed.ok) {
    console.error(
      `Configuration problems (see .env.example):\n${parsed.problems.map((p) => `  - ${p}`).join('\n')}`,
    );
    process.exit(1);
  }
  const { config } = parsed;
  const isReadable =
    config.logFormat === 'pretty' || (config.logFormat === 'auto' && process.stdout.isTTY === true);
  const logger = createLogger(config.logLevel, isReadable ? readableLines() : undefined);
  const runtime = await compose(config, logger, readVersion());

  const listening = config.tls
    ? createServer(
        { cert: readFileSync(config.tls.certFile), key: readFileSync(config.tls.keyFile) },
        runtime.app,
      )
    : createHttpServer(runtime.app);
  const scheme = config.tls ? 'https' : 'http';
  const host = listenHost(config);
  listening.listen({ port: config.port, host });
  listening.once('listening', () => {
    // PORT=0 picks a free port: say which, and tell `npm start` (its parent, over IPC) so it prints the right URLs.
    const { port } = listening.address() as AddressInfo;
    logger.info(
      { url: `${scheme}://localhost:${port}/`, host: host ?? 'all interfaces', demo: config.demo },
      'Service Messaging API listening',
    );
    if (config.demo && !config.host) {
      logger.info(
        { host },
        'demo mode listens on 127.0.0.1 only: its sign-in gives anyone an admin token; set HOST to listen on another interface',
      );
    }
    process.send?.({ listening: { port } });
  });
  const shutdown = (signal: string) => {
    logger.info({ signal }, 'shutting down');
    listening.close(() => void runtime.close().then(() => process.exit(0)));
  };
  process.once('SIGINT', shutdown);
  process.once('SIGTERM', shutdown);
}

function readVersion(): string {
  const pkg = JSON.parse(readFileSync(new URL('../../package.json', import.meta.url), 'utf8')) as {
    version: string;
  };
  return pkg.version;
}

main().catch((err: unknown) => {
  // Start-up failures (a corrupt database, an unreadable key) must say what and where, then stop.
  console.error(err instanceof Error ? err.message : err);
  process.exit(1);
});
