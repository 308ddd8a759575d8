import type { Logger } from 'pino';
import { AppError } from '../domain/app-error.js';
import { PUBLIC_NOTE_TYPE, isPublicNoteTypeUsable } from '../domain/note-type.js';
import { isGraphError } from '../ports/graph-error.js';
import type { SyncReport, SyncTrigger } from '../ports/mail-engine.js';
import { isMailTransportError } from '../ports/mail-transport-error.js';
import type { ServiceDeps } from '../services/deps.js';
import { loadSettings } from '../services/settings/load-settings.js';
import type { AccountRuntime } from './account-runtime.js';
import { explainError } from './explain-error.js';
import { fencedCommitter, fencedStore, type Fence } from './fenced-writes.js';
import type { GroupCommitter } from './group-committer.js';
import { logSyncReport } from './log-sync-report.js';
import { ownAddresses } from '../services/inbound/own-addresses.js';
import type { SenderRate } from './sender-rate.js';
import type { EngineLimits } from './sync-context.js';
import { syncMailbox } from './sync-mailbox.js';

// One sync of a mailbox whose lease this instance holds (the scheduler took it): the settings and folders it needs,
// every write fenced by the lease, and the runtime's health figures kept from the outcome (docs/architecture.md §4).

export type HeldSyncContext = {
  deps: ServiceDeps;
  logger: Logger;
  limits: EngineLimits;
  committer: GroupCommitter;
  senders: SenderRate;
};

/**
 * Syncs `runtime`'s mailbox under `fence`; `after` (follow-ups, retries) runs once the sync succeeded and, like the
 * sync, has its failure recorded on the runtime.
 */
export async function syncHeld(
  ctx: HeldSyncContext,
  runtime: AccountRuntime,
  trigger: SyncTrigger,
  fence: Fence,
  after: (seen: ReadonlySet<string>) => Promise<void>,
): Promise<SyncReport> {
  const { deps } = ctx;
  const now = () => deps.clock();
  const seen = new Set<string>();
  try {
    const [settings, types] = await deps.store.read(
      async (tx) => [await loadSettings(tx), await tx.collection('noteTypes').all()] as const,
    );
    if (!isPublicNoteTypeUsable(types)) {
      runtime.stopped = `Service messaging is stopped: it files replies as note type ${PUBLIC_NOTE_TYPE.code} (access level User), which is missing. Add it under Administration > General > Type.`;
      throw new AppError('precondition_failed', runtime.stopped);
    }
    runtime.stopped = undefined;
    const { account, mailbox } = runtime;
    runtime.folderId ??= (await mailbox.resolveFolder(account.folder)).id;
    if (account.afterProcessing === 'move' && account.moveToFolder)
      runtime.moveFolderId ??= (await mailbox.resolveFolder(account.moveToFolder)).id;
    const afterStep =
      account.afterProcessing === 'delete'
        ? { kind: 'delete' as const }
        : account.afterProcessing === 'move' && runtime.moveFolderId
          ? { kind: 'move' as const, folderId: runtime.moveFolderId }
          : { kind: 'mark-read' as const };
    runtime.handOver = { startedAt: Date.now(), remaining: undefined, to: undefined };
    const report = await syncMailbox(
      {
        // Every write of this sync first checks that this instance still holds the mailbox's lease.
        deps: { ...deps, store: fencedStore(deps.store, fence) },
        logger: ctx.logger,
        account,
        mailbox,
        folderId: runtime.folderId,
        afterStep,
        settings,
        classify: await ownAddresses(deps.store),
        limits: ctx.limits,
        committer: fencedCommitter(ctx.committer, fence),
        countSender: (address) => ctx.senders.count(address),
        handOver: runtime.handOver,
      },
      trigger,
      seen,
    );
    runtime.lastSync = report;
    runtime.lastSuccessfulSyncAt = report.finishedAt;
    logSyncReport(ctx.logger, runtime.account.emailAddress, report);
    runtime.lastError = undefined;
    runtime.reauthorisationRequired = false;
    await after(seen);
    return report;
  } catch (error) {
    if (isGraphError(error) && error.code === 'ErrorFolderNotFound') runtime.folderId = undefined;
    if (isMailTransportError(error) && error.kind === 'folder-missing') runtime.folderId = undefined;
    if ((isGraphError(error) || isMailTransportError(error)) && error.reauthorisationRequired)
      runtime.reauthorisationRequired = true;
    runtime.lastError =
      error instanceof AppError
        ? { code: error.code, explanation: error.message, at: now().toISOString() }
        : explainError(error, now(), { folder: runtime.account.folder });
    ctx.logger.warn({ err: error, mailbox: runtime.account.emailAddress, trigger }, 'mail sync failed');
    throw error;
  } finally {
    runtime.handOver = undefined;
  }
}
