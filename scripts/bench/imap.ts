import nodemailer from 'nodemailer';
import { createMailAccount } from '../../api/src/services/mail-accounts/create-mail-account.js';
import { SERVICE_MAILBOX } from '../../emulator/src/index.js';
import {
  accountEndpoints,
  mailServersUnavailable,
  startMailServers,
  type MailServers,
} from '../../test/support/mail-servers/start-mail-servers.js';
import { startBenchStack, type BenchStack } from './bench-stack.js';
import { latencyRounds } from './latency-rounds.js';
import { percentile } from './percentiles.js';
import { replyMime } from './reply-mime.js';
import { waitForNotes } from './wait-for-notes.js';

// The IMAP figures (issue 19), against real Dovecot and Postfix on this machine: reply -> note with IMAP IDLE (the
// reply submitted to Postfix, delivered over LMTP, pushed by IDLE, fetched as MIME; target p99 <= 3 s), and a backlog
// imported over one IMAP connection (replies per second).

const PASSWORD = 'bench-pw';

async function imapStack(
  caDir: string,
): Promise<{ stack: BenchStack; servers: MailServers; addAccount(): Promise<void>; close(): Promise<void> }> {
  const unavailable = mailServersUnavailable();
  if (unavailable) throw new Error(unavailable);
  const stack = await startBenchStack({
    caDir,
    emulator: { latencyMs: 0 },
    env: { MAIL_SWEEP_INTERVAL_SEC: '3600', MAIL_LOOP_LIMIT_PER_HOUR: '100000' },
    notifications: false,
  });
  const servers = await startMailServers({ issuer: 'unused', audience: 'unused', caDir });
  servers.addUser(SERVICE_MAILBOX, PASSWORD);
  return {
    stack,
    servers,
    async addAccount() {
      await createMailAccount(stack.runtime.services, {
        emailAddress: SERVICE_MAILBOX,
        isDefault: true,
        serviceMessaging: true,
        ...accountEndpoints(servers),
        authMethod: 'password',
        password: PASSWORD,
      });
    },
    async close() {
      await stack.close();
      await servers.close();
    },
  };
}

export async function imapIdleLatency(
  caDir: string,
  rounds = 5,
  perRound = 20,
): Promise<Record<string, unknown>> {
  const { stack, servers, addAccount, close } = await imapStack(caDir);
  try {
    await addAccount();
    await waitForIdle(stack);
    const smtp = nodemailer.createTransport({
      host: '127.0.0.1',
      port: servers.ports.submission,
      requireTLS: true,
      auth: { user: SERVICE_MAILBOX, pass: PASSWORD },
      pool: true,
      maxConnections: 4,
    });
    const samples = await latencyRounds(stack, rounds, perRound, async (mime, id) => {
      await smtp.sendMail({
        envelope: { from: `customer${id}@fabrikam.test`, to: [SERVICE_MAILBOX] },
        raw: mime,
      });
    });
    smtp.close();
    const p50 = percentile(samples, 50);
    const p99 = percentile(samples, 99);
    return {
      figure: 'imap-reply-to-note-with-idle',
      replies: samples.length,
      concurrent: perRound,
      p50Ms: p50,
      p99Ms: p99,
      maxMs: Math.max(...samples),
      target: { p99Ms: 3000 },
      met: p99 <= 3000,
    };
  } finally {
    await close();
  }
}

export async function imapBacklog(caDir: string, replies: number): Promise<Record<string, unknown>> {
  const { stack, servers, addAccount, close } = await imapStack(caDir);
  try {
    const ids = await stack.createRequests(replies);
    const { ImapFlow } = await import('imapflow');
    const client = new ImapFlow({
      host: '127.0.0.1',
      port: servers.ports.imaps,
      secure: true,
      auth: { user: SERVICE_MAILBOX, pass: PASSWORD },
      logger: false,
    });
    await client.connect();
    for (const id of ids)
      await client.append(
        'INBOX',
        await replyMime(id, stack.runtime.services.ecIdKeyring, 'The backlog reply.'),
      );
    await client.logout();
    const started = Date.now();
    const waiting = waitForNotes(stack.runtime, ids, 600_000);
    await addAccount();
    const filed = await waiting;
    const seconds = (Math.max(...filed.values()) - started) / 1000;
    return {
      figure: 'imap-backlog',
      replies,
      filed: filed.size,
      seconds: Math.round(seconds * 10) / 10,
      repliesPerSecond: Math.round((filed.size / seconds) * 10) / 10,
      complete: filed.size === replies,
    };
  } finally {
    await close();
  }
}

async function waitForIdle(stack: BenchStack): Promise<void> {
  const [account] = await stack.runtime.services.store.read((tx) => tx.collection('mailAccounts').all());
  const deadline = Date.now() + 20_000;
  while (Date.now() < deadline) {
    const health = await stack.runtime.mail.health(account?.id ?? '');
    if (health.subscription.state === 'idle' && health.subscription.connected) return;
    await new Promise((resolve) => setTimeout(resolve, 50));
  }
  throw new Error('IMAP IDLE did not connect: latency cannot be measured.');
}
