import { randomUUID } from 'node:crypto';
import type { EmuResponse } from '../../core/emu-http.js';
import type { Subscription } from '@microsoft/microsoft-graph-types';
import type { StoredSubscription } from '../../state/mail-types.js';
import { tenantRoute, type GraphCall, type Route } from '../graph-call.js';
import { GraphHttpError, notImplemented } from '../../core/graph-error.js';
import { queryOptions } from '../../odata/query-options.js';
import { collectionResponse, entityResponse, jsonBody } from '../respond.js';
import { resolveFolderRef, resolveMailbox } from '../resolve.js';
import { object, unknownProperty } from '../../mail/message-input.js';
import { parseSubscriptionResource } from '../../notifications/subscription-resource.js';
import { findApp } from '../../tenant/tenant-directory.js';

const KNOWN = [
  'changeType',
  'notificationUrl',
  'lifecycleNotificationUrl',
  'resource',
  'expirationDateTime',
  'clientState',
  'latestSupportedTlsVersion',
  'includeResourceData',
  'encryptionCertificate',
  'encryptionCertificateId',
  'notificationQueryOptions',
  'notificationUrlAppId',
  'applicationId',
  'creatorId',
  'id',
];
const MAX_PER_MAILBOX = 1000;

function invalid(message: string): GraphHttpError {
  return new GraphHttpError(400, 'InvalidRequest', message);
}

/** POST /subscriptions (docs/graph-behaviour.md §6.1-6.2): checks, then the validation handshake on each URL, then 201. */
async function createSubscription(call: GraphCall): Promise<EmuResponse> {
  queryOptions(call.req, []);
  const body = object(jsonBody(call), 'microsoft.graph.subscription');
  for (const key of Object.keys(body))
    if (!key.startsWith('@odata.') && !KNOWN.includes(key))
      throw unknownProperty(key, 'microsoft.graph.subscription');
  if (body.includeResourceData === true || body.encryptionCertificate)
    throw notImplemented('change notifications with resource data');
  const changeType = requiredString(body.changeType, 'changeType');
  if (!changeType.split(',').every((c) => ['created', 'updated', 'deleted'].includes(c.trim()))) {
    throw invalid(
      `'${changeType}' is not a valid changeType; use created, updated and/or deleted, comma-separated.`,
    );
  }
  const notificationUrl = checkUrl(requiredString(body.notificationUrl, 'notificationUrl'));
  const lifecycleNotificationUrl =
    body.lifecycleNotificationUrl == null
      ? null
      : checkUrl(requiredString(body.lifecycleNotificationUrl, 'lifecycleNotificationUrl'));
  const expirationDateTime = checkExpiration(
    call,
    requiredString(body.expirationDateTime, 'expirationDateTime'),
  );
  const clientState = body.clientState == null ? null : requiredString(body.clientState, 'clientState');
  if (clientState !== null && clientState.length > 128)
    throw invalid('clientState must be at most 128 characters.');
  const resourceText = requiredString(body.resource, 'resource');
  const resource = parseSubscriptionResource(resourceText);
  const mailbox = resolveMailbox(call.s, { user: resource.user, folders: [] }, call.app.appid);
  const folder = resource.folder === null ? null : resolveFolderRef(call.s, mailbox, resource.folder);
  const subscriptions = live(call);
  if (subscriptions.filter((s) => s.mailbox === mailbox.address).length >= MAX_PER_MAILBOX) {
    throw new GraphHttpError(
      403,
      'ExtensionError',
      'Operation: Create; Exception: [Status Code: Forbidden; Reason: The maximum number of subscriptions for this mailbox has been reached.]',
    );
  }
  for (const url of [notificationUrl, lifecycleNotificationUrl]) {
    if (url && !(await call.s.notifier.validate(url))) {
      throw invalid(
        'Subscription validation request failed. Notification endpoint must respond with 200 OK to validation request.',
      );
    }
  }
  const app = findApp(call.s.tenant, call.app.appid);
  const subscription: StoredSubscription = {
    id: randomUUID(),
    applicationId: call.app.appid,
    creatorId: app?.servicePrincipalId ?? call.app.oid,
    mailbox: mailbox.address,
    folderId: folder?.id ?? null,
    resource: resourceText,
    filter: resource.filterText,
    changeType,
    clientState,
    notificationUrl,
    lifecycleNotificationUrl,
    expirationDateTime,
    latestSupportedTlsVersion:
      typeof body.latestSupportedTlsVersion === 'string' ? body.latestSupportedTlsVersion : 'v1_2',
    // Immutable ids in notifications are fixed when the subscription is created (docs/graph-behaviour.md §6.1).
    immutableIds: call.prefer.immutableIds,
    paused: false,
  };
  call.s.store.saveSubscriptions([...call.s.store.subscriptions(), subscription]);
  return entityResponse(call, 201, 'subscriptions/$entity', present(subscription));
}

function listSubscriptions(call: GraphCall): EmuResponse {
  queryOptions(call.req, []);
  return collectionResponse(
    call,
    'subscriptions',
    live(call)
      .filter((s) => s.applicationId === call.app.appid)
      .map(present),
  );
}

function getSubscription(call: GraphCall): EmuResponse {
  queryOptions(call.req, ['$select']);
  return entityResponse(call, 200, 'subscriptions/$entity', present(find(call)));
}

