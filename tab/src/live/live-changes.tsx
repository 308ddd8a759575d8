import { createContext, useContext, useEffect, useMemo, useRef, type ReactNode } from 'react';
import { useDesk } from '../session/desk-context';
import { createSseParser } from './parse-sse';

/** What one commit on the server changed (GET /api/events); `allRequests`: the SRs are not listed, any may have changed. */
export type LiveChange = { collections: string[]; requestIds: number[]; allRequests?: boolean };
type Listener = (change: LiveChange) => void;
type LiveChanges = { subscribe(listener: Listener): () => void };

const LiveContext = createContext<LiveChanges | undefined>(undefined);

/** After a lost stream (API restart, network), try again after this long, and no faster. */
const RETRY_MS = 2000;

/**
 * One event stream per signed-in tab, read with fetch (EventSource cannot send the bearer token). Screens subscribe
 * with useLiveChange and reload what they show; the stream carries no content, only what changed.
 */
export function LiveChangesProvider(props: { children: ReactNode }) {
  const { api } = useDesk();
  const live = useMemo(() => {
    const listeners = new Set<Listener>();
    return {
      listeners,
      value: {
        subscribe(listener: Listener) {
          listeners.add(listener);
          return () => listeners.delete(listener);
        },
      } satisfies LiveChanges,
    };
  }, []);

  useEffect(() => {
    const controller = new AbortController();
    let timer: ReturnType<typeof setTimeout> | undefined;
    const connect = async () => {
      try {
        const reader = (await api.openEvents(controller.signal)).getReader();
        const decoder = new TextDecoder();
        const parse = createSseParser();
        for (;;) {
          const { value, done } = await reader.read();
          if (done) break;
          for (const event of parse(decoder.decode(value, { stream: true }))) {
            if (event.event !== 'change') continue;
            const change = JSON.parse(event.data) as LiveChange;
            for (const listener of live.listeners) listener(change);
          }
        }
      } catch (err) {
        if (controller.signal.aborted) return;
        console.warn('The live update stream broke; reconnecting.', err);
      }
      if (!controller.signal.aborted) timer = setTimeout(() => void connect(), RETRY_MS);
    };
    void connect();
    return () => {
      controller.abort();
      clearTimeout(timer);
    };
  }, [api, live]);

  return <LiveContext.Provider value={live.value}>{props.children}</LiveContext.Provider>;
}

/** Several commits in a burst (an email filed: note, attachments, history) become one reload. */
const SETTLE_MS = 150;

/** Calls `onChange` (settled) after server commits that `matches` accepts. Outside the provider it does nothing. */
export function useLiveChange(matches: (change: LiveChange) => boolean, onChange: () => void): void {
  const live = useContext(LiveContext);
  const latest = useRef({ matches, onChange });
  latest.current = { matches, onChange };
  useEffect(() => {
    if (!live) return undefined;
    let timer: ReturnType<typeof setTimeout> | undefined;
    const unsubscribe = live.subscribe((change) => {
      if (!latest.current.matches(change)) return;
      clearTimeout(timer);
      timer = setTimeout(() => latest.current.onChange(), SETTLE_MS);
    });
    return () => {
      clearTimeout(timer);
      unsubscribe();
    };
  }, [live]);
}
