import type { Logger } from 'pino';
import type { ServiceDeps } from '../services/deps.js';
import { purgeMailCenter } from '../services/mail-center/purge-mail-center.js';

// Housekeeping the engine's refresh carries: the Mail Center retention purge. It runs once per cluster per hour: the
// service claims the hour in the shared cluster state (ClusterState.claimPeriodic) before it works.

const HOUR = 60 * 60_000;

/** The Mail Center retention purge, asked at most hourly by this instance (on the engine's refresh). */
export class RetentionPurge {
  private lastPurge = 0;

  constructor(
    private readonly deps: ServiceDeps,
    private readonly logger: Logger,
  ) {}

  async runHourly(): Promise<void> {
    const now = this.deps.clock().getTime();
    if (now - this.lastPurge < HOUR) return;
    this.lastPurge = now;
    const purged = await purgeMailCenter(this.deps);
    if (purged > 0) this.logger.info({ purged }, 'Mail Center items past their retention purged');
  }
}
