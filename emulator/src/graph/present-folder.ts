import type { MailFolder } from '@microsoft/microsoft-graph-types';
import type { Mailbox, StoredFolder } from '../state/mail-types.js';
import type { PropertyTable } from '../odata/property-table.js';

export type FolderView = { folder: StoredFolder; mailbox: Mailbox };

const count = (
  v: FolderView,
  pick: (n: { total: number; unread: number; children: number }) => number,
): number => pick(counts(v));

export const FOLDER_TABLE: PropertyTable<FolderView> = {
  typeName: 'microsoft.graph.mailFolder',
  known: new Set([
    'id',
    'childFolderCount',
    'displayName',
    'isHidden',
    'parentFolderId',
    'totalItemCount',
    'unreadItemCount',
    'childFolders',
    'messageRules',
    'messages',
    'multiValueExtendedProperties',
    'singleValueExtendedProperties',
  ]),
  properties: {
    id: { type: 'string', get: (v) => v.folder.id, filterable: true, sortable: false },
    displayName: { type: 'string', get: (v) => v.folder.displayName, filterable: true, sortable: true },
    parentFolderId: {
      type: 'string',
      get: (v) => v.folder.parentFolderId,
      filterable: true,
      sortable: false,
    },
    isHidden: { type: 'boolean', get: (v) => v.folder.isHidden, filterable: true, sortable: false },
    totalItemCount: {
      type: 'number',
      get: (v) => count(v, (n) => n.total),
      filterable: true,
      sortable: true,
    },
    unreadItemCount: {
      type: 'number',
      get: (v) => count(v, (n) => n.unread),
      filterable: true,
      sortable: true,
    },
    childFolderCount: {
      type: 'number',
      get: (v) => count(v, (n) => n.children),
      filterable: true,
      sortable: true,
    },
  },
};

export function presentFolder(
  { folder, mailbox }: FolderView,
  select: Set<string> | null = null,
): MailFolder {
  const n = counts({ folder, mailbox });
  const all: MailFolder = {
    id: folder.id,
    displayName: folder.displayName,
    parentFolderId: folder.parentFolderId,
    childFolderCount: n.children,
    unreadItemCount: n.unread,
    totalItemCount: n.total,
    isHidden: folder.isHidden,
  };
  if (!select) return all;
  return Object.fromEntries(Object.entries(all).filter(([k]) => k === 'id' || select.has(k)));
}

function counts({ folder, mailbox }: FolderView): { total: number; unread: number; children: number } {
  const messages = mailbox.messages.filter((m) => m.folderId === folder.id);
  return {
    total: messages.length,
    unread: messages.filter((m) => !m.isRead).length,
    children: mailbox.folders.filter((f) => f.parentFolderId === folder.id && !f.isHidden).length,
  };
}
