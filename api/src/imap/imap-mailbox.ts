import { Readable } from 'node:stream';
import type { ImapFlow, MailboxObject } from 'imapflow';
import { simpleParser } from 'mailparser';
import type { MailAccount } from '../domain/mail-account.js';
import { MailTransportError } from '../ports/mail-transport-error.js';
import type { AfterStepAction, AfterStepOutcome, Mailbox, MimeListedMessage } from '../ports/mailbox.js';
import { diagnoseImapSmtp } from './diagnose.js';
import type { ImapCredentials } from './imap-credentials.js';
import { resolveImapFolder } from './resolve-folder.js';
import { ImapSession, imapEndpoint, openImap } from './imap-session.js';
import { watchFolder, type WatchTiming } from './idle-watch.js';

// The Mailbox port over IMAP (ImapFlow): unread messages of the watched folder by UID, their raw MIME fetched when the
// pipeline gets to each, after-steps by UID (\Seen; MOVE, which ImapFlow does as COPY + \Deleted + UID EXPUNGE where
// the server lacks MOVE; delete = \Deleted + UID EXPUNGE), and IDLE for push. Ids are "UIDVALIDITY:UID": when the
// folder's UIDVALIDITY changes, old ids fail rather than touch another message, and the next listing finds the
// messages under their new UIDs (the ledger, keyed by Message-ID, knows which were already imported).

export type ImapMailbox = Mailbox & { close(): Promise<void> };

export function createImapMailbox(
  account: MailAccount,
  credentials: ImapCredentials,
  timing?: Partial<WatchTiming>,
): ImapMailbox {
  const endpoint = imapEndpoint(account);
  const session = new ImapSession(endpoint, credentials);

  function parseId(id: string): { uidValidity: string; uid: number } {
    const [uidValidity = '', uid = ''] = id.split(':');
    return { uidValidity, uid: Number(uid) };
  }

  /** Runs `work` on the message's UID, or fails as gone when the folder was renumbered since it was listed. */
  function onMessage<T>(
    folder: string,
    id: string,
    work: (client: ImapFlow, uid: number) => Promise<T>,
  ): Promise<T> {
    const { uidValidity, uid } = parseId(id);
    return session.inFolder(folder, async (client, box) => {
      if (String(box.uidValidity) !== uidValidity) {
        throw new MailTransportError(
          'gone',
          `The folder's UIDVALIDITY changed (${uidValidity} -> ${String(box.uidValidity)}): its messages were renumbered; the next listing finds them again.`,
          { transient: false },
        );
      }
      return work(client, uid);
    });
  }

  async function fetchPart(folder: string, id: string, part: 'source' | 'headers'): Promise<Buffer> {
    return onMessage(folder, id, async (client, uid) => {
      const found = await client.fetchOne(
        String(uid),
        part === 'source' ? { source: true } : { headers: true },
        { uid: true },
      );
      const bytes = found ? found[part] : undefined;
      if (!bytes)
        throw new MailTransportError(
          'gone',
          'The email is no longer in the folder (moved or deleted since it was listed).',
          { transient: false },
        );
      return bytes;
    });
  }

  // Messages are listed in the watched folder; later calls name them by id only.
  let watchedFolder = 'INBOX';

  async function attachmentOf(messageId: string, attachmentId: string) {
    const parsed = await simpleParser(await fetchPart(watchedFolder, messageId, 'source'));
    const attachment = parsed.attachments[Number(attachmentId)];
    if (!attachment)
      throw new MailTransportError('gone', 'The attachment is not in the email.', { transient: false });
    return attachment;
  }

  return {
    address: account.userPrincipalName,
    resolveFolder: (ref) => resolveImapFolder(session, ref),

    async listUnread(folderId, limit): Promise<MimeListedMessage[]> {
      watchedFolder = folderId;
      return session.inFolder(folderId, async (client, box: MailboxObject) => {
        // The connection keeps the folder selected between syncs; NOOP makes the server report what arrived since
        // (a SEARCH alone runs on the view of the last sync, so mail pushed by IDLE would not be found).
        await client.noop();
        const uids = ((await client.search({ seen: false }, { uid: true })) || [])
          .sort((a, b) => a - b)
          .slice(0, limit);
        if (uids.length === 0) return [];
        const uidValidity = String(box.uidValidity);
        const meta = await client.fetchAll(
          uids.join(','),
          { uid: true, size: true, internalDate: true },
          { uid: true },
        );
        return meta
          .sort((a, b) => a.uid - b.uid)
          .map((m) => {
            const id = `${uidValidity}:${m.uid}`;
            const internal = m.internalDate instanceof Date ? m.internalDate : new Date(m.internalDate ?? 0);
            return {
              id,
              format: 'mime' as const,
              size: m.size ?? 0,
              receivedAt: Number.isNaN(internal.getTime())
                ? new Date(0).toISOString()
                : internal.toISOString(),
              imap: { uidValidity, uid: m.uid },
              source: () => fetchPart(folderId, id, 'source'),
              headers: () => fetchPart(folderId, id, 'headers'),
            };
          });
      });
    },

    async openAttachment(messageId, attachmentId) {
      const attachment = await attachmentOf(messageId, attachmentId);
      return { body: Readable.from(attachment.content), contentType: attachment.contentType };
    },

    async readInlineAttachment(messageId, attachmentId) {
      const attachment = await attachmentOf(messageId, attachmentId);
      return {
        bytes: attachment.content,
        contentType: attachment.contentType,
        ...(attachment.cid ? { contentId: attachment.cid } : {}),
      };
    },

    async openMime(messageId) {
      return Readable.from(await fetchPart(watchedFolder, messageId, 'source'));
    },

    async afterStep(id, action: AfterStepAction): Promise<AfterStepOutcome> {
      try {
        await onMessage(watchedFolder, id, async (client, uid) => {
          const range = String(uid);
          if (action.kind === 'delete') {
            await client.messageDelete(range, { uid: true });
            return;
          }
          await client.messageFlagsAdd(range, ['\\Seen'], { uid: true });
          if (action.kind === 'move') await client.messageMove(range, action.folderId, { uid: true });
        });
        return { outcome: 'done' };
      } catch (error) {
        return { outcome: 'failed', error };
      }
    },

    async checkToken() {
      await credentials.signIn();
      // A password proves nothing until the server takes it (Test connection and every sync sign in for real).
      return credentials.method === 'oauth2'
        ? 'token issued'
        : 'password stored (the next sign-in checks it)';
    },

    checkSendPermission: () => Promise.resolve('unknown'),

    watch: (folderId, events) =>
      watchFolder(() => openImap(endpoint, credentials, { autoIdleDelay: 50 }), folderId, events, timing),

    diagnose: (folder) => diagnoseImapSmtp(account, credentials, session, folder),

    close: () => session.close(),
  };
}
