import type { ImapFlow } from 'imapflow';
import type { MailboxWatch, WatchEvents } from '../ports/mailbox.js';

// IMAP IDLE on one folder, on a connection of its own. The server pushes EXISTS when mail arrives; each push, and each
// (re)connect, is reported as a change so the engine syncs (catching up whatever came while the watch was down).
// A connection can die without a word (NAT timeouts, a hung server): a NOOP every heartbeat must be answered in time,
// or the connection is dropped and opened again, with backoff.

export type WatchTiming = {
  heartbeatMs: number;
  answerWithinMs: number;
  reconnectMs: number;
  maxReconnectMs: number;
};

const DEFAULT_TIMING: WatchTiming = {
  heartbeatMs: 60_000,
  answerWithinMs: 15_000,
  reconnectMs: 1_000,
  maxReconnectMs: 60_000,
};

export function watchFolder(
  open: () => Promise<ImapFlow>,
  folder: string,
  events: WatchEvents,
  timing: Partial<WatchTiming> = {},
): MailboxWatch {
  const t = { ...DEFAULT_TIMING, ...timing };
  let stopped = false;
  let client: ImapFlow | undefined;
  let wake: (() => void) | undefined;
  const pause = (ms: number) =>
    new Promise<void>((resolve) => {
      const timer = setTimeout(resolve, ms);
      wake = () => {
        clearTimeout(timer);
        resolve();
      };
    });

  const loop = (async () => {
    let delay = t.reconnectMs;
    while (!stopped) {
      let why = 'The IDLE connection closed';
      try {
        client = await open();
        if (stopped) continue;
        // EXAMINE: watching must not change the folder (no \Recent taken, nothing marked).
        await client.mailboxOpen(folder, { readOnly: true });
        client.on('exists', () => events.onChange());
        events.onState({
          connected: true,
          explanation: `Watching "${folder}" with IMAP IDLE; new mail is picked up as it arrives.`,
        });
        events.onChange();
        delay = t.reconnectMs;
        why = await untilClosed(client, t);
      } catch (error) {
        why = error instanceof Error ? error.message : String(error);
      } finally {
        client?.close();
      }
      if (stopped) break;
      events.onState({
        connected: false,
        explanation: `${why}; reconnecting in ${Math.round(delay / 1000)} s. The sweep keeps the folder in sync meanwhile.`,
      });
      await pause(delay);
      delay = Math.min(delay * 2, t.maxReconnectMs);
    }
  })();

  return {
    async stop() {
      stopped = true;
      client?.close();
      wake?.();
      // A connection still being opened (up to its timeouts) is closed by the loop when it arrives; stopping does not
      // wait for it, or shutting down would hang on a server that does not answer.
      await Promise.race([loop, new Promise((resolve) => setTimeout(resolve, 1_000).unref())]);
    },
  };
}

/** Resolves with why the connection ended: closed by the server or the network, or silent past the deadline. */
function untilClosed(client: ImapFlow, t: WatchTiming): Promise<string> {
  return new Promise((resolve) => {
    let why = 'The IDLE connection closed';
    const heartbeat = setInterval(() => {
      const deadline = setTimeout(() => {
        why = `The IMAP server did not answer within ${Math.round(t.answerWithinMs / 1000)} s (IDLE went silent)`;
        client.close();
      }, t.answerWithinMs);
      client
        .noop()
        .catch(() => undefined)
        .finally(() => clearTimeout(deadline));
    }, t.heartbeatMs);
    client.once('close', () => {
      clearInterval(heartbeat);
      resolve(why);
    });
  });
}
