import { GraphError } from '../ports/graph-error.js';
import type {
  Mailbox,
  MailFolderRef,
  GraphListedMessage,
  Subscription,
  SubscriptionRequest,
} from '../ports/mailbox.js';
import { createAfterStepLanes } from './after-step-lanes.js';
import type { GraphMailClient } from './graph-mail-client.js';

// The Mailbox port over Graph (docs/graph-behaviour.md §2-§6). Every call goes through the client's middleware: immutable ids,
// <=4 in flight, Retry-After honoured.

// https://learn.microsoft.com/graph/api/resources/mailfolder (well-known folder names; display names are localised)
const WELL_KNOWN = new Set([
  'archive',
  'clutter',
  'conflicts',
  'conversationhistory',
  'deleteditems',
  'drafts',
  'inbox',
  'junkemail',
  'localfailures',
  'msgfolderroot',
  'outbox',
  'recoverableitemsdeletions',
  'scheduled',
  'searchfolders',
  'sentitems',
  'serverfailures',
  'syncissues',
]);

// What the pipeline reads. internetMessageHeaders and uniqueBody come back only when selected (docs/graph-behaviour.md C7).
const MESSAGE_FIELDS = [
  'id',
  'internetMessageId',
  'conversationId',
  'subject',
  'from',
  'sender',
  'toRecipients',
  'ccRecipients',
  'replyTo',
  'receivedDateTime',
  'sentDateTime',
  'isRead',
  'hasAttachments',
  'body',
  'uniqueBody',
  'internetMessageHeaders',
  'bodyPreview',
  'parentFolderId',
];
// contentId cannot be selected on the attachment base type (Graph: "Could not find a property named 'contentId'"),
// so inline images are read one by one when the reply keeps them.
const ATTACHMENT_FIELDS = 'id,name,contentType,size,isInline';
// Pages carry whole bodies: large pages risk 504s (docs/graph-behaviour.md §2.2), small ones cost a round trip each while the
// mailbox's other slots wait for the listing to end (C1). 200 keeps a page near 1-2 MB.
const PAGE_SIZE = 200;
const SUBSCRIPTION_PATH = '/subscriptions';

type Page<T> = { value?: T[]; '@odata.nextLink'?: string };
type GraphFolder = { id: string; displayName: string };

/** Graph's mailbox: listings are Graph JSON, and new mail is pushed through change-notification subscriptions. */
export type GraphMailbox = Omit<Mailbox, 'listUnread'> &
  Required<
    Pick<Mailbox, 'createSubscription' | 'listSubscriptions' | 'renewSubscription' | 'deleteSubscription'>
  > & {
    listUnread(folderId: string, limit: number): Promise<GraphListedMessage[]>;
  };

