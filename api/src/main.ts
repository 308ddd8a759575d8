import { readFileSync } from 'node:fs';
import { createServer } from 'node:https';
import type { AddressInfo } from 'node:net';
import { compose } from './compose.js';
import { parseConfig } from './config.js';
import { createLogger, readableLines } from './logger.js';

// The process: read config, compose, listen, stop cleanly. Nothing imports this file.

async function main(): Promise<void> {
  const parsed = parseConfig(process.env);
  if (!parsed.ok) {
    console.error(`Configuration problems (see .env.example):\n${parsed.problems.map((p) => `  - ${p}`).join('\n')}`);
    process.exit(1);
  }
  const { config } = parsed;
  const isReadable = config.logFormat === 'pretty' || (config.logFormat === 'auto' && process.stdout.isTTY === true);
  const logger = createLogger(config.logLevel, isReadable ? readableLines() : undefined);
  const runtime = await compose(config, logger, readVersion());

  const server = config.tls
    ? createServer({ cert: readFileSync(config.tls.certFile), key: readFileSync(config.tls.keyFile) }, runtime.app)
    : undefined;
  const scheme = server ? 'https' : 'http';
  const listening = server ? server.listen(config.port) : runtime.app.listen(config.port);
  listening.once('listening', () => {
    // PORT=0 picks a free port: say which, and tell `npm start` (its parent, over IPC) so it prints the right URLs.
    const { port } = listening.address() as AddressInfo;
    logger.info({ url: `${scheme}://localhost:${port}/`, demo: config.demo }, 'Service Messaging API listening');
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
  const pkg = JSON.parse(readFileSync(new URL('../../package.json', import.meta.url), 'utf8')) as { version: string };
  return pkg.version;
}

main().catch((err: unknown) => {
  // Start-up failures (a corrupt database, an unreadable key) must say what and where, then stop.
  console.error(err instanceof Error ? err.message : err);
  process.exit(1);
});
