import type { Logger } from 'pino';
import type { SyncReport } from '../ports/mail-engine.js';

/** The operator's one line for a sync that did something (a quiet sweep says nothing); what each email became is in SRs. */
export function logSyncReport(logger: Logger, mailbox: string, report: SyncReport): void {
  const { trigger, notes, mailCenter, failed } = report;
  if (notes + mailCenter + failed === 0) return;
  logger.info(
    { mailbox, trigger, notes, mailCenter, failed },
    `new mail in ${mailbox}: ${notes} filed as notes, ${mailCenter} held in the Mail Center, ${failed} failed`,
  );
}
