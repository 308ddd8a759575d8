import request from 'supertest';
import type { TAddinEmail } from '../../../api/src/contract/addin-email.js';
import { encodeEcId } from '../../../api/src/domain/ec-id.js';
import type { MailCenterItem } from '../../../api/src/domain/mail-center-item.js';
import {
  formatOwnMessageId,
  renderReplyMarker,
  DEFAULT_REPLY_MARKER,
} from '../../../api/src/domain/reply-marker.js';
import type { TestApi } from '../../support/test-api.js';

// Emails as the add-in sends them, and the desk state they are judged against (SRs, our sent emails, Mail Center
// items), built through the API where it can and through the store only for what the mail engine would write.

export const CUSTOMER = { name: 'Pat Customer', address: 'pat@fabrikam.test' };

let sequence = 0;
export const uniqueMessageId = (): string => `<addin-${Date.now()}-${++sequence}@mail.fabrikam.test>`;

export function emailFor(overrides: Partial<TAddinEmail> = {}): TAddinEmail {
  return {
    internetMessageId: uniqueMessageId(),
    conversationId: `AAQk-${sequence}`,
    subject: 'Question about my order',
    from: CUSTOMER,
    to: [{ name: 'Contoso Support', address: 'support@contoso.test' }],
    cc: [],
    receivedAt: '2026-03-02T09:30:00Z',
    headers: [],
    bodyHtml: '<p>Hello, any news?</p>',
    bodyText: 'Hello, any news?',
    attachments: [],
    ...overrides,
  };
}

export async function createRequest(
  api: TestApi,
  title: string,
  requester = { name: CUSTOMER.name, email: CUSTOMER.address },
): Promise<{ id: number; number: string }> {
  const res = await request(api.app)
    .post('/api/requests')
    .auth(await api.agent(), { type: 'bearer' })
    .send({ title, requester })
    .expect(201);
  return { id: res.body.id as number, number: res.body.number as string };
}

export async function setStatus(api: TestApi, number: string, status: string): Promise<void> {
  await request(api.app)
    .patch(`/api/requests/${number}`)
    .auth(await api.agent(), { type: 'bearer' })
    .send({ status })
    .expect(200);
}

/** An email the desk sent about an SR, as the outbound engine records it, with its marker and our Message-ID. */
export async function recordSentEmail(api: TestApi, requestId: number, outboundId: number) {
  const token = encodeEcId({ requestId, outboundId }, api.services.ecIdKeyring);
  const internetMessageId = formatOwnMessageId(token, 'contoso.test');
  const conversationId = `AAQk-sent-${requestId}-${outboundId}`;
  await api.services.store.transact((tx) =>
    tx.collection('outboundEmails').insert({
      id: outboundId,
      requestId,
      accountId: 'account-1',
      trigger: 'manual',
      from: { name: 'Contoso Support', address: 'support@contoso.test' },
      to: [CUSTOMER],
      cc: [],
      subject: `Your request SR-${String(requestId).padStart(6, '0')}`,
      bodyHtml: '<p>We are on it.</p>',
      attachmentIds: [],
      token,
      internetMessageId: internetMessageId.slice(1, -1),
      conversationId,
      status: 'sent',
      attempts: 1,
      queuedAt: '2026-03-01T08:00:00Z',
      sentAt: '2026-03-01T08:00:05Z',
      actor: { id: 'agent', name: 'Alex Agent' },
    }),
  );
  return {
    token,
    internetMessageId,
    conversationId,
    markerLine: renderReplyMarker(DEFAULT_REPLY_MARKER, token),
  };
}

/** The token with one symbol of its signature changed: the check fails, the visible SR digits survive. */
export function damage(token: string): string {
  const at = token.length - 4;
  const replacement = token[at] === 'Q' ? 'R' : 'Q';
  return `${token.slice(0, at)}${replacement}${token.slice(at + 1)}`;
}

/** A customer's Outlook reply that quotes our email, whose marker line was damaged on the way. */
export function outlookReplyQuoting(
  markerLine: string,
  text = 'The printer is still jamming, see the photo.',
): { html: string; text: string } {
  return {
    html:
      `<div class="elementToProof">${text}</div><div id="appendonsend"></div><hr style="display:inline-block;width:98%">` +
      `<div id="divRplyFwdMsg" dir="ltr"><font><b>From:</b> Contoso Support<br><b>Subject:</b> Your request</font></div>` +
      `<div><p>We are on it.</p><p>${markerLine}</p></div>`,
    text: `${text}\n\n________________________________\nFrom: Contoso Support\nSubject: Your request\n\nWe are on it.\n\n${markerLine}`,
  };
}

export async function recordMailCenterItem(
  api: TestApi,
  email: TAddinEmail,
  fields: Partial<MailCenterItem> = {},
): Promise<MailCenterItem> {
  const now = new Date().toISOString();
  const item: MailCenterItem = {
    id: `mc-${++sequence}`,
    accountId: 'account-1',
    mailbox: 'support@contoso.test',
    internetMessageId: email.internetMessageId,
    from: email.from,
    to: email.to ?? [],
    cc: [],
    subject: email.subject,
    receivedAt: email.receivedAt,
    bodyPreview: 'The printer is still jamming',
    reason: 'token-invalid',
    evidence: ['The reply marker SR-000002-… failed its check.'],
    candidateRequestIds: [2],
    state: 'open',
    originalRef: 'a'.repeat(64),
    originalContentType: 'application/json',
    attempts: 0,
    createdAt: now,
    updatedAt: now,
    ...fields,
  };
  await api.services.store.transact((tx) => tx.collection('mailCenter').insert(item));
  return item;
}

/** POSTs as an agent (or with `token`) and checks the status, showing the body when it is not the expected one. */
export async function post(api: TestApi, path: string, body: unknown, status = 200, token?: string) {
  const res = await request(api.app)
    .post(path)
    .auth(token ?? (await api.agent()), { type: 'bearer' })
    .send(body as object);
  if (res.status !== status)
    throw new Error(`POST ${path}: expected ${status}, got ${res.status} ${JSON.stringify(res.body)}`);
  return res;
}
