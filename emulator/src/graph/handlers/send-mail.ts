import type { EmuResponse } from '../../core/emu-http.js';
import { mailboxRoute, type MailboxCall, type Route } from '../graph-call.js';
import { GraphHttpError } from '../../core/graph-error.js';
import { queryOptions } from '../../odata/query-options.js';
import { jsonBody } from '../respond.js';
import { checkCustomHeaders } from './message-item.js';
import { sendServices } from './message-actions.js';
import { object, parseMessageInput, unknownProperty } from '../../mail/message-input.js';
import { fieldsFromInput } from '../../mail/fields-from-input.js';
import { attachmentFromInput, attachmentFromMime } from '../../mail/new-attachment.js';
import { buildMessage, defaultFields } from '../../mail/new-message.js';
import { submitMessage } from '../../mail/send-message.js';
import { parseMime } from '../../mime/parse-mime.js';

/** POST /users/{id}/sendMail: 202 with no body and no id (docs/graph-behaviour.md §4.2, C11). JSON, or base64 MIME as text/plain. */
async function sendMail(call: MailboxCall): Promise<EmuResponse> {
  queryOptions(call.req, []);
  const isMime = (call.req.headers['content-type'] ?? '').toLowerCase().startsWith('text/plain');
  const fields = isMime ? await mimeFields(call) : await jsonFields(call);
  const sentItems = call.s.store.wellKnownFolder(call.mailbox, 'sentitems');
  const message = buildMessage(call.mailbox, sentItems.id, { ...defaultFields(), ...fields.message });
  await submitMessage(sendServices(call), call.mailbox, message, false, fields.saveToSentItems);
  return { status: 202 };
}

async function jsonFields(call: MailboxCall) {
  const body = object(jsonBody(call), 'microsoft.graph.sendMail');
  for (const key of Object.keys(body))
    if (key !== 'message' && key !== 'saveToSentItems')
      throw unknownProperty(key, 'microsoft.graph.sendMail');
  if (body.message === undefined)
    throw new GraphHttpError(400, 'ErrorInvalidRequest', "The 'message' parameter is required.");
  if (body.saveToSentItems !== undefined && typeof body.saveToSentItems !== 'boolean') {
    throw new GraphHttpError(
      400,
      'RequestBodyRead',
      "Invalid value for property 'saveToSentItems': expected true or false.",
    );
  }
  const input = parseMessageInput(body.message, 'graph');
  checkCustomHeaders(input.internetMessageHeaders ?? []);
  const attachments = await Promise.all(
    (input.attachments ?? []).map((a) => attachmentFromInput(call.mailbox, a)),
  );
  return {
    message: { ...fieldsFromInput(input), attachments },
    saveToSentItems: body.saveToSentItems !== false,
  };
}

async function mimeFields(call: MailboxCall) {
  const text = call.req.body.toString('ascii').replace(/\s+/g, '');
  if (text === '' || !/^[A-Za-z0-9+/]*={0,2}$/.test(text) || text.length % 4 !== 0) {
    throw new GraphHttpError(
      400,
      'ErrorMimeContentInvalidBase64String',
      'Invalid base64 string for MIME content.',
    );
  }
  const parsed = await parseMime(Buffer.from(text, 'base64'));
  return {
    message: {
      subject: parsed.subject,
      body:
        parsed.html !== null
          ? { contentType: 'html' as const, content: parsed.html }
          : { contentType: 'text' as const, content: parsed.text ?? '' },
      toRecipients: parsed.toRecipients,
      ccRecipients: parsed.ccRecipients,
      bccRecipients: parsed.bccRecipients,
      replyTo: parsed.replyTo,
      internetMessageId: parsed.internetMessageId,
      inReplyTo: parsed.inReplyTo,
      references: parsed.references,
      internetMessageHeaders: parsed.headers.filter((h) => /^x-/i.test(h.name)),
      attachments: parsed.attachments.map((a) => attachmentFromMime(call.mailbox, a)),
    },
    saveToSentItems: true,
  };
}

export const sendMailRoutes: Route[] = [
  mailboxRoute('POST', 'users/{user}/sendmail', 'users.sendMail', 'send', sendMail),
];
