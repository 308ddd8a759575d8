import { randomBytes, randomUUID } from 'node:crypto';
import { newId } from '../core/ids.js';
import type { Mailbox, StoreState, StoredFolder, StoredMessage, StoredSubscription } from './mail-types.js';
import { seedMailbox } from './seed-mailbox.js';

/** A message as it was before or after a change, without attachment bytes (enough to evaluate subscriptions). */
export type MessageView = Omit<StoredMessage, 'attachments' | 'mime'> & { hasAttachments: boolean };
export type MessageChange = { mailbox: Mailbox; before: MessageView | null; after: MessageView | null };

export type SeedMailbox = { address: string; userId: string; displayName: string };

/**
 * The in-memory Exchange: mailboxes, folders, messages, subscriptions. Every mutation goes through here so it
 * advances the change sequence (delta), leaves tombstones (delta @removed) and tells listeners (notifications,
 * snapshot).
 */
export class MailStore {
  state: StoreState;
  private readonly listeners: Array<(change: MessageChange) => void> = [];
  private readonly mutationListeners: Array<() => void> = [];

  constructor(
    private readonly seed: readonly SeedMailbox[],
    state?: StoreState,
  ) {
    this.state = state ?? this.seededState();
    // A snapshot from a run with fewer service mailboxes: the tenant's mailboxes it lacks start empty.
    for (const s of state ? seed : []) {
      if (!this.mailbox(s.address))
        this.state.mailboxes.push(seedMailbox(s.address, s.userId, s.displayName, 'tenant'));
    }
  }

  onMessageChange(listener: (change: MessageChange) => void): void {
    this.listeners.push(listener);
  }

  onMutation(listener: () => void): void {
    this.mutationListeners.push(listener);
  }

  reset(): void {
    this.state = this.seededState();
    this.mutated();
  }

  /** Invalidates every delta token handed out so far. */
  expireDeltaTokens(): void {
    this.state.deltaEpoch = randomUUID();
    this.mutated();
  }

  mailbox(address: string): Mailbox | undefined {
    const key = address.toLowerCase();
    return this.state.mailboxes.find((m) => m.address === key || m.userId === key);
  }

  ensureMailbox(address: string, displayName: string): Mailbox {
    const existing = this.mailbox(address);
    if (existing) return existing;
    const created = seedMailbox(address.toLowerCase(), randomUUID(), displayName, 'customer');
    this.state.mailboxes.push(created);
    this.mutated();
    return created;
  }

  /** A folder by id (case-sensitive) or well-known name (case-insensitive). */
  folder(mailbox: Mailbox, idOrName: string): StoredFolder | undefined {
    const name = idOrName.toLowerCase();
    return mailbox.folders.find((f) => f.id === idOrName || f.wellKnownName === name);
  }

  wellKnownFolder(mailbox: Mailbox, name: string): StoredFolder {
    const folder = mailbox.folders.find((f) => f.wellKnownName === name);
    if (!folder) throw new Error(`Mailbox ${mailbox.address} has no ${name} folder`);
    return folder;
  }

  childFolders(mailbox: Mailbox, parentId: string): StoredFolder[] {
    return mailbox.folders.filter((f) => f.parentFolderId === parentId);
  }

  createFolder(
    mailbox: Mailbox,
    parentFolderId: string,
    displayName: string,
    isHidden: boolean,
  ): StoredFolder {
    const folder: StoredFolder = {
      id: newId('folder', mailbox.userId),
      displayName,
      parentFolderId,
      wellKnownName: null,
      isHidden,
    };
    mailbox.folders.push(folder);
    this.mutated();
    return folder;
  }

  messagesIn(mailbox: Mailbox, folderId: string): StoredMessage[] {
    return mailbox.messages.filter((m) => m.folderId === folderId);
  }

