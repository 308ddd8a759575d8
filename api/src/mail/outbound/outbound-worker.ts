import type { Logger } from 'pino';
import type { OutboundEmail } from '../../domain/outbound-email.js';
import type { OutboundPolicy } from '../../domain/outbound-policy.js';
import type { ServiceDeps } from '../../services/deps.js';
import { processSrEventIn } from '../../services/outbound/process-sr-event.js';
import { GroupCommitter } from '../group-committer.js';
import type { MailSender } from '../../ports/mail-sender.js';
import type { OutboundDispatcher } from '../../ports/outbound-dispatcher.js';
import { claimOutbound, deliverOutbound } from './attempt-send.js';
import { keepClaim } from './keep-claim.js';
import { recoverSend } from './recover-send.js';

export type OutboundWorkerOptions = {
  services: ServiceDeps;
  sender: MailSender;
  policy: OutboundPolicy;
  logger: Pick<Logger, 'error' | 'warn'>;
  /** A pass also runs this often, in case something was committed without a wake (default 60 s). */
  sweepMs?: number;
  /** How long after an interrupted attempt the mailbox is checked (the Sent Items copy can lag; default 2 min). */
  recoveryGraceMs?: number;
};

type Attempt = { email?: OutboundEmail; waitUntil?: Date; mailboxBusy?: boolean };

/**
 * The outbound side of the engine. A pass runs the rules for pending SR events, settles interrupted sends, then
 * sends queued emails oldest first, as the mailbox's per-minute budget allows; one pass at a time, another when
 * woken meanwhile, and a timer for the next retry or free slot. The queue itself is the store's queued records.
 */
export class OutboundWorker implements OutboundDispatcher {
  private running = false;
  private pass: Promise<void> | undefined;
  private passAgain = false;
  private timer: NodeJS.Timeout | undefined;
  private timerAt = Infinity;
  private sweep: NodeJS.Timeout | undefined;
  private readonly inFlight = new Map<number, Promise<Attempt>>();
  /** The SR events the next pass runs: those this instance committed since the last, or every pending one. */
  private events: Set<string> | 'all' = 'all';
  // A backlog of replies leaves an event or two per reply; one transaction each would rewrite the store per event.
  // Every instance of a cluster may run an event (a sweep finds those a crashed instance left): serialised on one key,
  // the second to come finds the events the first ran already deleted (each runs once), instead of both aborting.
  private readonly committer: GroupCommitter;

  constructor(private readonly options: OutboundWorkerOptions) {
    this.committer = new GroupCommitter(options.services.store, 50, { serialiseOn: 'sr-events' });
  }

  /** The first pass runs pending events and sends what a restart left queued; start-up does not wait for Graph. */
  start(): void {
    this.running = true;
    this.sweep = setInterval(() => this.wake('all'), this.options.sweepMs ?? 60_000);
    this.sweep.unref();
    this.wake('all');
  }

  async stop(): Promise<void> {
    this.running = false;
    clearInterval(this.sweep);
    clearTimeout(this.timer);
    this.timerAt = Infinity;
    await this.pass;
    await Promise.allSettled(this.inFlight.values());
  }

  /**
   * Asks for a pass. `events`: the SR events this instance has just committed, the only ones the pass runs; each
   * instance of a cluster runs its own (reading every event on every instance cost three reads for each on three).
   * 'all' (the default) runs every pending event, as the start and the sweep do.
   */
  wake(events: readonly string[] | 'all' = 'all'): void {
    if (!this.running) return;
    if (events === 'all') this.events = 'all';
    else if (this.events !== 'all') for (const id of events) this.events.add(id);
    if (this.pass) {
      this.passAgain = true;
      return;
    }
    this.pass = this.passes().finally(() => {
      this.pass = undefined;
    });
  }

  /** Resolves when no pass is running or asked for (a timer may be set for a later retry): what tests wait on. */
  async idle(): Promise<void> {
    while (this.pass) await this.pass;
  }

  async sendNow(id: number): Promise<OutboundEmail> {
    const read = () => this.options.services.store.read((tx) => tx.collection('outboundEmails').get(id));
    const queued = await read();
    if (!queued) throw new Error(`Outbound email ${id} does not exist.`);
    // Stopped (shutting down): the email stays queued for the next start.
    const attempt = this.running ? await this.attempt(queued) : {};
    if (attempt.waitUntil) this.wakeAt(attempt.waitUntil);
    return attempt.email ?? (await read()) ?? queued;
  }

