import type { EmuRequest, EmuResponse } from '../core/emu-http.js';
import type { Services } from '../graph/services.js';
import type { Mailbox, StoredFolder } from '../state/mail-types.js';
import { isCustomerAddress } from '../tenant/tenant-directory.js';
import { GraphHttpError } from '../core/graph-error.js';
import { parseJsonBody } from '../graph/json-body.js';
import { parseMessageInput } from '../mail/message-input.js';
import { deliverInput, deliverMime } from '../mail/deliver.js';
import type { StampPolicy } from '../mail/authentication-stamp.js';
import { presentMessage } from '../graph/present-message.js';
import { MESSAGE_PROPERTY_NAMES } from '../mail/message-property-names.js';
import { sortMessages } from '../graph/handlers/messages-list.js';
import { messageMime } from '../mime/compose-mime.js';
import { view } from '../state/mail-store.js';

/** POST /_emulator/mailboxes/{address}/messages?folder=inbox: a message arrives (raw RFC 822 or Graph JSON). */
export async function deliverToMailbox(req: EmuRequest, s: Services, address: string): Promise<EmuResponse> {
  const mailbox = mailboxFor(s, address);
  const folder = folderFor(s, mailbox, req.query.get('folder') ?? 'inbox');
  const contentType = (req.headers['content-type'] ?? '').toLowerCase();
  let message;
  if (contentType.startsWith('message/rfc822')) {
    message = await deliverMime(s.store, mailbox, req.body, folder.id, stampPolicy(s));
  } else if (contentType.startsWith('application/json')) {
    message = await deliverInput(
      s.store,
      mailbox,
      parseMessageInput(parseJsonBody(req.body), 'control'),
      folder.id,
      stampPolicy(s),
    );
  } else {
    throw new GraphHttpError(
      415,
      'UnsupportedMediaType',
      'Send the message as message/rfc822 (raw MIME) or application/json (a Graph message).',
    );
  }
  return {
    status: 201,
    json: {
      id: message.restId,
      immutableId: message.immutableId,
      internetMessageId: message.internetMessageId,
      conversationId: message.conversationId,
      parentFolderId: message.folderId,
    },
  };
}

const ALL_PROPERTIES = new Set<string>(
  MESSAGE_PROPERTY_NAMES.filter(
    (p) =>
      ![
        'attachments',
        'extensions',
        'multiValueExtendedProperties',
        'singleValueExtendedProperties',
      ].includes(p),
  ),
);

/** GET /_emulator/mailboxes/{address}/messages?folder=sentitems: what is there, newest first, in full. */
export function listMailboxMessages(req: EmuRequest, s: Services, address: string): EmuResponse {
  const mailbox = mailboxFor(s, address);
  const folder = folderFor(s, mailbox, req.query.get('folder') ?? 'inbox');
  const byView = new Map(s.store.messagesIn(mailbox, folder.id).map((m) => [view(m), m]));
  const views = [...byView.keys()];
  sortMessages(views, []);
  const value = views.map((v) =>
    presentMessage(byView.get(v)!, {
      select: ALL_PROPERTIES,
      expand: { select: null },
      immutableIds: false,
      bodyType: null,
    }),
  );
  return { status: 200, json: { value } };
}

export async function mailboxMessageMime(s: Services, address: string, id: string): Promise<EmuResponse> {
  const mailbox = mailboxFor(s, address);
  const message = s.store.findMessage(mailbox, id);
  if (!message)
    throw new GraphHttpError(404, 'ErrorItemNotFound', 'The specified object was not found in the store.');
  return { status: 200, headers: { 'content-type': 'message/rfc822' }, bytes: await messageMime(message) };
}

/** Tenant mailboxes, and any address on a customer domain (created on first delivery). */
function mailboxFor(s: Services, address: string): Mailbox {
  const existing = s.store.mailbox(address);
  if (existing) return existing;
  if (isCustomerAddress(s.tenant, address))
    return s.store.ensureMailbox(address, address.split('@')[0] ?? address);
  throw new GraphHttpError(
    404,
    'ErrorInvalidUser',
    `The emulator hosts no mailbox '${address}' (tenant mailboxes and any address on ${s.tenant.customerDomains.join(', ')}).`,
  );
}

/** A well-known name, a folder id, or a display name. */
function folderFor(s: Services, mailbox: Mailbox, ref: string): StoredFolder {
  const folder =
    s.store.folder(mailbox, ref) ??
    mailbox.folders.find((f) => f.displayName.toLowerCase() === ref.toLowerCase());
  if (!folder)
    throw new GraphHttpError(404, 'ErrorFolderNotFound', `No folder '${ref}' in ${mailbox.address}.`);
  return folder;
}

/** Mail posted here arrives from outside: Exchange stamps it (authentication-stamp.ts). */
export function stampPolicy(s: Pick<Services, 'tenant' | 'faults'>): StampPolicy {
  return { tenant: s.tenant, unauthenticatedSenders: s.faults.knobs.unauthenticatedSenders };
}
