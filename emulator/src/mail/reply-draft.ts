import type { MailStore } from '../state/mail-store.js';
import type { Mailbox, StoredMessage } from '../state/mail-types.js';
import { escapeHtml } from '../core/escape-html.js';
import { buildMessage, childConversationIndex, defaultFields, type MessageFields } from './new-message.js';
import { outlookReplyHtml } from './outlook-reply-html.js';

/** The draft of a reply, in Drafts, threaded to the original (In-Reply-To/References go into the MIME on send). */
export function replyDraft(
  store: MailStore,
  mailbox: Mailbox,
  original: StoredMessage,
  comment: string,
  overrides: Partial<MessageFields>,
): StoredMessage {
  const subject = /^re:/i.test(original.subject) ? original.subject : `RE: ${original.subject}`;
  const to = original.replyTo.length > 0 ? original.replyTo : original.from ? [original.from] : [];
  const commentHtml = comment ? `<div>${escapeHtml(comment)}</div>` : '';
  const quoted =
    original.body.contentType === 'html'
      ? original.body.content
      : `<pre>${escapeHtml(original.body.content)}</pre>`;
  const owner = { emailAddress: { name: mailbox.displayName, address: mailbox.address } };
  const draft = buildMessage(mailbox, store.wellKnownFolder(mailbox, 'drafts').id, {
    ...defaultFields(),
    subject,
    body: { contentType: 'html', content: outlookReplyHtml(commentHtml, original, quoted) },
    from: owner,
    sender: owner,
    toRecipients: to,
    isRead: true,
    isDraft: true,
    inReplyTo: original.internetMessageId,
    references: [original.references, original.internetMessageId].filter(Boolean).join(' '),
    conversationIndex: childConversationIndex(original.conversationIndex),
    ...overrides,
  });
  return store.insertMessage(mailbox, draft);
}
