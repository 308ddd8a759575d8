import type { MailAddress, MailAttachment, MailMessage } from '../domain/mail-message.js';

// Demo mode only: the emulator's mailboxes as Outlook would show them to the add-in, read through the emulator's
// control API (GET /_emulator/mailboxes/{address}/messages returns Graph messages in full, with headers and
// attachment bytes). Browsers do not trust the emulator's local CA, so the API reads on the pane's behalf.

export type DemoMailboxMessage = {
  message: MailMessage;
  preview: string;
  hasAttachments: boolean;
  /** base64 bytes per file attachment id, as Outlook's getAttachmentContentAsync would give them. */
  attachmentContents: { id: string; contentBase64: string }[];
};

export type DemoMailbox = {
  listMailboxes(): Promise<{ address: string; displayName: string }[]>;
  /** The inbox, newest first. */
  listMessages(address: string): Promise<DemoMailboxMessage[]>;
  readMessage(address: string, id: string): Promise<DemoMailboxMessage | undefined>;
};

type GraphRecipient = { emailAddress?: { name?: string | null; address?: string | null } | null };
type GraphAttachment = {
  '@odata.type'?: string;
  id?: string;
  name?: string | null;
  contentType?: string | null;
  size?: number | null;
  isInline?: boolean | null;
  contentId?: string | null;
  contentBytes?: string | null;
};
type GraphMessage = {
  id: string;
  internetMessageId?: string | null;
  conversationId?: string | null;
  subject?: string | null;
  bodyPreview?: string | null;
  receivedDateTime?: string | null;
  hasAttachments?: boolean | null;
  from?: GraphRecipient | null;
  toRecipients?: GraphRecipient[] | null;
  ccRecipients?: GraphRecipient[] | null;
  replyTo?: GraphRecipient[] | null;
  internetMessageHeaders?: { name?: string | null; value?: string | null }[] | null;
  body?: { contentType?: string | null; content?: string | null } | null;
  attachments?: GraphAttachment[] | null;
};
type TenantDocument = {
  users?: { userPrincipalName?: string; displayName?: string; hasMailbox?: boolean }[];
  mailboxes?: string[];
};

const address = (r: GraphRecipient | null | undefined): MailAddress => ({
  ...(r?.emailAddress?.name ? { name: r.emailAddress.name } : {}),
  address: r?.emailAddress?.address ?? '',
});
const addresses = (list: GraphRecipient[] | null | undefined): MailAddress[] =>
  (list ?? []).map(address).filter((a) => a.address);

function attachmentKind(odataType: string | undefined): MailAttachment['kind'] {
  if (odataType?.endsWith('itemAttachment')) return 'item';
  if (odataType?.endsWith('referenceAttachment')) return 'reference';
  return 'file';
}

function toDemoMessage(graph: GraphMessage): DemoMailboxMessage {
  const isHtml = graph.body?.contentType?.toLowerCase() === 'html';
  const content = graph.body?.content ?? '';
  const attachments = graph.attachments ?? [];
  const message: MailMessage = {
    id: graph.id,
    ...(graph.internetMessageId ? { internetMessageId: graph.internetMessageId } : {}),
    ...(graph.conversationId ? { conversationId: graph.conversationId } : {}),
    subject: graph.subject ?? '',
    from: address(graph.from),
    to: addresses(graph.toRecipients),
    cc: addresses(graph.ccRecipients),
    replyTo: addresses(graph.replyTo),
    receivedAt: graph.receivedDateTime ?? new Date(0).toISOString(),
    headers: (graph.internetMessageHeaders ?? [])
      .filter((h) => h.name)
      .map((h) => ({ name: h.name ?? '', value: h.value ?? '' })),
    ...(isHtml ? { bodyHtml: content } : { bodyText: content }),
    attachments: attachments.map((a) => ({
      ...(a.id ? { id: a.id } : {}),
      name: a.name ?? '',
      contentType: (a.contentType ?? 'application/octet-stream').toLowerCase(),
      size: a.size ?? 0,
      isInline: a.isInline ?? false,
      ...(a.contentId ? { contentId: a.contentId.replace(/^<|>$/g, '') } : {}),
      kind: attachmentKind(a['@odata.type']),
    })),
  };
  return {
    message,
    preview: graph.bodyPreview ?? '',
    hasAttachments: graph.hasAttachments ?? attachments.length > 0,
    attachmentContents: attachments.flatMap((a) =>
      a.id && a.contentBytes ? [{ id: a.id, contentBase64: a.contentBytes }] : [],
    ),
  };
}

export function createDemoMailbox(emulatorUrl: string): DemoMailbox {
  const call = async <T>(path: string): Promise<T> => {
    const res = await fetch(`${emulatorUrl}/_emulator${path}`);
    if (!res.ok) throw new Error(`The emulator answered ${res.status} to ${path}.`);
    return (await res.json()) as T;
  };
  const listMessages = async (mailbox: string) =>
    (
      await call<{ value: GraphMessage[] }>(`/mailboxes/${encodeURIComponent(mailbox)}/messages?folder=inbox`)
    ).value.map(toDemoMessage);
  return {
    async listMailboxes() {
      const tenant = await call<TenantDocument>('/tenant');
      const hosted = new Set((tenant.mailboxes ?? []).map((m) => m.toLowerCase()));
      return (tenant.users ?? [])
        .filter((u) => u.hasMailbox && u.userPrincipalName && hosted.has(u.userPrincipalName.toLowerCase()))
        .map((u) => ({
          address: u.userPrincipalName ?? '',
          displayName: u.displayName ?? u.userPrincipalName ?? '',
        }));
    },
    listMessages,
    async readMessage(mailbox, id) {
      return (await listMessages(mailbox)).find((m) => m.message.id === id);
    },
  };
}
