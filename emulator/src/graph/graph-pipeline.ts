import type { EmuRequest, EmuResponse } from '../core/emu-http.js';
import type { Services } from './services.js';
import type { AppTokenClaims } from '../entra/token-service.js';
import { GraphHttpError, graphError } from '../core/graph-error.js';
import { parseGraphPath } from './graph-path.js';
import { findRoute } from './graph-routes.js';
import { resolveMailbox } from './resolve.js';
import { findUser } from '../tenant/tenant-directory.js';
import { parsePrefer } from './prefer.js';
import type { Permission } from './graph-call.js';
import { sleep } from '../core/latency.js';

export type GraphOutcome = { response: EmuResponse; operation: string; mailbox?: string };

const ROLES: Record<Permission, string[]> = {
  read: ['Mail.Read', 'Mail.ReadWrite', 'Mail.ReadBasic', 'Mail.ReadBasic.All'],
  write: ['Mail.ReadWrite'],
  send: ['Mail.Send'],
  subscribe: ['Mail.Read', 'Mail.ReadWrite', 'Mail.ReadBasic', 'Mail.ReadBasic.All'],
  directory: ['User.Read.All', 'User.ReadBasic.All', 'Directory.Read.All'],
};

/** One Graph request: route, bearer check, role, mailbox, throttle, latency, handler. Errors become Graph bodies. */
export async function runGraphRequest(req: EmuRequest, s: Services): Promise<GraphOutcome> {
  let operation = 'unknown';
  let mailbox: string | undefined;
  let release = (): void => undefined;
  try {
    const { key, params } = parseGraphPath(req.path);
    const route = findRoute(req.method, key);
    if (route === undefined)
      throw new GraphHttpError(
        501,
        'NotImplemented',
        `The M365 emulator does not implement ${req.method} /v1.0/${key}.`,
      );
    if (route === 'wrong-method')
      throw new GraphHttpError(
        405,
        'BadRequest',
        `The HTTP method '${req.method}' is not allowed for the requested resource.`,
      );
    operation = route.operation;
    const app = await authenticate(req, s);
    // Entra consent (the token's roles) and Exchange's role assignments for the addressed mailbox add up (docs/graph-behaviour.md §9).
    const granted = [
      ...(app.roles ?? []),
      ...(route.mailbox ? s.appPermissions.exchangeRoles(app.appid, mailboxAddress(s, params)) : []),
    ];
    if (!ROLES[route.permission].some((role) => granted.includes(role))) {
      throw route.permission === 'directory'
        ? new GraphHttpError(
            403,
            'Authorization_RequestDenied',
            'Insufficient privileges to complete the operation.',
          )
        : new GraphHttpError(403, 'ErrorAccessDenied', 'Access is denied. Check credentials and try again.');
    }
    const prefer = parsePrefer(req);
    if (route.mailbox) {
      const box = resolveMailbox(s, params, app.appid);
      mailbox = box.address;
      release = throttle(s, app.appid, box.address);
      await sleep(s.faults.knobs.latencyMs);
      return {
        response: await route.handler({ req, s, params, app, prefer, mailbox: box }),
        operation,
        mailbox,
      };
    }
    await sleep(s.faults.knobs.latencyMs);
    return { response: await route.handler({ req, s, params, app, prefer }), operation };
  } catch (error) {
    if (error instanceof GraphHttpError)
      return {
        response: graphError(req, error.status, error.code, error.message, error.headers),
        operation,
        mailbox,
      };
    // Never crash and never answer 200 for something that went wrong.
    console.error(`[emulator] ${req.method} ${req.path} failed`, error);
    return {
      response: graphError(req, 500, 'UnknownError', 'The M365 emulator hit an internal error; see its log.'),
      operation,
      mailbox,
    };
  } finally {
    release();
  }
}

function mailboxAddress(s: Services, params: { user?: string }): string {
  return findUser(s.tenant, params.user ?? '')?.userPrincipalName ?? '';
}

/** Bearer check with Graph's 401 body and WWW-Authenticate header (docs/graph-behaviour.md §8). */
export async function authenticate(req: EmuRequest, s: Services): Promise<AppTokenClaims> {
  const header = req.headers.authorization ?? '';
  const token = /^Bearer\s+(.*)$/i.exec(header)?.[1]?.trim() ?? '';
  const check = await s.tokens.checkGraphToken(token);
  if (!check.ok) {
    throw new GraphHttpError(401, 'InvalidAuthenticationToken', check.message, {
      'www-authenticate': `Bearer realm="", authorization_uri="${req.origin}/common/oauth2/authorize", client_id="00000003-0000-0000-c000-000000000000"`,
    });
  }
  if (typeof check.claims.appid !== 'string' || check.claims.idtyp !== 'app') {
    throw new GraphHttpError(
      501,
      'NotImplemented',
      'The M365 emulator serves Graph to app-only (client credentials) tokens only.',
    );
  }
  return check.claims;
}

function throttle(s: Services, appId: string, mailbox: string): () => void {
  const knobs = s.faults.knobs;
  if (!knobs.throttle) return () => undefined;
  const verdict = s.throttle.acquire(appId, mailbox, {
    maxConcurrent: knobs.maxConcurrentPerMailbox,
    requestsPer10Min: knobs.requestsPer10Min,
  });
  if (!verdict.ok)
    throw new GraphHttpError(429, 'ApplicationThrottled', verdict.message, {
      'retry-after': String(knobs.retryAfterSec),
    });
  return verdict.release;
}
