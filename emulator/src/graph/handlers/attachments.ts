import type { EmuResponse } from '../../core/emu-http.js';
import type { StoredAttachment } from '../../state/mail-types.js';
import { nowSeconds } from '../../state/mail-store.js';
import { mailboxRoute, type MailboxCall, type Route } from '../graph-call.js';
import { GraphHttpError, notImplemented } from '../../core/graph-error.js';
import { parseSelect, parseSkip, parseTop, queryOptions } from '../../odata/query-options.js';
import { ATTACHMENT_TABLE, presentAttachment } from '../present-attachment.js';
import { presentMessage } from '../present-message.js';
import { collectionResponse, entityResponse, jsonBody } from '../respond.js';
import { resolveAttachment, resolveMessage } from '../resolve.js';
import { parseAttachmentInput } from '../../mail/message-input.js';
import { attachmentFromInput } from '../../mail/new-attachment.js';
import { parseMime } from '../../mime/parse-mime.js';
import { fieldsFromMime } from '../../mail/fields-from-mime.js';
import { buildMessage, defaultFields } from '../../mail/new-message.js';

function listAttachments(call: MailboxCall): EmuResponse {
  const options = queryOptions(call.req, ['$select', '$top', '$skip']);
  const select = parseSelect(options.get('$select'), ATTACHMENT_TABLE);
  const top = parseTop(options.get('$top'), 1000);
  const skip = parseSkip(options.get('$skip'));
  const message = resolveMessage(call);
  const value = message.attachments.slice(skip, skip + top).map((a) => presentAttachment(a, select));
  return collectionResponse(
    call,
    `users('${call.mailbox.address}')/messages('${message.restId}')/attachments`,
    value,
  );
}

/** `$expand=microsoft.graph.itemattachment/item` shows the attached message's properties (docs/graph-behaviour.md §4.1). */
async function getAttachment(call: MailboxCall): Promise<EmuResponse> {
  const options = queryOptions(call.req, ['$select', '$expand']);
  const select = parseSelect(options.get('$select'), ATTACHMENT_TABLE);
  const expand = options.get('$expand');
  const expandItem = expand !== undefined && /^microsoft\.graph\.itemattachment\/item$/i.test(expand.trim());
  if (expand !== undefined && !expandItem) throw notImplemented(`$expand=${expand} on attachments`);
  const message = resolveMessage(call);
  const attachment = resolveAttachment(call, message);
  const item = expandItem && attachment.kind === 'item' ? await itemAsMessage(call, attachment) : undefined;
  return entityResponse(
    call,
    200,
    `users('${call.mailbox.address}')/messages('${message.restId}')/attachments/$entity`,
    presentAttachment(attachment, select, item),
  );
}

async function itemAsMessage(
  call: MailboxCall,
  attachment: StoredAttachment,
): Promise<Record<string, unknown>> {
  const parsed = await parseMime(Buffer.from(attachment.itemMime ?? '', 'base64'));
  const detached = buildMessage(call.mailbox, '', {
    ...defaultFields(),
    ...fieldsFromMime(parsed),
    internetMessageId: parsed.internetMessageId,
    isRead: true,
    sentDateTime: parsed.sentDateTime ? nowSeconds(parsed.sentDateTime) : null,
  });
  const { id: _id, ...rest } = presentMessage(detached);
  // An attached item has no id of its own in the mailbox.
  return {
    '@odata.type': '#microsoft.graph.message',
    id: '',
    ...rest,
    parentFolderId: null,
    conversationId: null,
  };
}

/** Raw bytes for files, MIME for attached messages, 405 for reference attachments (docs/graph-behaviour.md C8). */
function getAttachmentValue(call: MailboxCall): EmuResponse {
  queryOptions(call.req, []);
  const attachment = resolveAttachment(call, resolveMessage(call));
  if (attachment.kind === 'reference') {
    throw new GraphHttpError(
      405,
      'ErrorInvalidRequest',
      'The content of a reference attachment cannot be downloaded; follow its link instead.',
    );
  }
  if (attachment.kind === 'item')
    return {
      status: 200,
      headers: { 'content-type': 'text/plain' },
      bytes: Buffer.from(attachment.itemMime ?? '', 'base64'),
    };
  return {
    status: 200,
    headers: { 'content-type': attachment.contentType ?? 'application/octet-stream' },
    bytes: Buffer.from(attachment.contentBytes ?? '', 'base64'),
  };
}

