import { Router, type Request } from 'express';
import { AppError } from '../domain/app-error.js';
import type { VerifyAccessToken } from './auth/entra-token-verifier.js';
import { authenticate } from './middleware/authenticate.js';
import type { RouteSpec } from './route.js';
import { parseInput } from './validation/parse-input.js';

// Mounts the route table: authenticate (and check the role) first, then validate, then run the handler.
export function registerRoutes(
  routes: readonly RouteSpec[],
  verify: VerifyAccessToken,
  adminObjectIds: readonly string[],
): Router {
  const router = Router();
  for (const route of routes) {
    router[route.method](route.path, authenticate(verify, route.access, adminObjectIds), async (req, res) => {
      const input = {
        params: route.params ? parseInput(route.params, req.params) : {},
        query: route.query ? parseInput(route.query, req.query) : rejectUnknownQuery(req),
        body: route.body ? parseInput(route.body, req.body ?? undefined) : undefined,
        principal: req.principal as NonNullable<Request['principal']>,
        req,
        res,
      };
      const result = await route.handler(input);
      if (!result) return;
      if (result.body === undefined) res.status(result.status).end();
      else res.status(result.status).json(result.body);
    });
  }
  return router;
}

function rejectUnknownQuery(req: Request): Record<string, never> {
  const names = Object.keys(req.query);
  if (names.length > 0)
    throw new AppError(
      'validation_failed',
      `This route takes no query parameters (got ${names.join(', ')}).`,
    );
  return {};
}
