import { MailTransportError } from '../ports/mail-transport-error.js';

// An IMAP or SMTP failure in words an admin can act on: which step failed (DNS, TCP, TLS with the certificate problem
// named, sign-in, folder) and what to check. Decisions are made on error codes, never on the server's wording, except
// Dovecot/Exchange response codes in brackets (RFC 5530), which are standard.

const CERTIFICATE_PROBLEMS: Record<string, string> = {
  CERT_HAS_EXPIRED: "the server's certificate has expired",
  CERT_NOT_YET_VALID: "the server's certificate is not valid yet",
  DEPTH_ZERO_SELF_SIGNED_CERT: "the server's certificate is self-signed",
  SELF_SIGNED_CERT_IN_CHAIN: "the server's certificate chain ends in an untrusted self-signed root",
  UNABLE_TO_VERIFY_LEAF_SIGNATURE: "the server's certificate is not signed by a trusted authority",
  UNABLE_TO_GET_ISSUER_CERT_LOCALLY:
    "the server's certificate is issued by an authority this machine does not trust",
  ERR_TLS_CERT_ALTNAME_INVALID: "the server's certificate is for another host name",
};

export type Where = {
  protocol: 'IMAP' | 'SMTP';
  host: string;
  port: number;
  authMethod: 'oauth2' | 'password';
  folder?: string;
};

type ErrorLike = {
  code?: string;
  authenticationFailed?: boolean;
  serverResponseCode?: string;
  responseCode?: number;
  command?: string;
  message?: string;
};

export function transportFailure(error: unknown, where: Where): MailTransportError {
  if (error instanceof MailTransportError) return error;
  const e = (error ?? {}) as ErrorLike;
  const at = `${where.protocol} server ${where.host}:${where.port}`;
  const code = e.code ?? '';
  if (code === 'ENOTFOUND' || code === 'EAI_AGAIN')
    return new MailTransportError(
      'dns',
      `The host name ${where.host} could not be found (DNS). Check the ${where.protocol === 'IMAP' ? 'incoming' : 'outgoing'} host.`,
      { cause: error },
    );
  if (code === 'ECONNREFUSED')
    return new MailTransportError(
      'tcp',
      `Nothing accepts connections on ${where.host}:${where.port}. Check the port and that the server runs; a firewall may also refuse it.`,
      { cause: error },
    );
  if (
    code === 'ETIMEDOUT' ||
    code === 'CONNECT_TIMEOUT' ||
    code === 'GREETING_TIMEOUT' ||
    code === 'ETIMEOUT'
  )
    return new MailTransportError('timeout', `The ${at} did not answer in time.`, { cause: error });
  const certificate =
    CERTIFICATE_PROBLEMS[code] ??
    (code.startsWith('ERR_TLS') || code.startsWith('ERR_SSL')
      ? `the TLS handshake failed (${code})`
      : undefined);
  if (certificate)
    return new MailTransportError(
      'tls',
      `TLS to ${at} failed: ${certificate}. Check the host name and the security setting; the server's certificate must be valid for ${where.host}.`,
      { cause: error, transient: false },
    );
  if (
    e.serverResponseCode === 'CONTACTADMIN' ||
    e.serverResponseCode === 'AUTHORIZATIONFAILED' ||
    (e.responseCode === 535 && /disabled/i.test(e.message ?? ''))
  ) {
    return new MailTransportError(
      'imap-disabled',
      `The ${at} accepted the sign-in but refuses ${where.protocol} for this mailbox: ${where.protocol} is turned off for it. Turn it on (for Microsoft 365: Exchange admin center > the mailbox > Email apps).`,
      { cause: error, reauthorisationRequired: true },
    );
  }
  if (e.authenticationFailed || e.responseCode === 535 || code === 'EAUTH') {
    return where.authMethod === 'password'
      ? new MailTransportError(
          'authentication',
          `The ${at} refused the user name or password. Check both (an app password may be needed).`,
          { cause: error, reauthorisationRequired: true },
        )
      : new MailTransportError(
          'consent',
          `The ${at} refused the app's OAuth token. The app needs the ${where.protocol === 'IMAP' ? 'IMAP.AccessAsApp' : 'SMTP.SendAsApp'} permission with admin consent, its service principal needs access to this mailbox (Add-MailboxPermission), and ${where.protocol} must be on for the mailbox.`,
          { cause: error, reauthorisationRequired: true },
        );
  }
  if (e.serverResponseCode === 'NONEXISTENT' && where.folder) return folderMissing(where.folder);
  return new MailTransportError(
    'server',
    `The connection to the ${at} failed${e.message ? ` (${e.message})` : ''}; the engine tries again.`,
    { cause: error },
  );
}

export function folderMissing(folder: string): MailTransportError {
  return new MailTransportError(
    'folder-missing',
    `The folder "${folder}" does not exist in the mailbox. Check the folder name (child folders as "Inbox/Service Desk").`,
    { transient: false },
  );
}
