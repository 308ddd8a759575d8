import type { Request, RequestHandler } from 'express';
import type { Logger } from 'pino';
import { pinoHttp } from 'pino-http';

// The operator's view of HTTP (npm start prints it): one line per request that changes something or fails, at info.
// Reads (the tab polls) and the front ends' static files are debug: at info they buried the URL banner under
// thousands of lines in an afternoon. LOG_LEVEL=debug shows them all.

type Level = 'error' | 'warn' | 'info' | 'debug';

const pathOf = (url: string) => url.split('?')[0] ?? url;
// Express rewrites req.url inside a mounted router (/api/demo/sign-in reads /demo/sign-in there) and a response sent
// from inside keeps it so; originalUrl is what the client asked for.
const urlOf = (req: { url?: string; originalUrl?: string }) => pathOf(req.originalUrl ?? req.url ?? '/');

export function requestLevel(method: string, url: string, status: number, failed = false): Level {
  if (failed || status >= 500) return 'error';
  if (status >= 400) return 'warn';
  if (!pathOf(url).startsWith('/api/')) return 'debug';
  return method === 'GET' || method === 'HEAD' ? 'debug' : 'info';
}

export function requestLog(logger: Logger): RequestHandler {
  return pinoHttp({
    logger,
    genReqId: (req) => (req as Request).id,
    autoLogging: { ignore: (req) => req.url === '/api/health' },
    customLogLevel: (req, res, err) =>
      requestLevel(req.method ?? 'GET', urlOf(req), res.statusCode, err !== undefined),
    customSuccessMessage: (req, res, responseTime) =>
      `${req.method} ${urlOf(req)} ${res.statusCode} (${Math.round(responseTime)} ms)`,
    customErrorMessage: (req, res) => `${req.method} ${urlOf(req)} ${res.statusCode} failed`,
    // Method, path and status only: headers (and the security policy echoed in every answer) drown the line, and a
    // header is where a secret would leak from.
    serializers: {
      req: (req: { id: unknown; method: string; url: string }) => ({
        id: req.id,
        method: req.method,
        url: pathOf(req.url),
      }),
      res: (res: { statusCode: number }) => ({ statusCode: res.statusCode }),
    },
  });
}
