import { randomUUID } from 'node:crypto';
import type { RequestHandler } from 'express';

declare module 'express-serve-static-core' {
  interface Request {
    id: string;
  }
}

const SAFE_ID = /^[A-Za-z0-9._-]{8,100}$/;

/** Every answer and log line carries a request id; a caller's own id is kept when it is harmless, so traces join up. */
export const requestId: RequestHandler = (req, res, next) => {
  const incoming = req.get('x-request-id') ?? req.get('client-request-id');
  req.id = incoming && SAFE_ID.test(incoming) ? incoming : randomUUID();
  res.setHeader('x-request-id', req.id);
  next();
};
