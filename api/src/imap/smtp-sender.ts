import MailComposer from 'nodemailer/lib/mail-composer';
import type { MailAccount } from '../domain/mail-account.js';
import type { MailAddress } from '../domain/mail-message.js';
import { MailSendError, type MailSender, type OutgoingMail, type SentLookup } from '../ports/mail-sender.js';
import { isMailTransportError } from '../ports/mail-transport-error.js';
import type { ImapCredentials } from './imap-credentials.js';
import { transportFailure } from './imap-failure.js';
import { imapEndpoint, openImap } from './imap-session.js';
import { findSentCopy, saveSentCopy } from './sent-folder.js';
import { createSmtpTransport } from './smtp-transport.js';

// The MailSender port over SMTP (nodemailer composes the MIME and submits it). Unlike Graph, SMTP lets us set every
// header: our Message-ID (so replies match by In-Reply-To/References), and Auto-Submitted: auto-generated on rule
// emails (RFC 3834), which tells well-behaved autoresponders not to answer. Servers that do not keep a copy of
// submitted mail (most, unlike Exchange Online and Gmail) get one appended to the Sent folder over IMAP.

export type CredentialsFor = (account: MailAccount) => ImapCredentials;

export function createSmtpMailSender(newCredentials: CredentialsFor): MailSender {
  // One set of credentials (and its token cache) per account version: a changed secret gets new ones.
  const cache = new Map<string, ImapCredentials>();
  const credentialsFor = (account: MailAccount): ImapCredentials => {
    const key = `${account.id}|${account.updatedAt}`;
    let credentials = cache.get(key);
    if (!credentials) {
      for (const old of cache.keys()) if (old.startsWith(`${account.id}|`)) cache.delete(old);
      credentials = newCredentials(account);
      cache.set(key, credentials);
    }
    return credentials;
  };

  async function send(account: MailAccount, mail: OutgoingMail) {
    const credentials = credentialsFor(account);
    const raw = await compose(account, mail);
    const where = {
      protocol: 'SMTP' as const,
      host: account.outgoingHost,
      port: account.outgoingPort,
      authMethod: account.authMethod,
    };
    const envelope = { from: account.emailAddress, to: [...mail.to, ...mail.cc].map((r) => r.address) };
    for (let attempt = 0; ; attempt++) {
      const transport = createSmtpTransport(
        account,
        await credentials.signIn().catch((error: unknown) => {
          throw new MailSendError(isMailTransportError(error) ? error.message : String(error), {
            transient: !isMailTransportError(error) || error.transient,
            cause: error,
          });
        }),
      );
      try {
        await transport.sendMail({ envelope, raw });
        break;
      } catch (error) {
        const failure = transportFailure(error, where);
        if (failure.kind === 'consent' && attempt === 0) {
          credentials.refresh();
          continue;
        }
        throw sendError(error, failure.message, failure.transient);
      } finally {
        transport.close();
      }
    }
    if (!keepsSentCopy(account)) {
      // The email is out; a Sent copy that cannot be saved now is a missing copy, not a reason to send again.
      await saveSentCopy(() => openImap(imapEndpoint(account), credentials), raw).catch(() => undefined);
    }
    return { graphMessageId: `smtp:${mail.internetMessageId}` };
  }

  async function find(account: MailAccount, internetMessageId: string): Promise<SentLookup> {
    const credentials = credentialsFor(account);
    try {
      const found = await findSentCopy(() => openImap(imapEndpoint(account), credentials), internetMessageId);
      return found ? { state: 'sent', graphMessageId: `smtp:${internetMessageId}` } : { state: 'absent' };
    } catch (error) {
      const failure = transportFailure(error, {
        protocol: 'IMAP',
        ...imapEndpoint(account),
        authMethod: account.authMethod,
      });
      throw new MailSendError(failure.message, { transient: failure.transient, cause: error });
    }
  }

  // SMTP has no drafts: nothing is ever left half-built in the mailbox.
  const deleteDraft = () => Promise.resolve();

  return { send, find, deleteDraft };
}

async function compose(account: MailAccount, mail: OutgoingMail): Promise<Buffer> {
  const attachments = await Promise.all(
    mail.attachments.map(async (a) => ({
      filename: a.name,
      contentType: a.contentType,
      content: await a.open(),
    })),
  );
  const headers = [
    ...mail.headers,
    ...(mail.autoSubmitted ? [{ name: 'Auto-Submitted', value: 'auto-generated' }] : []),
  ];
  const composer = new MailComposer({
    from: address({
      address: account.emailAddress,
      ...(account.displayName ? { name: account.displayName } : {}),
    }),
    to: mail.to.map(address),
    cc: mail.cc.map(address),
    subject: mail.subject,
    html: mail.bodyHtml,
    messageId: mail.internetMessageId,
    date: new Date(),
    headers: headers.map((h) => ({ key: h.name, value: h.value })),
    attachments,
  });
  return composer.compile().build();
}

function address(a: MailAddress): { name: string; address: string } {
  return { name: a.name ?? '', address: a.address };
}

/** Exchange Online and Gmail save what is submitted to Sent Items themselves (a second copy would be a duplicate). */
function keepsSentCopy(account: MailAccount): boolean {
  return /(^|\.)(office365\.com|outlook\.com|gmail\.com|googlemail\.com)$/i.test(account.outgoingHost);
}

/** A refused email: 4xx may pass, 5xx will not; no answer after the message data means it may be out. */
function sendError(error: unknown, explanation: string, transient: boolean): MailSendError {
  const e = (error ?? {}) as { responseCode?: number; command?: string };
  const maybeSent = e.command === 'DATA' && e.responseCode === undefined;
  const temporary = e.responseCode !== undefined ? e.responseCode < 500 : transient;
  return new MailSendError(explanation, { transient: temporary, maybeSent, cause: error });
}
