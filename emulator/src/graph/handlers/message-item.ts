import type { EmuResponse } from '../../core/emu-http.js';
import type { StoredMessage } from '../../state/mail-types.js';
import { mailboxRoute, type MailboxCall, type Route } from '../graph-call.js';
import { GraphHttpError } from '../../core/graph-error.js';
import { MESSAGE_TABLE } from '../../odata/message-properties.js';
import { parseMessageExpand, parseSelect, queryOptions } from '../../odata/query-options.js';
import { ATTACHMENT_TABLE } from '../present-attachment.js';
import { presentMessage } from '../present-message.js';
import { entityResponse, jsonBody } from '../respond.js';
import { resolveMessage } from '../resolve.js';
import { parseMessageInput } from '../../mail/message-input.js';
import { fieldsFromInput } from '../../mail/fields-from-input.js';
import { messageMime } from '../../mime/compose-mime.js';
import { uniqueBodyOf, wrapHtml } from '../../mail/body-text.js';

export function messageEntity(
  call: MailboxCall,
  status: number,
  message: StoredMessage,
  headers: Record<string, string> = {},
): EmuResponse {
  const presentation = {
    select: null,
    expand: null,
    immutableIds: call.prefer.immutableIds,
    bodyType: call.prefer.bodyType,
  };
  return entityResponse(
    call,
    status,
    `users('${call.mailbox.address}')/messages/$entity`,
    presentMessage(message, presentation),
    headers,
  );
}

function getMessage(call: MailboxCall): EmuResponse {
  const options = queryOptions(call.req, ['$select', '$expand']);
  const select = parseSelect(options.get('$select'), MESSAGE_TABLE);
  const expand = parseMessageExpand(options.get('$expand'), ATTACHMENT_TABLE);
  const message = resolveMessage(call);
  const presentation = {
    select,
    expand,
    immutableIds: call.prefer.immutableIds,
    bodyType: call.prefer.bodyType,
  };
  return entityResponse(
    call,
    200,
    `users('${call.mailbox.address}')/messages/$entity`,
    presentMessage(message, presentation),
  );
}

async function getMessageMime(call: MailboxCall): Promise<EmuResponse> {
  queryOptions(call.req, []);
  const message = resolveMessage(call);
  return { status: 200, headers: { 'content-type': 'text/plain' }, bytes: await messageMime(message) };
}

// isRead, categories, flag, importance and inferenceClassification can change on any message; the rest only
// on drafts (docs/graph-behaviour.md §3,
// from Microsoft's *Update message* page).
const ANY_MESSAGE = new Set(['isRead', 'categories', 'flag', 'importance', 'inferenceClassification']);

function patchMessage(call: MailboxCall): EmuResponse {
  queryOptions(call.req, []);
  const message = resolveMessage(call);
  const raw = jsonBody(call);
  const input = parseMessageInput(raw, 'graph');
  const keys = Object.keys(raw as object).filter((k) => !k.startsWith('@odata.'));
  if (keys.includes('attachments')) {
    throw new GraphHttpError(
      400,
      'ErrorInvalidRequest',
      'Attachments cannot be changed with PATCH; use the attachments collection.',
    );
  }
  if (!message.isDraft) {
    if (keys.some((k) => !ANY_MESSAGE.has(k))) {
      throw new GraphHttpError(
        400,
        'ErrorInvalidPropertyUpdateSentMessage',
        'Update operation is invalid for property of a sent message.',
      );
    }
  }
  const ifMatch = call.req.headers['if-match'];
  if (ifMatch && ifMatch !== '*' && ifMatch.replace(/^W\//, '').replace(/"/g, '') !== message.changeKey) {
    throw new GraphHttpError(
      412,
      'ErrorIrresolvableConflict',
      'The send or update operation could not be performed because the change key passed in the request does not match the current change key for the item.',
    );
  }
  checkCustomHeaders(input.internetMessageHeaders ?? []);
  const fields = fieldsFromInput(input);
  call.s.store.updateMessage(call.mailbox, message, (m) => {
    Object.assign(m, fields);
    if (fields.body) {
      m.body =
        fields.body.contentType === 'html'
          ? { contentType: 'html', content: wrapHtml(fields.body.content) }
          : fields.body;
      m.uniqueBody = uniqueBodyOf(m.body);
    }
  });
  return messageEntity(call, 200, message);
}

/** DELETE is a soft delete into Recoverable Items, not Deleted Items (docs/graph-behaviour.md §3, C6). */
function deleteMessage(call: MailboxCall): EmuResponse {
  queryOptions(call.req, []);
  const message = resolveMessage(call);
  const deletions = call.s.store.wellKnownFolder(call.mailbox, 'recoverableitemsdeletions');
  if (message.folderId === deletions.id)
    throw new GraphHttpError(400, 'ErrorCannotDeleteObject', 'Object cannot be deleted.');
  call.s.store.moveMessage(call.mailbox, message, deletions.id);
  return { status: 204 };
}

/** Only `x-` headers can be set (docs/graph-behaviour.md §4.2, C12). */
export function checkCustomHeaders(headers: Array<{ name: string }>): void {
  const bad = headers.find((h) => !/^x-/i.test(h.name));
  if (bad)
    throw new GraphHttpError(
      400,
      'InvalidInternetMessageHeader',
      `The internet message header name '${bad.name}' should start with 'x-' or 'X-'.`,
    );
}

export const messageItemRoutes: Route[] = [
  mailboxRoute('GET', 'users/{user}/messages/{message}', 'messages.get', 'read', getMessage),
  mailboxRoute('PATCH', 'users/{user}/messages/{message}', 'messages.update', 'write', patchMessage),
  mailboxRoute('DELETE', 'users/{user}/messages/{message}', 'messages.delete', 'write', deleteMessage),
  mailboxRoute('GET', 'users/{user}/messages/{message}/$value', 'messages.getMime', 'read', getMessageMime),
];