  /** By REST id or immutable id; both formats are accepted on input whatever the Prefer header says. */
  findMessage(mailbox: Mailbox, id: string): StoredMessage | undefined {
    return mailbox.messages.find((m) => m.restId === id || m.immutableId === id);
  }

  findByInternetMessageId(mailbox: Mailbox, internetMessageId: string): StoredMessage | undefined {
    return mailbox.messages.find((m) => m.internetMessageId === internetMessageId);
  }

  insertMessage(mailbox: Mailbox, message: StoredMessage): StoredMessage {
    message.seq = this.nextSeq();
    mailbox.messages.push(message);
    this.changed(mailbox, null, message);
    return message;
  }

  /** Applies a change; bumps changeKey, lastModifiedDateTime and the sequence (so delta sees it). */
  updateMessage(mailbox: Mailbox, message: StoredMessage, mutate: (m: StoredMessage) => void): StoredMessage {
    const before = view(message);
    mutate(message);
    message.changeKey = newChangeKey();
    message.lastModifiedDateTime = nowSeconds();
    message.seq = this.nextSeq();
    this.changed(mailbox, before, message);
    return message;
  }

  /** Exchange's move is copy-and-delete: a new REST id; the immutable id survives within the mailbox. */
  moveMessage(mailbox: Mailbox, message: StoredMessage, folderId: string): StoredMessage {
    const before = view(message);
    this.tombstone(mailbox, message);
    message.restId = newId('message', mailbox.userId);
    message.folderId = folderId;
    message.changeKey = newChangeKey();
    message.lastModifiedDateTime = nowSeconds();
    message.seq = this.nextSeq();
    this.changed(mailbox, before, message);
    return message;
  }

  removeMessage(mailbox: Mailbox, message: StoredMessage): void {
    const before = view(message);
    this.tombstone(mailbox, message);
    mailbox.messages.splice(mailbox.messages.indexOf(message), 1);
    this.changed(mailbox, before, null);
  }

  subscriptions(): StoredSubscription[] {
    return this.state.subscriptions;
  }

  saveSubscriptions(subscriptions: StoredSubscription[]): void {
    this.state.subscriptions = subscriptions;
    this.mutated();
  }

  /** For changes that notify nobody (attachments on drafts, folder counters): only the snapshot cares. */
  mutated(): void {
    for (const listener of this.mutationListeners) listener();
  }

  private tombstone(mailbox: Mailbox, message: StoredMessage): void {
    mailbox.tombstones.push({
      folderId: message.folderId,
      restId: message.restId,
      immutableId: message.immutableId,
      seq: this.nextSeq(),
      reason: 'deleted',
    });
  }

  private nextSeq(): number {
    this.state.seq += 1;
    return this.state.seq;
  }

  private changed(mailbox: Mailbox, before: MessageView | null, after: StoredMessage | null): void {
    const change = { mailbox, before, after: after ? view(after) : null };
    for (const listener of this.listeners) listener(change);
    this.mutated();
  }

  private seededState(): StoreState {
    return {
      seq: 0,
      deltaEpoch: randomUUID(),
      mailboxes: this.seed.map((s) => seedMailbox(s.address, s.userId, s.displayName, 'tenant')),
      subscriptions: [],
    };
  }
}

export function view(message: StoredMessage): MessageView {
  const { attachments: _attachments, mime: _mime, ...rest } = message;
  return { ...rest, hasAttachments: hasVisibleAttachments(message), categories: [...message.categories] };
}

/** Graph's hasAttachments ignores inline attachments (docs/graph-behaviour.md §2.3). */
export function hasVisibleAttachments(message: Pick<StoredMessage, 'attachments'>): boolean {
  return message.attachments.some((a) => !a.isInline);
}

export function newChangeKey(): string {
  return `CQAAABYAAA${randomBytes(18).toString('base64').replace(/\+/g, '-').replace(/\//g, '_')}`;
}

export function nowSeconds(date = new Date()): string {
  return `${date.toISOString().slice(0, 19)}Z`;
}