export function createGraphMailbox(client: GraphMailClient): GraphMailbox {
  const user = client.userPath;

  async function childByName(parentPath: string, name: string): Promise<GraphFolder | undefined> {
    const wanted = name.toLowerCase();
    for (
      let url: string | undefined = `${parentPath}?$select=id,displayName&includeHiddenFolders=true&$top=100`;
      url;
    ) {
      const page: Page<GraphFolder> = await client.get<Page<GraphFolder>>(url);
      const found = page.value?.find((f) => f.displayName.toLowerCase() === wanted);
      if (found) return found;
      url = page['@odata.nextLink'];
    }
    return undefined;
  }

  async function allChildren(parentPath: string): Promise<GraphFolder[]> {
    const out: GraphFolder[] = [];
    for (
      let url: string | undefined = `${parentPath}?$select=id,displayName&includeHiddenFolders=true&$top=100`;
      url;
    ) {
      const page: Page<GraphFolder> = await client.get<Page<GraphFolder>>(url);
      out.push(...(page.value ?? []));
      url = page['@odata.nextLink'];
    }
    return out;
  }

  /** A display name anywhere under the root, breadth first (the root's children first, as Outlook shows them). */
  async function findAnywhere(name: string): Promise<GraphFolder | undefined> {
    let level = [`${user}/mailFolders`];
    for (let depth = 0; depth < 10 && level.length > 0; depth += 1) {
      const next: string[] = [];
      for (const parent of level) {
        const children = await allChildren(parent);
        const found = children.find((f) => f.displayName.toLowerCase() === name.toLowerCase());
        if (found) return found;
        next.push(...children.map((f) => `${user}/mailFolders/${encodeURIComponent(f.id)}/childFolders`));
      }
      level = next;
    }
    return undefined;
  }

  async function folderByKnownNameOrId(ref: string): Promise<GraphFolder | undefined> {
    try {
      return await client.get<GraphFolder>(`${user}/mailFolders/${encodeURIComponent(ref)}`, {
        query: { $select: 'id,displayName' },
      });
    } catch (error) {
      if (
        error instanceof GraphError &&
        (error.status === 404 || error.status === 400) &&
        /folder|item|notfound|invalid/i.test(error.code)
      )
        return undefined;
      throw error;
    }
  }

  function notFound(ref: string): GraphError {
    return new GraphError({
      source: 'graph',
      status: 404,
      code: 'ErrorFolderNotFound',
      message: `No folder "${ref}" in ${client.mailbox}.`,
    });
  }

  async function resolveFolder(ref: string): Promise<MailFolderRef> {
    const trimmed = ref.trim().replace(/^\/+|\/+$/g, '');
    const segments = trimmed
      .split('/')
      .map((s) => s.trim())
      .filter(Boolean);
    const [first, ...rest] = segments;
    if (!first) throw notFound(ref);
    let folder: GraphFolder | undefined;
    if (WELL_KNOWN.has(first.toLowerCase())) folder = await folderByKnownNameOrId(first.toLowerCase());
    else if (segments.length === 1 && /^[A-Za-z0-9+/_-]{60,}={0,2}$/.test(first))
      folder = await folderByKnownNameOrId(first);
    else
      folder =
        (await childByName(`${user}/mailFolders`, first)) ??
        (rest.length === 0 ? await findAnywhere(first) : undefined);
    for (const name of rest) {
      if (!folder) break;
      folder = await childByName(`${user}/mailFolders/${encodeURIComponent(folder.id)}/childFolders`, name);
    }
    if (!folder) throw notFound(ref);
    return { id: folder.id, displayName: folder.displayName };
  }

  async function listUnread(folderId: string, limit: number): Promise<GraphListedMessage[]> {
    const out: GraphListedMessage[] = [];
    // $orderby needs its property first in $filter, or Graph answers InefficientFilter (docs/graph-behaviour.md C3).
    let url: string | undefined = `${user}/mailFolders/${encodeURIComponent(folderId)}/messages`;
    let query: Record<string, string> | undefined = {
      $filter: 'receivedDateTime ge 1900-01-01T00:00:00Z and isRead eq false',
      $orderby: 'receivedDateTime asc',
      $select: MESSAGE_FIELDS.join(','),
      $expand: `attachments($select=${ATTACHMENT_FIELDS})`,
      $top: String(Math.min(PAGE_SIZE, Math.max(1, limit))),
    };
    // Follow nextLink to the end before anything is marked read: $skip is applied to the live set (docs/graph-behaviour.md C1, C2).
    while (url && out.length < limit) {
      const page: Page<Record<string, unknown>> = await client.get<Page<Record<string, unknown>>>(
        url,
        query ? { query } : {},
      );
      for (const graph of page.value ?? []) {
        if (typeof graph.id === 'string' && out.length < limit)
          out.push({ id: graph.id, format: 'graph', graph });
      }
      url = page['@odata.nextLink'];
      query = undefined;
    }
    return out;
  }

  const afterStep = createAfterStepLanes(client);

  return {
    address: client.mailbox,
    resolveFolder,
    listUnread,
    async openAttachment(messageId, attachmentId) {
      const stream = await client.stream(
        `${user}/messages/${encodeURIComponent(messageId)}/attachments/${encodeURIComponent(attachmentId)}/$value`,
      );
      return { body: stream.body, contentType: stream.contentType };
    },
    async readInlineAttachment(messageId, attachmentId) {
      const attachment = await client.get<{
        contentId?: string | null;
        contentType?: string;
        contentBytes?: string;
      }>(`${user}/messages/${encodeURIComponent(messageId)}/attachments/${encodeURIComponent(attachmentId)}`);
      return {
        ...(attachment.contentId ? { contentId: attachment.contentId.replace(/^<|>$/g, '') } : {}),
        contentType: attachment.contentType ?? 'application/octet-stream',
        bytes: Buffer.from(attachment.contentBytes ?? '', 'base64'),
      };
    },
    async openMime(messageId) {
      return (await client.stream(`${user}/messages/${encodeURIComponent(messageId)}/$value`)).body;
    },
    afterStep,
    async createSubscription(request: SubscriptionRequest): Promise<Subscription> {
      const created = await client.post<{ id: string; expirationDateTime: string }>(SUBSCRIPTION_PATH, {
        // Only new mail: our own mark-read would otherwise echo back as an update (docs/graph-behaviour.md C17).
        changeType: 'created',
        notificationUrl: request.notificationUrl,
        lifecycleNotificationUrl: request.lifecycleNotificationUrl,
        resource: `users/${client.mailbox}/mailFolders('${request.folderId}')/messages`,
        expirationDateTime: request.expiresAt.toISOString(),
        clientState: request.clientState,
        latestSupportedTlsVersion: 'v1_2',
      });
      if (!created)
        throw new GraphError({
          source: 'graph',
          status: 0,
          code: 'emptyAnswer',
          message: 'Graph created the subscription but sent no body.',
        });
      return { id: created.id, expiresAt: created.expirationDateTime };
    },
    async listSubscriptions() {
      const out: Array<Subscription & { notificationUrl: string; resource: string }> = [];
      for (let url: string | undefined = SUBSCRIPTION_PATH; url;) {
        const page: Page<{
          id: string;
          expirationDateTime: string;
          notificationUrl: string;
          resource: string;
        }> = await client.get(url);
        for (const s of page.value ?? [])
          out.push({
            id: s.id,
            expiresAt: s.expirationDateTime,
            notificationUrl: s.notificationUrl,
            resource: s.resource,
          });
        url = page['@odata.nextLink'];
      }
      return out;
    },
    async renewSubscription(id, expiresAt) {
      const renewed = await client.patch<{ id: string; expirationDateTime: string }>(
        `${SUBSCRIPTION_PATH}/${encodeURIComponent(id)}`,
        {
          expirationDateTime: expiresAt.toISOString(),
        },
      );
      return { id, expiresAt: renewed?.expirationDateTime ?? expiresAt.toISOString() };
    },
    async deleteSubscription(id) {
      try {
        await client.delete(`${SUBSCRIPTION_PATH}/${encodeURIComponent(id)}`);
      } catch (error) {
        if (!(error instanceof GraphError && error.status === 404)) throw error;
      }
    },
    checkToken: async () => {
      await client.checkToken();
      return 'token issued';
    },
    // The token shows only what Entra consented to. Exchange's RBAC for Applications (the recommended setup) grants
    // Mail.Send without it, and Exchange checks that at send time, so a token without the role proves nothing.
    async checkSendPermission() {
      return (await client.tokenRoles()).includes('Mail.Send') ? 'granted' : 'unknown';
    },
  };
}
