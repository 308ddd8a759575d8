import { newId } from '../core/ids.js';
import type { Mailbox, StoredFolder } from './mail-types.js';

// Well-known folders (docs/graph-behaviour.md §2.1) with their English display names. The ones under the IPM subtree are
// what `GET /mailFolders` lists; Recoverable Items and search folders live beside it, reachable by name only.
const IPM_FOLDERS: Array<[wellKnown: string, displayName: string]> = [
  ['archive', 'Archive'],
  ['conversationhistory', 'Conversation History'],
  ['deleteditems', 'Deleted Items'],
  ['drafts', 'Drafts'],
  ['inbox', 'Inbox'],
  ['junkemail', 'Junk Email'],
  ['outbox', 'Outbox'],
  ['sentitems', 'Sent Items'],
  ['syncissues', 'Sync Issues'],
];
const SYNC_ISSUE_FOLDERS: Array<[string, string]> = [
  ['conflicts', 'Conflicts'],
  ['localfailures', 'Local Failures'],
  ['serverfailures', 'Server Failures'],
];
const NON_IPM_FOLDERS: Array<[string, string]> = [
  ['recoverableitemsdeletions', 'Deletions'],
  ['searchfolders', 'Finder'],
];

export const WELL_KNOWN_FOLDER_NAMES = [
  'archive',
  'clutter',
  'conflicts',
  'conversationhistory',
  'deleteditems',
  'drafts',
  'inbox',
  'junkemail',
  'localfailures',
  'msgfolderroot',
  'outbox',
  'recoverableitemsdeletions',
  'scheduled',
  'searchfolders',
  'sentitems',
  'serverfailures',
  'syncissues',
];

export function seedMailbox(
  address: string,
  userId: string,
  displayName: string,
  kind: Mailbox['kind'],
): Mailbox {
  const rootFolderId = newId('folder', userId);
  const folder = (wellKnownName: string | null, name: string, parentFolderId: string): StoredFolder => ({
    id: newId('folder', userId),
    displayName: name,
    parentFolderId,
    wellKnownName,
    isHidden: false,
  });
  const top = folder('msgfolderroot', 'Top of Information Store', rootFolderId);
  const ipm = IPM_FOLDERS.map(([w, n]) => folder(w, n, top.id));
  const syncIssues = ipm.find((f) => f.wellKnownName === 'syncissues');
  const folders = [
    top,
    ...ipm,
    ...SYNC_ISSUE_FOLDERS.map(([w, n]) => folder(w, n, syncIssues?.id ?? top.id)),
    ...NON_IPM_FOLDERS.map(([w, n]) => folder(w, n, rootFolderId)),
  ];
  return { address, userId, displayName, kind, rootFolderId, folders, messages: [], tombstones: [] };
}
