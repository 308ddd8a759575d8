import type { EmuRequest, EmuResponse } from '../core/emu-http.js';
import type { Services } from './services.js';
import type { AppTokenClaims } from '../entra/token-service.js';
import type { Mailbox } from '../state/mail-types.js';
import type { GraphParams } from './graph-path.js';
import type { Prefer } from './prefer.js';

export type GraphCall = {
  req: EmuRequest;
  s: Services;
  params: GraphParams;
  app: AppTokenClaims;
  prefer: Prefer;
};
export type MailboxCall = GraphCall & { mailbox: Mailbox };

/** Which Graph application permission an operation needs (docs/graph-behaviour.md §8: missing role → 403 ErrorAccessDenied). */
export type Permission = 'read' | 'write' | 'send' | 'subscribe' | 'directory';

export type Route =
  | {
      method: string;
      key: string;
      operation: string;
      permission: Permission;
      mailbox: true;
      handler: (call: MailboxCall) => Promise<EmuResponse> | EmuResponse;
    }
  | {
      method: string;
      key: string;
      operation: string;
      permission: Permission;
      mailbox: false;
      handler: (call: GraphCall) => Promise<EmuResponse> | EmuResponse;
    };

export function mailboxRoute(
  method: string,
  key: string,
  operation: string,
  permission: Permission,
  handler: (call: MailboxCall) => Promise<EmuResponse> | EmuResponse,
): Route {
  return { method, key, operation, permission, mailbox: true, handler };
}

export function tenantRoute(
  method: string,
  key: string,
  operation: string,
  permission: Permission,
  handler: (call: GraphCall) => Promise<EmuResponse> | EmuResponse,
): Route {
  return { method, key, operation, permission, mailbox: false, handler };
}
