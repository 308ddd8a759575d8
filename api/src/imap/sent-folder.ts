import type { ImapFlow } from 'imapflow';

// The Sent folder over IMAP: the one the server marks \Sent (RFC 6154), else one named Sent.

type Open = () => Promise<ImapFlow>;

async function withSent<T>(open: Open, work: (client: ImapFlow, path: string) => Promise<T>): Promise<T> {
  const client = await open();
  try {
    const folders = await client.list();
    const sent =
      folders.find((f) => f.specialUse === '\\Sent') ?? folders.find((f) => f.name.toLowerCase() === 'sent');
    return await work(client, sent?.path ?? 'Sent');
  } finally {
    await client.logout().catch(() => client.close());
  }
}

export function saveSentCopy(open: Open, raw: Buffer): Promise<void> {
  return withSent(open, async (client, path) => {
    await client.append(path, raw, ['\\Seen']);
  });
}

export function findSentCopy(open: Open, internetMessageId: string): Promise<boolean> {
  return withSent(open, async (client, path) => {
    const lock = await client.getMailboxLock(path, { readOnly: true });
    try {
      const found = await client.search({ header: { 'message-id': internetMessageId } }, { uid: true });
      return Array.isArray(found) && found.length > 0;
    } finally {
      lock.release();
    }
  });
}
