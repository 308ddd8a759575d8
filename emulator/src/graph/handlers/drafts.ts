import type { EmuResponse } from '../../core/emu-http.js';
import type { StoredFolder } from '../../state/mail-types.js';
import { mailboxRoute, type MailboxCall, type Route } from '../graph-call.js';
import { queryOptions } from '../../odata/query-options.js';
import { jsonBody } from '../respond.js';
import { resolveFolder } from '../resolve.js';
import { messageEntity, checkCustomHeaders } from './message-item.js';
import { parseMessageInput } from '../../mail/message-input.js';
import { fieldsFromInput } from '../../mail/fields-from-input.js';
import { attachmentFromInput } from '../../mail/new-attachment.js';
import { buildMessage, defaultFields } from '../../mail/new-message.js';

/** POST /messages creates a draft; its internetMessageId is assigned now and may be replaced while it is a draft (docs/graph-behaviour.md §4.2). */
function createInDrafts(call: MailboxCall): Promise<EmuResponse> {
  return createDraft(call, call.s.store.wellKnownFolder(call.mailbox, 'drafts'));
}

function createInFolder(call: MailboxCall): Promise<EmuResponse> {
  return createDraft(call, resolveFolder(call));
}

async function createDraft(call: MailboxCall, folder: StoredFolder): Promise<EmuResponse> {
  queryOptions(call.req, []);
  const input = parseMessageInput(jsonBody(call), 'graph');
  checkCustomHeaders(input.internetMessageHeaders ?? []);
  const attachments = await Promise.all(
    (input.attachments ?? []).map((a) => attachmentFromInput(call.mailbox, a)),
  );
  const message = buildMessage(call.mailbox, folder.id, {
    ...defaultFields(),
    isRead: true,
    ...fieldsFromInput(input),
    isDraft: true,
    attachments,
  });
  call.s.store.insertMessage(call.mailbox, message);
  return messageEntity(call, 201, message);
}

export const draftRoutes: Route[] = [
  mailboxRoute('POST', 'users/{user}/messages', 'messages.createDraft', 'write', createInDrafts),
  mailboxRoute(
    'POST',
    'users/{user}/mailfolders/{folder}/messages',
    'messages.createInFolder',
    'write',
    createInFolder,
  ),
];
