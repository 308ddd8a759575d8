import type { MailFolderRef } from '../ports/mailbox.js';
import { folderMissing } from './imap-failure.js';
import type { ImapSession } from './imap-session.js';

// The account's folder as an IMAP path: "Inbox" is always INBOX (RFC 3501 makes it case-insensitive); other names match
// a folder's path or name case-insensitively, with "/" between parent and child whatever the server's delimiter.

export async function resolveImapFolder(session: ImapSession, ref: string): Promise<MailFolderRef> {
  const wanted = ref.trim();
  if (wanted.toLowerCase() === 'inbox') return { id: 'INBOX', displayName: 'Inbox' };
  const folders = await session.list();
  const found = folders.find((f) =>
    [f.path, f.path.split(f.delimiter).join('/'), f.name].some(
      (n) => n.toLowerCase() === wanted.toLowerCase(),
    ),
  );
  if (!found) throw folderMissing(wanted);
  return { id: found.path, displayName: found.name };
}
