/// <reference types="office-js" />
import type { TAddinAttachmentInfo, TAddinEmail, TMailAddress } from '../../../api/src/contract/addin-email';
import type { MailHost } from './mail-host';
import { parseInternetHeaders } from './parse-internet-headers';

// The only file that touches Office.* (docs/architecture.md §9.5): every Mailbox callback API behind a promise, and the
// host checks. Requirement sets per call: https://learn.microsoft.com/javascript/api/requirement-sets/outlook/outlook-api-requirement-sets

export type OfficeStart =
  | { kind: 'outlook' }
  /** office.js did not load (blocked, offline), or loaded outside Office, or inside another Office app. */
  | { kind: 'not-outlook'; reason: 'no-office-js' | 'no-host' | 'other-host'; host?: string };

export class OutlookError extends Error {
  readonly code: number | undefined;

  constructor(message: string, code?: number) {
    super(message);
    this.name = 'OutlookError';
    this.code = code;
  }
}

const READY_TIMEOUT_MS = 10_000;

/** Waits for office.js; outside Office, Office.onReady resolves at once with no host. */
export async function connectToOutlook(): Promise<OfficeStart> {
  if (typeof Office === 'undefined') return { kind: 'not-outlook', reason: 'no-office-js' };
  const info = await Promise.race([
    Office.onReady(),
    new Promise<undefined>((resolve) => setTimeout(() => resolve(undefined), READY_TIMEOUT_MS)),
  ]);
  if (!info?.host) return { kind: 'not-outlook', reason: 'no-host' };
  if (info.host !== Office.HostType.Outlook)
    return { kind: 'not-outlook', reason: 'other-host', host: String(info.host) };
  return { kind: 'outlook' };
}

function settle<T>(invoke: (callback: (result: Office.AsyncResult<T>) => void) => void): Promise<T> {
  return new Promise((resolve, reject) => {
    invoke((result) => {
      if (result.status === Office.AsyncResultStatus.Succeeded) resolve(result.value);
      else
        reject(new OutlookError(result.error?.message || 'Outlook refused the request.', result.error?.code));
    });
  });
}

/** The email open in the reading pane; undefined when none is (a pinned pane with nothing selected, a meeting). */
function currentMessage(): Office.MessageRead | undefined {
  const item = Office.context.mailbox.item as Office.MessageRead | null | undefined;
  return item && item.itemType === Office.MailboxEnums.ItemType.Message ? item : undefined;
}

function requireMessage(): Office.MessageRead {
  const item = currentMessage();
  if (!item) throw new OutlookError('Open an email first: the pane works on the email in the reading pane.');
  return item;
}

const toAddress = (details: Office.EmailAddressDetails): TMailAddress => ({
  ...(details.displayName ? { name: details.displayName } : {}),
  address: details.emailAddress,
});

export const readSubject = async (): Promise<string> => requireMessage().subject ?? '';
export const readFrom = async (): Promise<TMailAddress> => toAddress(requireMessage().from);
export const readRecipients = async (): Promise<{ to: TMailAddress[]; cc: TMailAddress[] }> => {
  const item = requireMessage();
  return { to: (item.to ?? []).map(toAddress), cc: (item.cc ?? []).map(toAddress) };
};
/** In read mode the item was created when it arrived. */
export const readReceivedAt = async (): Promise<string> =>
  new Date(requireMessage().dateTimeCreated).toISOString();
export const readInternetMessageId = async (): Promise<string> => requireMessage().internetMessageId;
export const readConversationId = async (): Promise<string> => requireMessage().conversationId;
export const readItemId = async (): Promise<string> => requireMessage().itemId;

/** In-Reply-To and References (Mailbox 1.8); an older client gives none, and matching leans on the body. */
export async function readInternetHeaders(): Promise<{ name: string; value: string }[]> {
  const item = requireMessage();
  if (!Office.context.requirements.isSetSupported('Mailbox', '1.8')) return [];
  return parseInternetHeaders(await settle<string>((done) => item.getAllInternetHeadersAsync(done)));
}

export async function readBody(): Promise<{ html: string; text: string }> {
  const item = requireMessage();
  const [html, text] = await Promise.all([
    settle<string>((done) => item.body.getAsync(Office.CoercionType.Html, done)),
    settle<string>((done) => item.body.getAsync(Office.CoercionType.Text, done)),
  ]);
  return { html, text };
}

const ATTACHMENT_KIND: Record<string, TAddinAttachmentInfo['kind']> = {
  file: 'file',
  item: 'item',
  cloud: 'reference',
};

