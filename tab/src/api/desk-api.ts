import type { TAttachment } from '../../../api/src/contract/attachment';
import type { TClientConfig } from '../../../api/src/contract/client-config';
import type { TEmailOriginal } from '../../../api/src/contract/email-original';
import type { TList } from '../../../api/src/contract/common';
import type { THealth } from '../../../api/src/contract/health';
import type { THistoryEntry } from '../../../api/src/contract/history';
import type {
  TCreateMailAccount,
  TMailAccount,
  TUpdateMailAccount,
} from '../../../api/src/contract/mail-account';
import type {
  MAIL_CENTER_REASONS,
  MAIL_CENTER_STATES,
  TMailCenterItem,
} from '../../../api/src/contract/mail-center';
import type { TAccountHealth, TConnectionTest, TSyncReport } from '../../../api/src/contract/mail-health';
import type {
  TMailTemplate,
  TMailTemplateDefaults,
  TMailTemplatePreview,
  TSaveMailTemplate,
} from '../../../api/src/contract/mail-template';
import type {
  TEmailPreview,
  TOutboundEmail,
  TSendEmail,
  TSentEmail,
  TSnippet,
} from '../../../api/src/contract/outbound-email';
import type { TRule, TSaveRule } from '../../../api/src/contract/rule';
import type { TAddNote, TNote } from '../../../api/src/contract/note';
import type { TNoteType } from '../../../api/src/contract/note-type';
import type {
  TCreateServiceRequest,
  TListServiceRequestsQuery,
  TServiceRequest,
  TUpdateServiceRequest,
} from '../../../api/src/contract/service-request';
import type { TSettings } from '../../../api/src/contract/settings';
import type { ApiClient } from './client';

// The API's routes as typed functions, one place to read what the tab calls (see /api/openapi.json).

export type StatusOption = { name: string; isClosed: boolean };
export type DemoUser = { upn: string; displayName: string; roles: string[] };
/** The list query as the tab sends it (the contract's input type leaves the coerced limit as unknown). */
export type ListRequestsQuery = Omit<TListServiceRequestsQuery, 'limit' | 'page'> & {
  limit?: number;
  page?: number;
};

export type MailCenterReason = (typeof MAIL_CENTER_REASONS)[number];
export type MailCenterState = (typeof MAIL_CENTER_STATES)[number];
export type MailCenterQuery = {
  reason?: MailCenterReason;
  state?: MailCenterState | 'all';
  q?: string;
  limit?: number;
  cursor?: string;
};

const sr = (ref: string | number): string => `/requests/${encodeURIComponent(String(ref))}`;
const account = (id: string): string => `/admin/mail/accounts/${encodeURIComponent(id)}`;
const template = (id: string): string => `/admin/mail/templates/${encodeURIComponent(id)}`;
const mailItem = (id: string): string => `/mail-center/${encodeURIComponent(id)}`;
type TLinkResult = { item: TMailCenterItem; note: TNote };
type TCreateRequestResult = { item: TMailCenterItem; request: TServiceRequest; note: TNote };

