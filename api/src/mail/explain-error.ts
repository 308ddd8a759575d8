import { isGraphError } from '../ports/graph-error.js';
import type { ExplainedError } from '../ports/mail-engine.js';
import { isMailTransportError } from '../ports/mail-transport-error.js';

// The last error of an account in words an admin can act on (docs/graph-behaviour.md §1.2 Entra codes, §8 Graph codes, §9 RBAC).
// Branch on codes, never on messages.

const ENTRA: Record<number, string> = {
  7000215:
    "The client secret is wrong. Paste the secret's Value (not its Secret ID) from Entra ID > App registrations > Certificates & secrets.",
  7000222:
    'The client secret has expired. Create a new secret in Entra ID > App registrations > Certificates & secrets, paste its Value here and record its expiry date.',
  700016:
    "The application (client) ID is not known in this tenant. Check the Application (client) ID on the app registration's Overview page.",
  90002:
    "The directory (tenant) ID is wrong. Check the Directory (tenant) ID on the app registration's Overview page.",
  70011: 'The token request asked for a scope the tenant refused.',
};

export function explainError(error: unknown, at: Date, context: { folder?: string } = {}): ExplainedError {
  const when = at.toISOString();
  // IMAP/SMTP failures are explained where the protocol detail is known (imap/).
  if (isMailTransportError(error))
    return { code: `imap-${error.kind}`, explanation: error.message, at: when };
  if (!isGraphError(error)) {
    return {
      code: 'internal',
      explanation: 'The mail engine hit an unexpected error; the API log has the details.',
      at: when,
    };
  }
  const base = {
    code: error.code,
    status: error.status,
    ...(error.requestId ? { requestId: error.requestId } : {}),
    at: when,
  };
  if (error.source === 'entra') {
    const known = error.aadsts !== undefined ? ENTRA[error.aadsts] : undefined;
    const explanation =
      known ??
      (error.code === 'invalid_client'
        ? "Entra ID refused the app's credentials (wrong or expired client secret)."
        : error.code === 'unauthorized_client'
          ? 'The application (client) ID is not known in this tenant.'
          : `Entra ID refused to issue a token (${error.code}): check the tenant ID, client ID and secret.`);
    return { ...base, code: error.aadsts !== undefined ? `AADSTS${error.aadsts}` : error.code, explanation };
  }
  if (error.source === 'network') {
    return {
      ...base,
      explanation:
        'Microsoft 365 could not be reached (network, DNS or TLS). The engine tries again on the next sync.',
    };
  }
  if (error.reauthorisationRequired || error.status === 401) {
    return {
      ...base,
      explanation:
        'Re-authorisation required: Graph refused a fresh token. Check that admin consent for Mail.ReadWrite and Mail.Send is still granted and the secret is current.',
    };
  }
  if (error.status === 403) {
    return {
      ...base,
      explanation:
        'The app may not open this mailbox: it is outside the application access policy or the RBAC for Applications scope, or the Mail.ReadWrite application permission lacks admin consent. Changes to policies can take up to two hours to apply.',
    };
  }
  if (error.code === 'MailboxNotEnabledForRESTAPI') {
    return {
      ...base,
      explanation:
        'This user has no Exchange Online mailbox: assign a licence with Exchange Online (or use a licensed or shared mailbox).',
    };
  }
  if (
    error.code === 'ErrorInvalidUser' ||
    error.code === 'ResourceNotFound' ||
    error.code === 'Request_ResourceNotFound'
  ) {
    return {
      ...base,
      explanation: 'No mailbox with this user principal name exists in the tenant. Check the address.',
    };
  }
  if (error.code === 'ErrorFolderNotFound') {
    return {
      ...base,
      explanation: `The folder ${context.folder ? `"${context.folder}" ` : ''}does not exist in the mailbox. Check the folder name (child folders as "Inbox/Service Desk").`,
    };
  }
  if (error.status === 429) {
    const wait = error.retryAfterMs !== undefined ? ` for ${Math.ceil(error.retryAfterMs / 1000)} s` : '';
    return {
      ...base,
      explanation: `Microsoft 365 is throttling the app; the engine waits${wait} as asked and carries on.`,
    };
  }
  if (error.status >= 500) {
    return {
      ...base,
      explanation: 'Microsoft 365 is unavailable right now; the engine tries again on the next sync.',
    };
  }
  return { ...base, explanation: `Graph refused a request (${error.status} ${error.code}).` };
}