async function addAttachment(call: MailboxCall): Promise<EmuResponse> {
  queryOptions(call.req, []);
  const message = resolveMessage(call);
  const attachment = await attachmentFromInput(call.mailbox, parseAttachmentInput(jsonBody(call), 'graph'));
  call.s.store.updateMessage(call.mailbox, message, (m) => m.attachments.push(attachment));
  return entityResponse(
    call,
    201,
    `users('${call.mailbox.address}')/messages('${message.restId}')/attachments/$entity`,
    presentAttachment(attachment),
  );
}

function deleteAttachment(call: MailboxCall): EmuResponse {
  queryOptions(call.req, []);
  const message = resolveMessage(call);
  const attachment = resolveAttachment(call, message);
  call.s.store.updateMessage(call.mailbox, message, (m) =>
    m.attachments.splice(m.attachments.indexOf(attachment), 1),
  );
  return { status: 204 };
}

const MIN_UPLOAD = 3 * 1024 * 1024;
const MAX_UPLOAD = 150 * 1024 * 1024;

/** createUploadSession on a draft for files of 3-150 MB (docs/graph-behaviour.md §4.3). */
function createUploadSession(call: MailboxCall): EmuResponse {
  queryOptions(call.req, []);
  const message = resolveMessage(call);
  const body = jsonBody(call) as { AttachmentItem?: Record<string, unknown> } | null;
  const item = body?.AttachmentItem;
  if (
    !item ||
    item.attachmentType !== 'file' ||
    typeof item.name !== 'string' ||
    typeof item.size !== 'number' ||
    !Number.isInteger(item.size)
  ) {
    throw new GraphHttpError(
      400,
      'ErrorInvalidRequest',
      "AttachmentItem with attachmentType 'file', a name and an integer size is required.",
    );
  }
  if (item.size < MIN_UPLOAD) {
    throw new GraphHttpError(
      400,
      'ErrorAttachmentSizeShouldNotBeLessThanMinimumSize',
      'Attachment size should not be less than 3 MB. Add smaller attachments with POST /attachments.',
    );
  }
  if (item.size > MAX_UPLOAD)
    throw new GraphHttpError(
      400,
      'ErrorAttachmentSizeTooLarge',
      'The attachment exceeds the maximum size of 150 MB.',
    );
  const session = call.s.uploads.create({
    mailbox: call.mailbox.address,
    messageId: message.immutableId,
    name: item.name,
    size: item.size,
    contentType: typeof item.contentType === 'string' ? item.contentType : null,
    isInline: item.isInline === true,
    contentId: typeof item.contentId === 'string' ? item.contentId : null,
    appId: call.app.appid,
  });
  // The real URL is pre-authenticated on outlook.office.com; here it is on the emulator (which tolerates a bearer header).
  const uploadUrl = `${call.req.origin}/api/v2.0/Users('${call.mailbox.userId}@${call.s.tenant.tenantId}')/Messages('${message.immutableId}')/AttachmentSessions('${session.id}')?authtoken=${session.authToken}`;
  return {
    status: 201,
    json: {
      '@odata.context': `${call.req.origin}/v1.0/$metadata#microsoft.graph.uploadSession`,
      uploadUrl,
      expirationDateTime: new Date(session.expiresAt).toISOString(),
      nextExpectedRanges: ['0-'],
    },
  };
}

export const attachmentRoutes: Route[] = [
  mailboxRoute(
    'GET',
    'users/{user}/messages/{message}/attachments',
    'attachments.list',
    'read',
    listAttachments,
  ),
  mailboxRoute(
    'POST',
    'users/{user}/messages/{message}/attachments',
    'attachments.add',
    'write',
    addAttachment,
  ),
  mailboxRoute(
    'GET',
    'users/{user}/messages/{message}/attachments/{attachment}',
    'attachments.get',
    'read',
    getAttachment,
  ),
  mailboxRoute(
    'DELETE',
    'users/{user}/messages/{message}/attachments/{attachment}',
    'attachments.delete',
    'write',
    deleteAttachment,
  ),
  mailboxRoute(
    'GET',
    'users/{user}/messages/{message}/attachments/{attachment}/$value',
    'attachments.getValue',
    'read',
    getAttachmentValue,
  ),
  mailboxRoute(
    'POST',
    'users/{user}/messages/{message}/attachments/createuploadsession',
    'attachments.createUploadSession',
    'write',
    createUploadSession,
  ),
];
