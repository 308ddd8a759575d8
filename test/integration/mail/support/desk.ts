import { expect } from 'vitest';
import { SERVICE_MAILBOX } from '../../../../emulator/src/index.js';
import type { MailStack } from './mail-stack.js';

// What the tests do through the API and the emulator, named the way a desk would say it.

export type MailCenterItemBody = {
  id: string;
  reason: string;
  state: string;
  subject: string;
  evidence: string[];
  candidateRequestIds: number[];
  errorId?: string;
  attempts: number;
  from: { address: string };
};

export type NoteBody = {
  id: string;
  typeCode: string;
  bodyText: string;
  bodyHtml: string;
  source: string;
  email?: { signal: string; subject: string };
  attachmentIds: string[];
};

export function desk(stack: MailStack) {
  const as = (token: string) => ({ authorization: `Bearer ${token}` });
  return {
    async createRequest(
      input: { status?: string; requester?: { name: string; email: string }; participants?: string[] } = {},
    ): Promise<number> {
      const res = await stack
        .api()
        .post('/api/requests')
        .set(as(stack.agent))
        .send({
          title: 'Laptop will not connect',
          description: 'No Wi-Fi since this morning.',
          requester: input.requester ?? { name: 'Diego Siciliani', email: 'diego@fabrikam.test' },
          ...(input.participants ? { participants: input.participants } : {}),
          priority: 'Medium',
        });
      expect(res.status).toBe(201);
      const id = (res.body as { id: number }).id;
      if (input.status && input.status !== 'New') {
        const patched = await stack
          .api()
          .patch(`/api/requests/${id}`)
          .set(as(stack.agent))
          .send({ status: input.status });
        expect(patched.status).toBe(200);
      }
      return id;
    },
    async request(
      id: number,
    ): Promise<{ status: string; hasNewEmailReply: boolean; participants: string[] }> {
      return (await stack.api().get(`/api/requests/${id}`).set(as(stack.agent))).body;
    },
    async notes(id: number): Promise<NoteBody[]> {
      return (
        (await stack.api().get(`/api/requests/${id}/notes`).set(as(stack.agent))).body as {
          items: NoteBody[];
        }
      ).items;
    },
    async attachments(id: number): Promise<
      Array<{
        id: string;
        fileName: string;
        folder: string;
        size: number;
        noteId?: string;
        contentType: string;
      }>
    > {
      return (
        (await stack.api().get(`/api/requests/${id}/attachments`).set(as(stack.agent))).body as { items: [] }
      ).items;
    },
    async history(
      id: number,
    ): Promise<Array<{ kind: string; summary: string; details?: Record<string, unknown> }>> {
      return (
        (await stack.api().get(`/api/requests/${id}/history`).set(as(stack.agent))).body as { items: [] }
      ).items;
    },
    async mailCenter(
      query: Record<string, string> = {},
    ): Promise<{ items: MailCenterItemBody[]; total: number; nextCursor?: string }> {
      const res = await stack
        .api()
        .get('/api/mail-center')
        .query({ limit: '100', ...query })
        .set(as(stack.agent));
      expect(res.status).toBe(200);
      return res.body;
    },
    /** The Mail Center item (any state) whose subject is `subject`; fails naming the items there are. */
    async heldItem(subject: string): Promise<MailCenterItemBody> {
      const { items } = await this.mailCenter({ state: 'all' });
      const item = items.find((i) => i.subject === subject);
      if (!item)
        throw new Error(
          `No Mail Center item "${subject}"; have ${items.map((i) => `${i.subject}:${i.reason}`).join(', ')}`,
        );
      return item;
    },
    async deliver(mime: Buffer | string): Promise<{ id: string; internetMessageId: string }> {
      const res = await stack.emulator.control(
        'POST',
        `/mailboxes/${SERVICE_MAILBOX}/messages?folder=inbox`,
        mime,
        'message/rfc822',
      );
      expect(res.status).toBe(201);
      return (await res.json()) as { id: string; internetMessageId: string };
    },
    async deliverJson(message: unknown): Promise<{ id: string; internetMessageId: string }> {
      const res = await stack.emulator.control(
        'POST',
        `/mailboxes/${SERVICE_MAILBOX}/messages?folder=inbox`,
        message,
      );
      expect(res.status).toBe(201);
      return (await res.json()) as { id: string; internetMessageId: string };
    },
    async syncNow(): Promise<Record<string, number | string>> {
      const res = await stack
        .api()
        .post(`/api/admin/mail/accounts/${stack.accountId}/sync`)
        .set(as(stack.admin));
      expect(res.status, JSON.stringify(res.body)).toBe(200);
      return res.body;
    },
    async health(): Promise<Record<string, unknown>> {
      return (
        await stack.api().get(`/api/admin/mail/accounts/${stack.accountId}/health`).set(as(stack.admin))
      ).body;
    },
    async settings(patch: Record<string, unknown>): Promise<void> {
      const current = (await stack.api().get('/api/admin/settings').set(as(stack.admin))).body as Record<
        string,
        unknown
      >;
      const res = await stack
        .api()
        .put('/api/admin/settings')
        .set(as(stack.admin))
        .send({ ...current, ...patch });
      expect(res.status, JSON.stringify(res.body)).toBe(200);
    },
    async inbox(): Promise<Array<{ id: string; isRead: boolean; subject: string }>> {
      const res = await stack.emulator.control('GET', `/mailboxes/${SERVICE_MAILBOX}/messages?folder=inbox`);
      return ((await res.json()) as { value: [] }).value;
    },
    as,
  };
}
