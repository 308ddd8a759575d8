import { z } from 'zod';
import type { EmuRequest, EmuResponse } from '../core/emu-http.js';
import type { Services } from '../graph/services.js';
import { GraphHttpError, graphError } from '../core/graph-error.js';
import { parseJsonBody } from '../graph/json-body.js';
import { findUser } from '../tenant/tenant-directory.js';
import { SERVICE_MESSAGING_CLIENT_ID } from '../tenant/demo-tenant.js';
import { tenantInfo } from './tenant-info.js';
import { deliverToMailbox, listMailboxMessages, mailboxMessageMime } from './mailbox-messages.js';
import type { LifecycleEvent } from '../notifications/notifier.js';

const ZUserToken = z.object({ upn: z.string(), clientId: z.string().optional() });
const ZAccessPolicy = z.object({ appId: z.string().optional(), mailboxes: z.array(z.string()) });
const ZAppPermissions = z.strictObject({
  appId: z.string().optional(),
  entraRoles: z.array(z.string()).optional(),
  exchangeRoles: z.array(z.strictObject({ role: z.string(), mailboxes: z.array(z.string()) })).optional(),
});
const ZLifecycle = z.object({ event: z.enum(['reauthorizationRequired', 'subscriptionRemoved', 'missed']) });

/** The control API under /_emulator/ (documented in emulator/README.md). Its paths are a public contract. */
export async function handleControl(req: EmuRequest, s: Services, reset: () => void): Promise<EmuResponse> {
  try {
    return await route(req, s, reset);
  } catch (error) {
    if (error instanceof GraphHttpError) return graphError(req, error.status, error.code, error.message);
    if (error instanceof z.ZodError) return graphError(req, 400, 'BadRequest', z.prettifyError(error));
    if (error instanceof URIError)
      return graphError(req, 400, 'BadRequest', 'The path is not valid percent-encoding.');
    throw error;
  }
}

async function route(req: EmuRequest, s: Services, reset: () => void): Promise<EmuResponse> {
  const path = decodeURIComponent(req.path.replace(/^\/_emulator/, ''));
  const at = (method: string, pattern: RegExp): RegExpExecArray | null =>
    req.method === method ? pattern.exec(path) : null;
  let m: RegExpExecArray | null;
  if ((m = at('POST', /^\/mailboxes\/([^/]+)\/messages$/))) return deliverToMailbox(req, s, m[1]!);
  if ((m = at('GET', /^\/mailboxes\/([^/]+)\/messages$/))) return listMailboxMessages(req, s, m[1]!);
  if ((m = at('GET', /^\/mailboxes\/([^/]+)\/messages\/([^/]+)\/\$value$/)))
    return mailboxMessageMime(s, m[1]!, m[2]!);
  if (at('GET', /^\/faults$/)) return ok(s.faults.knobs);
  if (at('POST', /^\/faults$/)) return ok(s.faults.update(parseJsonBody(req.body)));
  if (at('DELETE', /^\/faults$/)) {
    s.throttle.reset();
    return ok(s.faults.clear());
  }
  if (at('POST', /^\/tokens\/user$/)) return userToken(req, s);
  if (at('POST', /^\/tokens\/expire$/)) {
    s.keys.rotate();
    return { status: 204 };
  }
  if (at('GET', /^\/tenant$/)) return ok(tenantInfo(s, req.origin));
  if (at('POST', /^\/reset$/)) {
    reset();
    return { status: 204 };
  }
  if (at('GET', /^\/stats$/))
    return ok({ ...s.stats.snapshot(), throttleInFlight: s.throttle.inFlightNow() });
  if (at('GET', /^\/access-policy$/)) return ok({ policies: s.accessPolicy.describe() });
  if (at('PUT', /^\/access-policy$/)) {
    const body = ZAccessPolicy.parse(parseJsonBody(req.body));
    s.accessPolicy.restrict(body.appId ?? mailAppId(s), body.mailboxes);
    return ok({ policies: s.accessPolicy.describe() });
  }
  if (at('DELETE', /^\/access-policy$/)) {
    s.accessPolicy.clear();
    return { status: 204 };
  }
  if (at('GET', /^\/app-permissions$/)) return ok({ apps: s.appPermissions.describe() });
  if (at('PUT', /^\/app-permissions$/)) {
    const { appId, ...change } = ZAppPermissions.parse(parseJsonBody(req.body));
    s.appPermissions.set(appId ?? mailAppId(s), change);
    return ok({ apps: s.appPermissions.describe() });
  }
  if (at('DELETE', /^\/app-permissions$/)) {
    s.appPermissions.clear();
    return { status: 204 };
  }
  if (at('POST', /^\/delta\/expire$/)) {
    s.store.expireDeltaTokens();
    return { status: 204 };
  }
  if (at('GET', /^\/subscriptions$/)) return ok({ value: s.store.subscriptions() });
  if ((m = at('POST', /^\/subscriptions\/([^/]+)\/lifecycle$/))) return lifecycle(req, s, m[1]!);
  if (at('GET', /^\/health$/)) return ok({ status: 'ok' });
  throw new GraphHttpError(
    404,
    'NotFound',
    `No control endpoint ${req.method} /_emulator${path}; see emulator/README.md.`,
  );
}

async function userToken(req: EmuRequest, s: Services): Promise<EmuResponse> {
  const body = ZUserToken.parse(parseJsonBody(req.body));
  const user = findUser(s.tenant, body.upn);
  if (!user?.canSignIn)
    throw new GraphHttpError(404, 'ErrorInvalidUser', `'${body.upn}' is not a demo user who can sign in.`);
  const issued = await s.tokens.userToken(user, body.clientId ?? SERVICE_MESSAGING_CLIENT_ID);
  s.stats.token('user');
  return ok({ access_token: issued.token, token_type: 'Bearer', expires_in: issued.expiresIn });
}

/** Sends a lifecycle event; reauthorizationRequired pauses delivery, subscriptionRemoved deletes (docs/graph-behaviour.md §6.4, C20). */
async function lifecycle(req: EmuRequest, s: Services, id: string): Promise<EmuResponse> {
  const { event } = ZLifecycle.parse(parseJsonBody(req.body));
  const subscription = s.store.subscriptions().find((x) => x.id === id);
  if (!subscription) throw new GraphHttpError(404, 'ResourceNotFound', `Subscription '${id}' was not found.`);
  if (event === 'reauthorizationRequired') subscription.paused = true;
  if (event === 'subscriptionRemoved')
    s.store.saveSubscriptions(s.store.subscriptions().filter((x) => x !== subscription));
  else s.store.saveSubscriptions(s.store.subscriptions());
  const delivered = await s.notifier.lifecycle(subscription, event as LifecycleEvent);
  return ok({ delivered });
}

/** The daemon app (the one with a secret): what the access-policy and permission endpoints mean by default. */
function mailAppId(s: Services): string {
  return s.tenant.apps.find((a) => a.clientSecret !== null)?.clientId ?? '';
}

function ok(json: unknown): EmuResponse {
  return { status: 200, json };
}
