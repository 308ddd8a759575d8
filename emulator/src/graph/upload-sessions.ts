import { randomBytes } from 'node:crypto';

export type UploadSession = {
  id: string;
  authToken: string;
  mailbox: string;
  /** The draft, by immutable id so a move does not lose it. */
  messageId: string;
  name: string;
  size: number;
  contentType: string | null;
  isInline: boolean;
  contentId: string | null;
  chunks: Buffer[];
  received: number;
  expiresAt: number;
  appId: string;
};

const LIFETIME_MS = 6 * 60 * 60_000;

/** Large-attachment upload sessions (docs/graph-behaviour.md §4.3): pre-authenticated URLs taking ordered chunks. */
export class UploadSessions {
  private readonly sessions = new Map<string, UploadSession>();

  create(
    session: Omit<UploadSession, 'id' | 'authToken' | 'chunks' | 'received' | 'expiresAt'>,
  ): UploadSession {
    const created: UploadSession = {
      ...session,
      id: randomBytes(24).toString('base64url'),
      authToken: randomBytes(64).toString('base64url'),
      chunks: [],
      received: 0,
      expiresAt: Date.now() + LIFETIME_MS,
    };
    this.sessions.set(created.id, created);
    return created;
  }

  get(id: string, authToken: string | null): UploadSession | undefined {
    const session = this.sessions.get(id);
    if (!session || session.authToken !== authToken) return undefined;
    if (session.expiresAt < Date.now()) {
      this.sessions.delete(id);
      return undefined;
    }
    return session;
  }

  delete(id: string): void {
    this.sessions.delete(id);
  }

  clear(): void {
    this.sessions.clear();
  }
}
