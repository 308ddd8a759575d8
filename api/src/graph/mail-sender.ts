import type { MailAccount } from '../domain/mail-account.js';
import type { MailAddress } from '../domain/mail-message.js';
import type { SecretBox } from '../domain/secret-box.js';
import {
  MailSendError,
  type MailSender,
  type OutgoingMail,
  type SentLookup,
  type SentMail,
} from '../ports/mail-sender.js';
import type { GraphConfig } from './graph-config.js';
import { createGraphMailClient, type GraphMailClient } from './graph-mail-client.js';
import { GraphError, isGraphError, isNotFound, isTransient } from '../ports/graph-error.js';
import { addAttachment } from './send-attachment.js';

// Sending through drafts (docs/graph-behaviour.md §4.2): create the draft with our own internetMessageId (settable while it is a
// draft), add the attachments, send. sendMail would be one call, but it returns no ids and cannot carry files over
// 3 MB. Every call goes through the account's Graph client (immutable ids, <=4 in flight, Retry-After honoured).

type DraftAnswer = { id: string; internetMessageId?: string; conversationId?: string; isDraft?: boolean };

export function createGraphMailSender(secrets: SecretBox, config: GraphConfig): MailSender {
  const clients = new Map<string, GraphMailClient>();

  // One client per account version: a changed secret or tenant gets a new client (and token cache).
  function clientFor(account: MailAccount): GraphMailClient {
    const key = `${account.id}|${account.updatedAt}`;
    let client = clients.get(key);
    if (!client) {
      if (!account.clientSecret)
        throw new MailSendError(
          `${account.emailAddress} has no client secret; enter it in Administration > Mail > Accounts > Email.`,
          { transient: false },
        );
      client = createGraphMailClient(account, secrets.open(account.clientSecret), config);
      for (const old of clients.keys()) if (old.startsWith(`${account.id}|`)) clients.delete(old);
      clients.set(key, client);
    }
    return client;
  }

  async function send(account: MailAccount, mail: OutgoingMail): Promise<SentMail> {
    const client = clientFor(account);
    const messages = `${client.userPath}/messages`;
    let draft: DraftAnswer | undefined;
    try {
      draft = await client.post<DraftAnswer>(messages, {
        subject: mail.subject,
        body: { contentType: 'HTML', content: mail.bodyHtml },
        toRecipients: mail.to.map(recipient),
        ccRecipients: mail.cc.map(recipient),
        internetMessageId: mail.internetMessageId,
        internetMessageHeaders: mail.headers,
      });
      if (!draft?.id)
        throw new GraphError({
          source: 'graph',
          status: 502,
          code: 'noDraftId',
          message: 'Creating the draft answered without an id.',
        });
      const draftPath = `${messages}/${encodeURIComponent(draft.id)}`;
      // Graph documents internetMessageId as writable on drafts; should creation ignore it, it is set here.
      if (draft.internetMessageId !== mail.internetMessageId)
        await client.patch(draftPath, { internetMessageId: mail.internetMessageId });
      for (const attachment of mail.attachments) await addAttachment(client, draft.id, attachment);
    } catch (error) {
      if (draft?.id) await deleteQuietly(client, draft.id);
      throw sendError(error, account);
    }
    const draftPath = `${messages}/${encodeURIComponent(draft.id)}`;
    try {
      await client.post(`${draftPath}/send`);
    } catch (error) {
      // The answer was lost or refused, but the send may have happened: only the draft's state can tell.
      const state = await client
        .get<DraftAnswer>(`${draftPath}?$select=id,isDraft,conversationId`)
        .catch(() => undefined);
      if (state?.isDraft === false) return sent(draft.id, state.conversationId ?? draft.conversationId);
      if (state?.isDraft === true) {
        await deleteQuietly(client, draft.id);
        throw sendError(error, account);
      }
      throw new MailSendError(
        `Graph did not confirm the send (${describe(error)}); the mailbox will be checked before sending again.`,
        { transient: true, maybeSent: true, cause: error },
      );
    }
    // The Sent Items copy keeps the immutable id but may appear late (docs/graph-behaviour.md C11); the draft's conversationId stands.
    const copy = await client
      .get<DraftAnswer>(`${draftPath}?$select=id,isDraft,conversationId`)
      .catch(() => undefined);
    return sent(draft.id, copy?.conversationId ?? draft.conversationId);
  }

  async function find(account: MailAccount, internetMessageId: string): Promise<SentLookup> {
    const client = clientFor(account);
    const filter = `internetMessageId eq '${internetMessageId.replace(/'/g, "''")}'`;
    try {
      const page = await client.get<{ value?: DraftAnswer[] }>(`${client.userPath}/messages`, {
        query: { $filter: filter, $select: 'id,isDraft,conversationId', $top: '10' },
      });
      const found = page.value ?? [];
      const sentCopy = found.find((m) => m.isDraft === false);
      if (sentCopy)
        return {
          state: 'sent',
          graphMessageId: sentCopy.id,
          ...(sentCopy.conversationId ? { conversationId: sentCopy.conversationId } : {}),
        };
      const draft = found.find((m) => m.isDraft === true);
      return draft ? { state: 'draft', graphMessageId: draft.id } : { state: 'absent' };
    } catch (error) {
      throw sendError(error, account);
    }
  }

  async function deleteDraft(account: MailAccount, graphMessageId: string): Promise<void> {
    const client = clientFor(account);
    try {
      await client.delete(`${client.userPath}/messages/${encodeURIComponent(graphMessageId)}`);
    } catch (error) {
      if (!isNotFound(error)) throw sendError(error, account);
    }
  }

  return { send, find, deleteDraft };
}

function recipient(address: MailAddress): { emailAddress: { address: string; name?: string } } {
  return {
    emailAddress: address.name
      ? { address: address.address, name: address.name }
      : { address: address.address },
  };
}

function sent(graphMessageId: string, conversationId: string | undefined): SentMail {
  return conversationId ? { graphMessageId, conversationId } : { graphMessageId };
}

async function deleteQuietly(client: GraphMailClient, id: string): Promise<void> {
  // A draft that cannot be deleted now is harmless: it is never sent, and recovery finds it by its Message-ID.
  await client.delete(`${client.userPath}/messages/${encodeURIComponent(id)}`).catch(() => undefined);
}

function describe(error: unknown): string {
  if (isGraphError(error)) return `${error.status || 'no answer'} ${error.code}: ${error.message}`;
  return error instanceof Error ? error.message : String(error);
}

/** A Graph failure in words an admin can act on, and whether waiting could help. */
function sendError(error: unknown, account: MailAccount): MailSendError {
  if (error instanceof MailSendError) return error;
  const options = {
    transient: isTransient(error),
    cause: error,
    ...(isGraphError(error) && error.retryAfterMs !== undefined ? { retryAfterMs: error.retryAfterMs } : {}),
  };
  if (isGraphError(error) && (error.reauthorisationRequired || error.source === 'entra')) {
    return new MailSendError(
      `Signing in to Microsoft 365 for ${account.emailAddress} failed (${describe(error)}): check the tenant, client id and secret.`,
      options,
    );
  }
  if (isGraphError(error) && error.status === 403) {
    return new MailSendError(
      `The app may not send as ${account.emailAddress} (${describe(error)}): it needs Mail.Send and Mail.ReadWrite for this mailbox.`,
      options,
    );
  }
  return new MailSendError(`Graph refused the email (${describe(error)}).`, options);
}
