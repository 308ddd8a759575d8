import type { EmuResponse } from '../../core/emu-http.js';
import type { StoredFolder } from '../../state/mail-types.js';
import { mailboxRoute, type MailboxCall, type Route } from '../graph-call.js';
import { GraphHttpError } from '../../core/graph-error.js';
import {
  parseListFilter,
  parseOrderBy,
  parseSelect,
  parseSkip,
  parseTop,
  queryOptions,
  parseCount,
} from '../../odata/query-options.js';
import { evaluateFilter } from '../../odata/property-table.js';
import { FOLDER_TABLE, presentFolder, type FolderView } from '../present-folder.js';
import { collectionResponse, entityResponse, jsonBody, linkWith } from '../respond.js';
import { resolveFolder } from '../resolve.js';
import { object, unknownProperty } from '../../mail/message-input.js';

/** GET /users/{id}/mailFolders lists only the root's direct children (docs/graph-behaviour.md §2.1); pages of 10. */
function listRootFolders(call: MailboxCall): EmuResponse {
  const root = call.s.store.wellKnownFolder(call.mailbox, 'msgfolderroot');
  return listFolders(
    call,
    call.s.store.childFolders(call.mailbox, root.id),
    `users('${call.mailbox.address}')/mailFolders`,
  );
}

function listChildFolders(call: MailboxCall): EmuResponse {
  const parent = resolveFolder(call);
  return listFolders(
    call,
    call.s.store.childFolders(call.mailbox, parent.id),
    `users('${call.mailbox.address}')/mailFolders('${parent.id}')/childFolders`,
  );
}

function listFolders(call: MailboxCall, folders: StoredFolder[], context: string): EmuResponse {
  const options = queryOptions(call.req, ['$filter', '$top', '$skip', '$select', '$orderby', '$count']);
  const orderBy = parseOrderBy(options.get('$orderby'), FOLDER_TABLE);
  const filter = parseListFilter(options.get('$filter'), [], FOLDER_TABLE);
  const top = parseTop(options.get('$top'), 10);
  const skip = parseSkip(options.get('$skip'));
  const select = parseSelect(options.get('$select'), FOLDER_TABLE);
  const includeHidden = call.req.query.get('includeHiddenFolders')?.toLowerCase() === 'true';
  let views: FolderView[] = folders
    .filter((f) => includeHidden || !f.isHidden)
    .map((folder) => ({ folder, mailbox: call.mailbox }));
  if (filter) views = views.filter((v) => evaluateFilter(filter, v, FOLDER_TABLE));
  views.sort((a, b) => a.folder.displayName.localeCompare(b.folder.displayName));
  for (const o of [...orderBy].reverse()) {
    const def = FOLDER_TABLE.properties[o.property]!;
    views.sort((a, b) => {
      const x = def.get(a) ?? '';
      const y = def.get(b) ?? '';
      return (x < y ? -1 : x > y ? 1 : 0) * (o.descending ? -1 : 1);
    });
  }
  const page = views.slice(skip, skip + top);
  const nextLink = skip + top < views.length ? linkWith(call, { $skip: String(skip + top) }) : undefined;
  const count = parseCount(options.get('$count')) ? views.length : undefined;
  return collectionResponse(
    call,
    context,
    page.map((v) => presentFolder(v, select)),
    { nextLink, count },
  );
}

function getFolder(call: MailboxCall): EmuResponse {
  const options = queryOptions(call.req, ['$select']);
  const folder = resolveFolder(call);
  return entityResponse(
    call,
    200,
    `users('${call.mailbox.address}')/mailFolders/$entity`,
    presentFolder({ folder, mailbox: call.mailbox }, parseSelect(options.get('$select'), FOLDER_TABLE)),
  );
}

function createRootFolder(call: MailboxCall): EmuResponse {
  return createFolder(call, call.s.store.wellKnownFolder(call.mailbox, 'msgfolderroot'));
}

function createChildFolder(call: MailboxCall): EmuResponse {
  return createFolder(call, resolveFolder(call));
}

function createFolder(call: MailboxCall, parent: StoredFolder): EmuResponse {
  queryOptions(call.req, []);
  const body = object(jsonBody(call), 'microsoft.graph.mailFolder');
  for (const key of Object.keys(body)) {
    if (!key.startsWith('@odata.') && !['displayName', 'isHidden'].includes(key))
      throw unknownProperty(key, 'microsoft.graph.mailFolder');
  }
  const name = body.displayName;
  if (typeof name !== 'string' || name.trim() === '')
    throw new GraphHttpError(400, 'ErrorInvalidRequest', 'The folder display name is required.');
  const isHidden = body.isHidden === true;
  if (
    call.s.store
      .childFolders(call.mailbox, parent.id)
      .some((f) => f.displayName.toLowerCase() === name.toLowerCase())
  ) {
    throw new GraphHttpError(409, 'ErrorFolderExists', 'A folder with the specified name already exists.');
  }
  const folder = call.s.store.createFolder(call.mailbox, parent.id, name, isHidden);
  return entityResponse(
    call,
    201,
    `users('${call.mailbox.address}')/mailFolders/$entity`,
    presentFolder({ folder, mailbox: call.mailbox }),
  );
}

export const mailFolderRoutes: Route[] = [
  mailboxRoute('GET', 'users/{user}/mailfolders', 'mailFolders.list', 'read', listRootFolders),
  mailboxRoute('POST', 'users/{user}/mailfolders', 'mailFolders.create', 'write', createRootFolder),
  mailboxRoute('GET', 'users/{user}/mailfolders/{folder}', 'mailFolders.get', 'read', getFolder),
  mailboxRoute(
    'GET',
    'users/{user}/mailfolders/{folder}/childfolders',
    'mailFolders.listChildren',
    'read',
    listChildFolders,
  ),
  mailboxRoute(
    'POST',
    'users/{user}/mailfolders/{folder}/childfolders',
    'mailFolders.createChild',
    'write',
    createChildFolder,
  ),
];
