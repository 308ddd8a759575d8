import type { Logger } from 'pino';
import type { AccountRuntime } from './account-runtime.js';

// Push for IMAP accounts: the adapter's IDLE watch on the folder (it reconnects by itself). Every change it reports,
// and every reconnect, asks for a sync, so what arrived while the watch was down is caught up at once; the sweep stays
// the fallback when IDLE goes quiet.

export function keepWatching(runtime: AccountRuntime, requestSync: () => void, logger: Logger): void {
  const { mailbox } = runtime;
  if (!mailbox.watch || runtime.watch || !runtime.folderId) return;
  runtime.subscriptionHealth = {
    state: 'idle',
    connected: false,
    explanation: 'Connecting to the folder for IMAP IDLE.',
  };
  runtime.watch = mailbox.watch(runtime.folderId, {
    onChange: requestSync,
    onState: ({ connected, explanation }) => {
      const previous =
        runtime.subscriptionHealth.state === 'idle' ? runtime.subscriptionHealth.lastInterruption : undefined;
      const lastInterruption = connected ? previous : { at: new Date().toISOString(), explanation };
      runtime.subscriptionHealth = {
        state: 'idle',
        connected,
        explanation,
        ...(lastInterruption ? { lastInterruption } : {}),
      };
      if (!connected)
        logger.warn(
          { mailbox: runtime.account.emailAddress, explanation },
          'IMAP IDLE connection lost; reconnecting',
        );
    },
  });
}

/** Stops the watch and closes what the old adapter kept open. */
export async function stopWatching(runtime: AccountRuntime, mailbox = runtime.mailbox): Promise<void> {
  const watch = runtime.watch;
  runtime.watch = undefined;
  await watch?.stop().catch(() => undefined);
  await mailbox.close?.().catch(() => undefined);
}
