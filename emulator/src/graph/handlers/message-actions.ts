import type { EmuResponse } from '../../core/emu-http.js';
import { newId } from '../../core/ids.js';
import { mailboxRoute, type MailboxCall, type Route } from '../graph-call.js';
import { GraphHttpError } from '../../core/graph-error.js';
import { queryOptions } from '../../odata/query-options.js';
import { jsonBody } from '../respond.js';
import { resolveFolderRef, resolveMessage } from '../resolve.js';
import { messageEntity } from './message-item.js';
import { object, parseMessageInput, unknownProperty } from '../../mail/message-input.js';
import { submitMessage } from '../../mail/send-message.js';
import { replyDraft } from '../../mail/reply-draft.js';
import { fieldsFromInput } from '../../mail/fields-from-input.js';
import { newChangeKey } from '../../state/mail-store.js';

function destination(call: MailboxCall): string {
  const body = object(jsonBody(call), 'microsoft.graph.message.move');
  for (const key of Object.keys(body))
    if (key !== 'destinationId') throw unknownProperty(key, 'microsoft.graph.move');
  if (typeof body.destinationId !== 'string' || body.destinationId === '') {
    throw new GraphHttpError(400, 'ErrorInvalidRequest', "The 'destinationId' parameter is required.");
  }
  return body.destinationId;
}

/** Move is copy-and-delete in Exchange: 201 with a new id unless the caller asked for immutable ids (docs/graph-behaviour.md C4). */
function moveMessage(call: MailboxCall): EmuResponse {
  queryOptions(call.req, []);
  const message = resolveMessage(call);
  const target = resolveFolderRef(call.s, call.mailbox, destination(call));
  call.s.store.moveMessage(call.mailbox, message, target.id);
  return messageEntity(call, 201, message);
}

function copyMessage(call: MailboxCall): EmuResponse {
  queryOptions(call.req, []);
  const message = resolveMessage(call);
  const target = resolveFolderRef(call.s, call.mailbox, destination(call));
  const copy = structuredClone(message);
  copy.restId = newId('message', call.mailbox.userId);
  copy.immutableId = newId('immutable', call.mailbox.userId);
  copy.folderId = target.id;
  copy.changeKey = newChangeKey();
  copy.attachments = copy.attachments.map((a) => ({ ...a, id: newId('attachment', call.mailbox.userId) }));
  call.s.store.insertMessage(call.mailbox, copy);
  return messageEntity(call, 201, copy);
}

function permanentDelete(call: MailboxCall): EmuResponse {
  queryOptions(call.req, []);
  const message = resolveMessage(call);
  call.s.store.removeMessage(call.mailbox, message);
  return { status: 204 };
}

async function sendDraft(call: MailboxCall): Promise<EmuResponse> {
  queryOptions(call.req, []);
  const message = resolveMessage(call);
  if (!message.isDraft)
    throw new GraphHttpError(
      400,
      'ErrorInvalidOperation',
      'Only a draft can be sent; this item has already been sent.',
    );
  await submitMessage(sendServices(call), call.mailbox, message, true, true);
  return { status: 202 };
}

/** createReply builds the draft Outlook would: RE: subject, the sender as recipient, threading headers, quoted original. */
async function createReply(call: MailboxCall): Promise<EmuResponse> {
  queryOptions(call.req, []);
  const original = resolveMessage(call);
  const { comment, message } = replyBody(call);
  const draft = replyDraft(call.s.store, call.mailbox, original, comment, message);
  return messageEntity(call, 201, draft);
}

async function reply(call: MailboxCall): Promise<EmuResponse> {
  queryOptions(call.req, []);
  const original = resolveMessage(call);
  const { comment, message } = replyBody(call);
  const draft = replyDraft(call.s.store, call.mailbox, original, comment, message);
  await submitMessage(sendServices(call), call.mailbox, draft, true, true);
  return { status: 202 };
}

function replyBody(call: MailboxCall): { comment: string; message: ReturnType<typeof fieldsFromInput> } {
  if (call.req.body.length === 0) return { comment: '', message: {} };
  const body = object(jsonBody(call), 'microsoft.graph.createReply');
  for (const key of Object.keys(body))
    if (key !== 'comment' && key !== 'message') throw unknownProperty(key, 'microsoft.graph.createReply');
  return {
    comment: typeof body.comment === 'string' ? body.comment : '',
    message: body.message === undefined ? {} : fieldsFromInput(parseMessageInput(body.message, 'graph')),
  };
}

export function sendServices(call: MailboxCall) {
  return {
    store: call.s.store,
    tenant: call.s.tenant,
    scheduler: call.s.scheduler,
    sentItemsDelayMs: () => call.s.faults.knobs.sentItemsDelayMs,
    unauthenticatedSenders: () => call.s.faults.knobs.unauthenticatedSenders,
  };
}

export const messageActionRoutes: Route[] = [
  mailboxRoute('POST', 'users/{user}/messages/{message}/move', 'messages.move', 'write', moveMessage),
  mailboxRoute('POST', 'users/{user}/messages/{message}/copy', 'messages.copy', 'write', copyMessage),
  mailboxRoute(
    'POST',
    'users/{user}/messages/{message}/permanentdelete',
    'messages.permanentDelete',
    'write',
    permanentDelete,
  ),
  mailboxRoute('POST', 'users/{user}/messages/{message}/send', 'messages.send', 'send', sendDraft),
  mailboxRoute(
    'POST',
    'users/{user}/messages/{message}/createreply',
    'messages.createReply',
    'write',
    createReply,
  ),
  mailboxRoute('POST', 'users/{user}/messages/{message}/reply', 'messages.reply', 'send', reply),
];