export async function listAttachments(): Promise<TAddinAttachmentInfo[]> {
  return (requireMessage().attachments ?? []).map((a) => ({
    id: a.id,
    name: a.name,
    contentType: a.contentType || 'application/octet-stream',
    size: a.size,
    isInline: a.isInline,
    kind: ATTACHMENT_KIND[String(a.attachmentType)] ?? 'file',
  }));
}

const utf8ToBase64 = (text: string): string => {
  let binary = '';
  for (const byte of new TextEncoder().encode(text)) binary += String.fromCharCode(byte);
  return btoa(binary);
};

/** Mailbox 1.8. Files come as base64; an attached email as .eml text and an invite as iCalendar text. */
export async function readAttachmentContent(attachmentId: string): Promise<string> {
  const item = requireMessage();
  const content = await settle<Office.AttachmentContent>((done) =>
    item.getAttachmentContentAsync(attachmentId, done),
  );
  switch (content.format) {
    case Office.MailboxEnums.AttachmentContentFormat.Base64:
      return content.content;
    case Office.MailboxEnums.AttachmentContentFormat.Eml:
    case Office.MailboxEnums.AttachmentContentFormat.ICalendar:
      return utf8ToBase64(content.content);
    default:
      throw new OutlookError('This attachment is a link to a cloud file; share the link in a note instead.');
  }
}

/** The shared mailbox's owner when the email is in one (Mailbox 1.8), else the signed-in user's own. */
export async function readMailboxAddress(): Promise<string> {
  const item = requireMessage();
  if (typeof item.getSharedPropertiesAsync === 'function') {
    const shared = await settle<Office.SharedProperties>((done) => item.getSharedPropertiesAsync(done)).catch(
      () => undefined,
    );
    if (shared?.owner) return shared.owner;
  }
  return Office.context.mailbox.userProfile.emailAddress;
}

export async function readCurrentEmail(): Promise<TAddinEmail | undefined> {
  if (!currentMessage()) return undefined;
  const [
    subject,
    from,
    recipients,
    receivedAt,
    internetMessageId,
    conversationId,
    itemId,
    headers,
    body,
    attachments,
    mailbox,
  ] = await Promise.all([
    readSubject(),
    readFrom(),
    readRecipients(),
    readReceivedAt(),
    readInternetMessageId(),
    readConversationId(),
    readItemId(),
    readInternetHeaders(),
    readBody(),
    listAttachments(),
    readMailboxAddress(),
  ]);
  return {
    internetMessageId,
    conversationId,
    itemId,
    mailbox,
    subject,
    from,
    ...recipients,
    receivedAt,
    headers,
    bodyHtml: body.html,
    bodyText: body.text,
    attachments,
  };
}

/** A pinned pane stays open while the agent moves to another email (Mailbox 1.5). */
export function onItemChanged(listener: () => void): () => void {
  const mailbox = Office.context.mailbox;
  if (!Office.context.requirements.isSetSupported('Mailbox', '1.5')) return () => undefined;
  mailbox.addHandlerAsync(Office.EventType.ItemChanged, listener);
  return () => mailbox.removeHandlerAsync(Office.EventType.ItemChanged);
}

export function supportsNestedAppAuth(): boolean {
  return Office.context.requirements.isSetSupported('NestedAppAuth', '1.1');
}

// Legacy Office SSO error codes: https://learn.microsoft.com/office/dev/add-ins/develop/troubleshoot-sso-in-office-add-ins
const SSO_ERRORS: Record<number, string> = {
  13001: 'Sign in to Office first, then open the pane again.',
  13002: 'Sign-in was cancelled.',
  13003: 'Office sign-in works with work or school accounts only.',
  13006: 'Office could not sign you in just now. Close the pane and open it again.',
  13007:
    'Office could not get a token for Service Messaging. Ask your admin to check the app registration and consent.',
  13012: 'This Outlook does not support single sign-on for add-ins.',
};

/** Legacy Office SSO, for clients without nested app authentication. */
export async function getOfficeSsoToken(): Promise<string> {
  try {
    return await Office.auth.getAccessToken({
      allowSignInPrompt: true,
      allowConsentPrompt: true,
      forMSGraphAccess: false,
    });
  } catch (err) {
    const code = (err as { code?: number }).code;
    const message =
      (code !== undefined && SSO_ERRORS[code]) ||
      (err as { message?: string }).message ||
      'Office sign-in failed.';
    throw new OutlookError(message, code);
  }
}

export const outlookHost: MailHost = {
  kind: 'outlook',
  readCurrentEmail,
  readAttachmentContent,
  onEmailChanged: onItemChanged,
};
