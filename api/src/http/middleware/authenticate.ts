import type { RequestHandler } from 'express';
import { AppError } from '../../domain/app-error.js';
import { isAdmin, isAgent, type Principal } from '../../domain/principal.js';
import type { VerifyAccessToken } from '../auth/entra-token-verifier.js';
import type { Access } from '../route.js';

declare module 'express-serve-static-core' {
  interface Request {
    principal?: Principal;
  }
}

/**
 * Bearer token -> principal, then the route's role. Small tenants may name admins in ADMIN_OBJECT_IDS instead of
 * assigning app roles: by object id (oid), which never changes or moves to another user, unlike a UPN or email.
 */
export function authenticate(
  verify: VerifyAccessToken,
  access: Access,
  adminObjectIds: readonly string[],
): RequestHandler {
  return async (req, _res, next) => {
    if (access === 'public') return next();
    const header = req.headers.authorization ?? '';
    const match = /^Bearer\s+(\S+)$/i.exec(header);
    if (!match?.[1])
      throw new AppError(
        'unauthenticated',
        'Sign in first: this route needs an Authorization: Bearer token.',
      );
    const principal = await verify(match[1]);
    if (adminObjectIds.includes(principal.id.toLowerCase()) && !principal.roles.includes('ServiceDesk.Admin'))
      principal.roles.push('ServiceDesk.Admin');
    const allowed = access === 'admin' ? isAdmin(principal) : isAgent(principal);
    if (!allowed) {
      throw new AppError(
        'forbidden',
        access === 'admin'
          ? 'Only service desk admins (ServiceDesk.Admin) can do this.'
          : 'Only service desk agents (ServiceDesk.Agent) can do this.',
      );
    }
    req.principal = principal;
    next();
  };
}
