import { readFileSync } from 'node:fs';
import { createServer } from 'node:https';
import { compose } from './compose.js';
import { parseConfig } from './config.js';
import { createLogger } from './logger.js';

// The process: read config, compose, listen, stop cleanly. Nothing imports this file.

async function main(): Promise<void> {
  const parsed = parseConfig(process.env);
  if (!parsed.ok) {
    console.error(`Configuration problems (see .env.example):\n${parsed.problems.map((p) => `  - ${p}`).join('\n')}`);
    process.exit(1);
  }
  const { config } = parsed;
  const logger = createLogger(config.logLevel);
  const runtime = await compose(config, logger, readVersion());

  const server = config.tls
    ? createServer({ cert: readFileSync(config.tls.certFile), key: readFileSync(config.tls.keyFile) }, runtime.app)
    : undefined;
  const scheme = server ? 'https' : 'http';
  const onListening = () => logger.info({ url: `${scheme}://localhost:${config.port}/`, demo: config.demo }, 'Service Messaging API listening');
  const listening = server ? server.listen(config.port, onListening) : runtime.app.listen(config.port, onListening);
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
