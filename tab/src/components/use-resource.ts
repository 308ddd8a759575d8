import { useCallback, useEffect, useState, type DependencyList } from 'react';
import { toError } from '../../../web-shared/to-error';

export type Resource<T> = {
  data: T | undefined;
  error: Error | undefined;
  isLoading: boolean;
  reload(): void;
  /** Replace the data after a change the API confirmed, without a round trip. */
  setData(update: (current: T | undefined) => T): void;
};

/**
 * Loads data for a page and reloads when `deps` change. Keeps showing the last data while it reloads,
 * so a refresh does not blank the screen; aborts the request when the page goes away.
 */
export function useResource<T>(load: (signal: AbortSignal) => Promise<T>, deps: DependencyList): Resource<T> {
  const [data, setDataState] = useState<T | undefined>(undefined);
  const [error, setError] = useState<Error | undefined>(undefined);
  const [isLoading, setIsLoading] = useState(true);
  const [generation, setGeneration] = useState(0);

  useEffect(() => {
    const controller = new AbortController();
    setIsLoading(true);
    load(controller.signal)
      .then((value) => {
        if (controller.signal.aborted) return;
        setDataState(() => value);
        setError(undefined);
      })
      .catch((err: unknown) => {
        if (controller.signal.aborted) return;
        setError(toError(err));
      })
      .finally(() => {
        if (!controller.signal.aborted) setIsLoading(false);
      });
    return () => controller.abort();
    // The caller lists what `load` depends on (like useEffect), so a new closure per render does not refetch.
  }, [...deps, generation]);

  const reload = useCallback(() => setGeneration((n) => n + 1), []);
  const setData = useCallback(
    (update: (current: T | undefined) => T) => setDataState((current) => update(current)),
    [],
  );
  return { data, error, isLoading, reload, setData };
}
