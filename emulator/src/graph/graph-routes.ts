import type { Route } from './graph-call.js';
import { mailFolderRoutes } from './handlers/mail-folders.js';
import { messageListRoutes } from './handlers/messages-list.js';
import { messageItemRoutes } from './handlers/message-item.js';
import { messageActionRoutes } from './handlers/message-actions.js';
import { draftRoutes } from './handlers/drafts.js';
import { attachmentRoutes } from './handlers/attachments.js';
import { sendMailRoutes } from './handlers/send-mail.js';
import { deltaRoutes } from './handlers/delta.js';
import { subscriptionRoutes } from './handlers/subscriptions.js';
import { userRoutes } from './handlers/users.js';

/** Every Graph operation the emulator implements; anything else answers 501. */
export const GRAPH_ROUTES: readonly Route[] = [
  ...userRoutes,
  ...mailFolderRoutes,
  ...messageListRoutes,
  ...messageItemRoutes,
  ...messageActionRoutes,
  ...draftRoutes,
  ...attachmentRoutes,
  ...sendMailRoutes,
  ...deltaRoutes,
  ...subscriptionRoutes,
];

export function findRoute(method: string, key: string): Route | 'wrong-method' | undefined {
  const candidates = GRAPH_ROUTES.filter((r) => r.key === key);
  if (candidates.length === 0) return undefined;
  return candidates.find((r) => r.method === method) ?? 'wrong-method';
}