export function createDeskApi(client: ApiClient) {
  return {
    listRequests: (query: ListRequestsQuery, signal?: AbortSignal) =>
      client.get<TList<TServiceRequest>>('/requests', query, signal),
    createRequest: (body: TCreateServiceRequest) => client.post<TServiceRequest>('/requests', body),
    getRequest: (ref: string, signal?: AbortSignal) =>
      client.get<TServiceRequest>(sr(ref), undefined, signal),
    updateRequest: (ref: string | number, patch: TUpdateServiceRequest) =>
      client.patch<TServiceRequest>(sr(ref), patch),
    listNotes: (ref: string, signal?: AbortSignal) =>
      client.get<TList<TNote>>(`${sr(ref)}/notes`, undefined, signal),
    addNote: (ref: string | number, body: TAddNote) => client.post<TNote>(`${sr(ref)}/notes`, body),
    viewNoteOriginal: (ref: string | number, noteId: string, signal?: AbortSignal) =>
      client.get<TEmailOriginal>(
        `${sr(ref)}/notes/${encodeURIComponent(noteId)}/original/view`,
        undefined,
        signal,
      ),
    downloadNoteOriginal: (ref: string | number, noteId: string) =>
      client.download(`${sr(ref)}/notes/${encodeURIComponent(noteId)}/original`),
    listAttachments: (ref: string, signal?: AbortSignal) =>
      client.get<TList<TAttachment>>(`${sr(ref)}/attachments`, undefined, signal),
    uploadAttachment: (
      ref: string | number,
      file: File,
      folder: string,
      onProgress?: (fraction: number) => void,
    ) => {
      const form = new FormData();
      form.set('folder', folder);
      form.set('file', file, file.name);
      return client.upload<TAttachment>(`${sr(ref)}/attachments`, form, onProgress);
    },
    downloadAttachment: (attachment: TAttachment) => client.download(attachment.contentUrl),
    listHistory: (ref: string, signal?: AbortSignal) =>
      client.get<TList<THistoryEntry>>(`${sr(ref)}/history`, undefined, signal),
    listStatuses: (signal?: AbortSignal) => client.get<TList<StatusOption>>('/statuses', undefined, signal),

    getSettings: (signal?: AbortSignal) => client.get<TSettings>('/admin/settings', undefined, signal),
    saveSettings: (settings: TSettings) => client.put<TSettings>('/admin/settings', settings),
    health: (signal?: AbortSignal) => client.get<THealth>('/health', undefined, signal),
    listNoteTypes: (signal?: AbortSignal) =>
      client.get<TList<TNoteType>>('/admin/note-types', undefined, signal),
    createNoteType: (type: TNoteType) => client.post<TNoteType>('/admin/note-types', type),
    updateNoteType: (code: string, patch: Partial<Omit<TNoteType, 'code'>>) =>
      client.patch<TNoteType>(`/admin/note-types/${encodeURIComponent(code)}`, patch),
    deleteNoteType: (code: string) => client.delete(`/admin/note-types/${encodeURIComponent(code)}`),
    listMailAccounts: (signal?: AbortSignal) =>
      client.get<TList<TMailAccount>>('/admin/mail/accounts', undefined, signal),
    createMailAccount: (body: TCreateMailAccount) => client.post<TMailAccount>('/admin/mail/accounts', body),
    updateMailAccount: (id: string, patch: TUpdateMailAccount) =>
      client.patch<TMailAccount>(`/admin/mail/accounts/${encodeURIComponent(id)}`, patch),
    deleteMailAccount: (id: string) => client.delete(`/admin/mail/accounts/${encodeURIComponent(id)}`),
    getAccountHealth: (id: string, signal?: AbortSignal) =>
      client.get<TAccountHealth>(`${account(id)}/health`, undefined, signal),
    testAccount: (id: string) => client.post<TConnectionTest>(`${account(id)}/test`),
    syncAccount: (id: string) => client.post<TSyncReport>(`${account(id)}/sync`),

    sendEmail: (ref: string | number, body: TSendEmail) => client.post<TSentEmail>(`${sr(ref)}/emails`, body),
    previewEmail: (ref: string | number, body: TSendEmail) =>
      client.post<TEmailPreview>(`${sr(ref)}/emails/preview`, body),
    fillSnippet: (ref: string | number, templateId: string) =>
      client.post<TSnippet>(`${sr(ref)}/snippets`, { templateId }),
    openEvents: (signal: AbortSignal) => client.stream('/events', signal),
    listEmails: (ref: string, signal?: AbortSignal) =>
      client.get<TList<TOutboundEmail>>(`${sr(ref)}/emails`, undefined, signal),
    listTemplates: (signal?: AbortSignal) =>
      client.get<TList<TMailTemplate>>('/admin/mail/templates', undefined, signal),
    templateDefaults: (signal?: AbortSignal) =>
      client.get<TMailTemplateDefaults>('/admin/mail/templates/defaults', undefined, signal),
    getTemplate: (id: string, signal?: AbortSignal) =>
      client.get<TMailTemplate>(template(id), undefined, signal),
    createTemplate: (body: TSaveMailTemplate) => client.post<TMailTemplate>('/admin/mail/templates', body),
    updateTemplate: (id: string, body: TSaveMailTemplate) => client.put<TMailTemplate>(template(id), body),
    deleteTemplate: (id: string) => client.delete(template(id)),
    previewTemplate: (id: string, requestId: string | number) =>
      client.post<TMailTemplatePreview>(`${template(id)}/preview`, { requestId }),
    listRules: (signal?: AbortSignal) => client.get<TList<TRule>>('/admin/rules', undefined, signal),
    createRule: (body: TSaveRule) => client.post<TRule>('/admin/rules', body),
    updateRule: (id: string, body: TSaveRule) =>
      client.put<TRule>(`/admin/rules/${encodeURIComponent(id)}`, body),
    deleteRule: (id: string) => client.delete(`/admin/rules/${encodeURIComponent(id)}`),

    listMailCenter: (query: MailCenterQuery, signal?: AbortSignal) =>
      client.get<TList<TMailCenterItem>>('/mail-center', query, signal),
    getMailCenterItem: (id: string, signal?: AbortSignal) =>
      client.get<TMailCenterItem>(mailItem(id), undefined, signal),
    downloadMailCenterOriginal: (id: string) => client.download(`${mailItem(id)}/original`),
    viewMailCenterOriginal: (id: string, signal?: AbortSignal) =>
      client.get<TEmailOriginal>(`${mailItem(id)}/original/view`, undefined, signal),
    linkMailCenterItem: (id: string, requestId: string, status?: 'policy' | 'reopen' | 'keep') =>
      client.post<TLinkResult>(`${mailItem(id)}/link`, { requestId, ...(status ? { status } : {}) }),
    listHeldReplies: (ref: string | number, signal?: AbortSignal) =>
      client.get<TList<TMailCenterItem>>(`${sr(ref)}/held-replies`, undefined, signal),
    createRequestFromMailCenterItem: (id: string) =>
      client.post<TCreateRequestResult>(`${mailItem(id)}/create-request`),
    discardMailCenterItem: (id: string) => client.post<TMailCenterItem>(`${mailItem(id)}/discard`),
    reprocessMailCenterItem: (id: string) => client.post<TMailCenterItem>(`${mailItem(id)}/reprocess`),
    discardMailCenterItems: (itemIds: string[]) =>
      client.post<{ discarded: number; skipped: number }>('/mail-center/discard', { itemIds }),
  };
}

export type DeskApi = ReturnType<typeof createDeskApi>;

/** Calls made before anyone signs in. */
export function createPublicApi(client: ApiClient) {
  return {
    clientConfig: (signal?: AbortSignal) => client.get<TClientConfig>('/client-config', undefined, signal),
    demoUsers: () => client.get<{ items: DemoUser[] }>('/demo/users'),
    demoSignIn: (upn: string) => client.post<{ accessToken: string }>('/demo/sign-in', { upn }),
  };
}