  private async passes(): Promise<void> {
    do {
      this.passAgain = false;
      try {
        await this.onePass();
      } catch (error) {
        this.options.logger.error({ err: error }, 'outbound pass failed; the next one retries');
      }
    } while (this.passAgain && this.running);
  }

  private async onePass(): Promise<void> {
    const { services } = this.options;
    const wanted = this.events;
    this.events = new Set();
    // By id when the pass is for this instance's own events: during a backlog the outbox holds hundreds, most of them
    // other instances', and reading them all on every pass cost each instance more the more instances there were.
    const eventIds =
      wanted !== 'all' && wanted.size === 0
        ? []
        : await services.store.read(async (tx) => {
            const events = tx.collection('srEvents');
            const found = wanted === 'all' ? await events.pending() : await events.getMany([...wanted]);
            return found.map((e) => e.id);
          });
    await Promise.all(
      eventIds.map((id) =>
        this.committer
          .commit((tx) => processSrEventIn(services, tx, id))
          .catch((error: unknown) => {
            // Still this instance's to run: the next pass, whatever wakes it, tries it again.
            if (this.events !== 'all') this.events.add(id);
            this.options.logger.error(
              { err: error, eventId: id },
              'rules for an SR event failed; retried on the next pass',
            );
          }),
      ),
    );
    if (!this.running) return;
    const { sending, queued } = await services.store.read(async (tx) => {
      const all = await tx.collection('outboundEmails').unfinished();
      return {
        sending: all.filter((e) => e.status === 'sending'),
        queued: all.filter((e) => e.status === 'queued'),
      };
    });
    for (const email of sending) {
      if (!this.running) return;
      if (this.inFlight.has(email.id)) continue;
      const recovery = await recoverSend(services, this.options.sender, email, this.graceMs());
      if (recovery.kind === 'later') this.wakeAt(recovery.at);
      else this.passAgain = true;
    }
    // A mailbox out of slots this minute stays so for the rest of the pass: its other emails wait without asking.
    const busy = new Set<string>();
    for (const email of queued) {
      if (!this.running) return;
      if (busy.has(email.accountId)) continue;
      const attempt = await this.attempt(email);
      if (attempt.waitUntil) this.wakeAt(attempt.waitUntil);
      if (attempt.mailboxBusy) busy.add(email.accountId);
    }
  }

  /** One attempt per email at a time in this process, whether asked by a pass or by sendNow. */
  private attempt(email: Pick<OutboundEmail, 'id' | 'accountId'>): Promise<Attempt> {
    const existing = this.inFlight.get(email.id);
    if (existing) return existing;
    const attempt = this.claimAndSend(email).finally(() => this.inFlight.delete(email.id));
    this.inFlight.set(email.id, attempt);
    return attempt;
  }

  private async claimAndSend({ id, accountId }: Pick<OutboundEmail, 'id' | 'accountId'>): Promise<Attempt> {
    const { services, sender, policy } = this.options;
    const claim = await claimOutbound(services, policy, id, accountId);
    if (claim.kind === 'wait') return { waitUntil: claim.until, mailboxBusy: claim.mailboxBusy };
    if (claim.kind === 'not-queued') return {};
    // Renewed four times per grace, so a live claim never looks abandoned to another instance.
    const stopRenewing = keepClaim(services, claim.email, this.graceMs() / 4);
    const email = await deliverOutbound(services, sender, claim).finally(stopRenewing);
    if (email.status === 'queued' && email.notBefore) return { email, waitUntil: new Date(email.notBefore) };
    if (email.status === 'sending') this.wakeAt(new Date(services.clock().getTime() + this.graceMs()));
    return { email };
  }

  private graceMs(): number {
    return this.options.recoveryGraceMs ?? 120_000;
  }

  private wakeAt(at: Date): void {
    if (!this.running) return;
    const when = at.getTime();
    if (when >= this.timerAt) return;
    clearTimeout(this.timer);
    this.timerAt = when;
    this.timer = setTimeout(
      () => {
        this.timerAt = Infinity;
        // A retry or a free slot: the queued emails, not the events.
        this.wake([]);
      },
      Math.max(0, when - this.options.services.clock().getTime()),
    );
    this.timer.unref();
  }
}