/** Renewal; it also reauthorizes. lifecycleNotificationUrl cannot be added this way (docs/graph-behaviour.md §6.1). */
function patchSubscription(call: GraphCall): EmuResponse {
  queryOptions(call.req, []);
  const subscription = find(call);
  const body = object(jsonBody(call), 'microsoft.graph.subscription');
  for (const key of Object.keys(body)) {
    if (key === 'lifecycleNotificationUrl')
      throw invalid(
        'lifecycleNotificationUrl cannot be added or changed on an existing subscription; delete and recreate it.',
      );
    if (!['expirationDateTime', 'notificationUrl'].includes(key))
      throw unknownProperty(key, 'microsoft.graph.subscription');
  }
  if (body.expirationDateTime !== undefined)
    subscription.expirationDateTime = checkExpiration(
      call,
      requiredString(body.expirationDateTime, 'expirationDateTime'),
    );
  if (body.notificationUrl !== undefined)
    subscription.notificationUrl = checkUrl(requiredString(body.notificationUrl, 'notificationUrl'));
  subscription.paused = false;
  call.s.store.saveSubscriptions(call.s.store.subscriptions());
  return entityResponse(call, 200, 'subscriptions/$entity', present(subscription));
}

function deleteSubscription(call: GraphCall): EmuResponse {
  queryOptions(call.req, []);
  const subscription = find(call);
  call.s.store.saveSubscriptions(call.s.store.subscriptions().filter((s) => s !== subscription));
  return { status: 204 };
}

function reauthorize(call: GraphCall): EmuResponse {
  queryOptions(call.req, []);
  const subscription = find(call);
  subscription.paused = false;
  call.s.store.saveSubscriptions(call.s.store.subscriptions());
  return { status: 204 };
}

/** Expired subscriptions are gone, as in Graph. */
function live(call: GraphCall): StoredSubscription[] {
  const now = Date.now();
  const all = call.s.store.subscriptions();
  const alive = all.filter((s) => Date.parse(s.expirationDateTime) > now);
  if (alive.length !== all.length) call.s.store.saveSubscriptions(alive);
  return alive;
}

function find(call: GraphCall): StoredSubscription {
  const subscription = live(call).find(
    (s) => s.id === call.params.subscription && s.applicationId === call.app.appid,
  );
  if (!subscription)
    throw new GraphHttpError(
      404,
      'ResourceNotFound',
      `Subscription '${call.params.subscription ?? ''}' was not found.`,
    );
  return subscription;
}

function requiredString(value: unknown, name: string): string {
  if (typeof value !== 'string' || value === '')
    throw invalid(`The '${name}' property is required and must be a string.`);
  return value;
}

/** Graph requires https; the emulator also takes http:// on loopback so the demo API (http://localhost:3978) can subscribe. */
function checkUrl(text: string): string {
  let url: URL;
  try {
    url = new URL(text);
  } catch {
    throw invalid(`'${text}' is not a valid notification URL.`);
  }
  const loopback = ['localhost', '127.0.0.1', '[::1]'].includes(url.hostname);
  if (url.protocol !== 'https:' && !(url.protocol === 'http:' && loopback)) {
    throw invalid('Subscription validation request failed. The notification URL must use HTTPS.');
  }
  return text;
}

function checkExpiration(call: GraphCall, text: string): string {
  const at = Date.parse(text);
  if (Number.isNaN(at)) throw invalid(`'${text}' is not a valid expirationDateTime.`);
  if (at <= Date.now()) throw invalid('Subscription expiration can only be in the future.');
  const maxMinutes = call.s.faults.knobs.maxSubscriptionMinutes;
  if (at > Date.now() + maxMinutes * 60_000)
    throw invalid(`Subscription expiration can only be ${maxMinutes} minutes in the future.`);
  return new Date(at).toISOString();
}

function present(s: StoredSubscription): Subscription {
  return {
    id: s.id,
    resource: s.resource,
    applicationId: s.applicationId,
    changeType: s.changeType,
    clientState: s.clientState,
    notificationUrl: s.notificationUrl,
    notificationQueryOptions: null,
    lifecycleNotificationUrl: s.lifecycleNotificationUrl,
    expirationDateTime: s.expirationDateTime,
    creatorId: s.creatorId,
    includeResourceData: false,
    latestSupportedTlsVersion: s.latestSupportedTlsVersion,
    encryptionCertificate: null,
    encryptionCertificateId: null,
    notificationUrlAppId: null,
  };
}

export const subscriptionRoutes: Route[] = [
  tenantRoute('POST', 'subscriptions', 'subscriptions.create', 'subscribe', createSubscription),
  tenantRoute('GET', 'subscriptions', 'subscriptions.list', 'subscribe', listSubscriptions),
  tenantRoute('GET', 'subscriptions/{subscription}', 'subscriptions.get', 'subscribe', getSubscription),
  tenantRoute(
    'PATCH',
    'subscriptions/{subscription}',
    'subscriptions.update',
    'subscribe',
    patchSubscription,
  ),
  tenantRoute(
    'DELETE',
    'subscriptions/{subscription}',
    'subscriptions.delete',
    'subscribe',
    deleteSubscription,
  ),
  tenantRoute(
    'POST',
    'subscriptions/{subscription}/reauthorize',
    'subscriptions.reauthorize',
    'subscribe',
    reauthorize,
  ),
];
