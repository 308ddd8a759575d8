import { useCallback, useRef, useState } from 'react';
import { toError } from '../../../web-shared/to-error';

export type Failure = { title?: string; error: Error };

/**
 * One operation at a time for a form or panel (save, sync, discard…): which one runs, so its button can show a
 * spinner and the others wait, and the last failure with a title saying what did not happen. Errors are kept for
 * the page to show in the API's words, never thrown into a blank screen. A second start while one runs (a double
 * click, Enter in a field) is ignored.
 */
export function usePendingAction<K extends string = 'action'>() {
  const [pending, setPending] = useState<K | undefined>(undefined);
  const [failure, setFailure] = useState<Failure | undefined>(undefined);
  const isRunning = useRef(false);

  const run = useCallback(
    async (key: K, failedTitle: string | undefined, work: () => Promise<void>): Promise<void> => {
      if (isRunning.current) return;
      isRunning.current = true;
      setPending(key);
      setFailure(undefined);
      try {
        await work();
      } catch (err) {
        setFailure({ ...(failedTitle ? { title: failedTitle } : {}), error: toError(err) });
      } finally {
        isRunning.current = false;
        setPending(undefined);
      }
    },
    [],
  );

  return { pending, isBusy: pending !== undefined, failure, run };
}
