import { pino, type DestinationStream, type Logger } from 'pino';
import { PinoPretty } from 'pino-pretty';

// Secrets never reach a log line: bearer tokens, cookies, and any field named like a secret.
const REDACT = [
  'req.headers.authorization',
  'req.headers.cookie',
  '*.clientSecret',
  '*.client_secret',
  '*.password',
  '*.pass',
  '*.secretKey',
  '*.access_token',
  '*.accessToken',
];

export function createLogger(level: string, destination?: DestinationStream): Logger {
  return pino({ level, redact: { paths: REDACT, censor: '[redacted]' } }, destination);
}

/**
 * One readable line per event for a person at a terminal: time, level, message. The fields stay in the JSON form
 * (LOG_FORMAT=json, or any output that is not a terminal) for log collectors. Synchronous, so lines keep their order
 * with the start script's own output and none is lost at exit.
 */
export function readableLines(destination: NodeJS.WritableStream = process.stdout): DestinationStream {
  return PinoPretty({
    destination,
    sync: true,
    colorize: 'isTTY' in destination && destination.isTTY === true,
    translateTime: 'SYS:HH:MM:ss',
    ignore: 'pid,hostname,req,res,responseTime,reqId',
    singleLine: true,
  });
}
