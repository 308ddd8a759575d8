import { pino, type DestinationStream, type Logger } from 'pino';

// Secrets never reach a log line: bearer tokens, cookies, and any field named like a secret.
const REDACT = ['req.headers.authorization', 'req.headers.cookie', '*.clientSecret', '*.client_secret', '*.secretKey', '*.access_token', '*.accessToken'];

export function createLogger(level: string, destination?: DestinationStream): Logger {
  return pino({ level, redact: { paths: REDACT, censor: '[redacted]' } }, destination);
}
