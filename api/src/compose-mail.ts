import type { Logger } from 'pino';
import type { Config } from './config.js';
import type { MailAccount } from './domain/mail-account.js';
import { createGraphMailClient } from './graph/graph-mail-client.js';
import { createGraphMailbox } from './graph/graph-mailbox.js';
import { createGraphMailSender } from './graph/mail-sender.js';
import { createImapCredentials, type ImapCredentials } from './imap/imap-credentials.js';
import { createImapMailbox } from './imap/imap-mailbox.js';
import { createSmtpMailSender } from './imap/smtp-sender.js';
import type { MailCluster } from './mail/mail-cluster.js';
import { MailEngineRunner } from './mail/mail-engine.js';
import { OutboundWorker } from './mail/outbound/outbound-worker.js';
import { senderByTransport } from './mail/outbound/sender-by-transport.js';
import { understand } from './mail/understand/understand.js';
import type { ServiceDeps } from './services/deps.js';

// The mail side of compose.ts: the outbound worker and the inbound engine over each account's transport, and what
// wakes them. Each subscribes to the store's commits itself (Store.onCommit), for the collections it cares about.

/**
 * The outbound queue and rules: an SR event committed here wakes the worker, and services send through it. Started
 * once defaults and demo data are in place.
 */
export function createOutbound(services: ServiceDeps, config: Config, logger: Logger): OutboundWorker {
  const policy = { perMailboxPerMinute: config.outbound.perMailboxPerMinute, publicUrl: config.publicUrl };
  const sender = senderByTransport({
    graph: createGraphMailSender(services.secrets, config.graph),
    'imap-smtp': createSmtpMailSender(imapCredentials(services, config)),
  });
  const worker = new OutboundWorker({ services, sender, policy, logger });
  services.store.onCommit((change) => {
    // Another instance runs the events it committed. Those a crashed instance left are run once its heartbeat lease
    // lapses (mail/lost-instances.ts), or by the next start or sweep (OutboundWorker sweepMs) of any instance.
    const events = change.collections.srEvents;
    if (events && !change.byOtherInstance) worker.wake(events);
  });
  services.outbound = worker;
  services.outboundPolicy = policy;
  return worker;
}

/** IMAP/SMTP sign-in for an account: its password, or app tokens from the same identity platform as Graph's. */
function imapCredentials(services: ServiceDeps, config: Config): (account: MailAccount) => ImapCredentials {
  const identity = {
    authorityHost: config.graph.authorityHost,
    disableInstanceDiscovery: config.graph.mode === 'emulator',
  };
  return (account) =>
    createImapCredentials(
      account,
      {
        ...(account.password ? { password: services.secrets.open(account.password) } : {}),
        ...(account.clientSecret ? { clientSecret: services.secrets.open(account.clientSecret) } : {}),
      },
      identity,
    );
}

/**
 * The inbound mail engine over Graph or IMAP, by each account's transport. Change notifications need a URL Microsoft 365 can reach (PUBLIC_URL); the
 * emulator also posts to loopback, so demo mode gets them on http://localhost:PORT.
 */
export function createMailEngine(
  services: ServiceDeps,
  config: Config,
  logger: Logger,
  cluster: MailCluster,
): MailEngineRunner {
  const publicUrl =
    config.publicUrl ??
    (config.demo && config.graph.mode === 'emulator' ? `http://localhost:${config.port}` : undefined);
  const credentials = imapCredentials(services, config);
  const engine = new MailEngineRunner({
    deps: services,
    logger: logger.child({ component: 'mail-engine' }),
    openMailbox: (account) =>
      account.transport === 'imap-smtp'
        ? createImapMailbox(account, credentials(account), {
            heartbeatMs: config.mail.idleHeartbeatMs,
            answerWithinMs: Math.min(15_000, config.mail.idleHeartbeatMs),
          })
        : createGraphMailbox(
            createGraphMailClient(
              account,
              account.clientSecret ? services.secrets.open(account.clientSecret) : '',
              config.graph,
            ),
          ),
    sweepIntervalMs: config.mail.sweepIntervalMs,
    cluster,
    ...(publicUrl ? { publicUrl } : {}),
    limits: {
      maxMessageBytes: config.mail.maxMessageBytes,
      maxAttachmentsPerMessage: config.mail.maxAttachmentsPerMessage,
      parallel: config.mail.parallel,
      retryBaseMs: config.mail.retryBaseMs,
      readTimeLimitMs: config.mail.readTimeLimitMs,
    },
  });
  services.mail = engine;
  // Mail Center actions read bodies as the engine does: in its worker threads, within the same time per email.
  services.reader = { understand, readTimeLimitMs: config.mail.readTimeLimitMs };
  services.store.onCommit((change) => {
    if (change.collections.mailAccounts) engine.accountsChanged();
  });
  return engine;
}
