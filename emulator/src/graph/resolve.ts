import type { Services } from './services.js';
import type { Mailbox, StoredAttachment, StoredFolder, StoredMessage } from '../state/mail-types.js';
import { findUser } from '../tenant/tenant-directory.js';
import { WELL_KNOWN_FOLDER_NAMES } from '../state/seed-mailbox.js';
import { GraphHttpError, malformedId, notFound } from '../core/graph-error.js';
import { isWellFormedId } from '../core/ids.js';
import type { GraphParams } from './graph-path.js';
import type { MailboxCall } from './graph-call.js';

/** The mailbox a request addresses, with Graph's distinct errors for each way it can fail (docs/graph-behaviour.md C24, §9). */
export function resolveMailbox(s: Services, params: GraphParams, appId: string): Mailbox {
  if (params.me)
    throw new GraphHttpError(
      400,
      'BadRequest',
      '/me request is only valid with delegated authentication flow.',
    );
  const name = params.user ?? '';
  const user = findUser(s.tenant, name);
  if (!user) throw new GraphHttpError(404, 'ErrorInvalidUser', `The requested user '${name}' is invalid.`);
  const mailbox = user.hasMailbox ? s.store.mailbox(user.userPrincipalName) : undefined;
  if (!mailbox)
    throw new GraphHttpError(
      404,
      'MailboxNotEnabledForRESTAPI',
      'REST API is not yet supported for this mailbox.',
    );
  if (!s.accessPolicy.permits(appId, mailbox.address))
    throw new GraphHttpError(403, 'ErrorAccessDenied', 'Access to OData is disabled.');
  return mailbox;
}

/** A folder by well-known name or id; ids are case-sensitive, names are not. */
export function resolveFolderRef(s: Services, mailbox: Mailbox, ref: string): StoredFolder {
  if (WELL_KNOWN_FOLDER_NAMES.includes(ref.toLowerCase())) {
    const folder = s.store.folder(mailbox, ref);
    if (!folder) throw notFound('folder');
    return folder;
  }
  if (!isWellFormedId(ref, 'folder')) throw malformedId();
  const folder = mailbox.folders.find((f) => f.id === ref);
  if (!folder) throw notFound('item');
  return folder;
}

/** The last folder of mailFolders/{a}/childFolders/{b}..., each checked to be a child of the one before. */
export function resolveFolder(call: MailboxCall): StoredFolder {
  let parent: StoredFolder | undefined;
  for (const ref of call.params.folders) {
    const folder = resolveFolderRef(call.s, call.mailbox, ref);
    if (parent && folder.parentFolderId !== parent.id) throw notFound('folder');
    parent = folder;
  }
  if (!parent) throw notFound('folder');
  return parent;
}

export function resolveMessage(call: MailboxCall): StoredMessage {
  const id = call.params.message ?? '';
  if (!isWellFormedId(id, 'message') && !isWellFormedId(id, 'immutable')) throw malformedId();
  const message = call.s.store.findMessage(call.mailbox, id);
  if (!message || call.s.faults.isHidden(id)) throw notFound('item');
  if (call.params.folders.length > 0 && resolveFolder(call).id !== message.folderId) throw notFound('item');
  return message;
}

export function resolveAttachment(call: MailboxCall, message: StoredMessage): StoredAttachment {
  const id = call.params.attachment ?? '';
  if (!isWellFormedId(id, 'attachment')) throw malformedId();
  const attachment = message.attachments.find((a) => a.id === id);
  if (!attachment) throw notFound('item');
  return attachment;
}
