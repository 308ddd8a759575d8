// What a failed IMAP or SMTP step looks like past the imap/ boundary, as GraphError is for Graph: the kind the engine
// decides on, and the explanation in plain words an admin can act on (written where the protocol detail is known).

export type TransportFailureKind =
  | 'dns'
  | 'tcp'
  | 'tls'
  | 'timeout'
  | 'authentication'
  | 'consent'
  | 'imap-disabled'
  | 'folder-missing'
  | 'gone'
  | 'too-large'
  | 'server';

export class MailTransportError extends Error {
  readonly kind: TransportFailureKind;
  /** Signing in failed again with a fresh token, or the password is refused: an admin has to act. */
  readonly reauthorisationRequired: boolean;
  /** Worth trying again later on its own (the network, a busy server). */
  readonly transient: boolean;

  constructor(
    kind: TransportFailureKind,
    explanation: string,
    options: { reauthorisationRequired?: boolean; transient?: boolean; cause?: unknown } = {},
  ) {
    super(explanation, { cause: options.cause });
    this.name = 'MailTransportError';
    this.kind = kind;
    this.reauthorisationRequired = options.reauthorisationRequired ?? false;
    this.transient = options.transient ?? ['dns', 'tcp', 'timeout', 'server'].includes(kind);
  }
}

export function isMailTransportError(error: unknown): error is MailTransportError {
  return error instanceof MailTransportError;
}
