import { useSyncExternalStore } from 'react';
import { formatDateTime, formatRelative } from './formatters';

// One clock for every relative time on screen, so "8 seconds ago" keeps counting and all labels tick together.
const TICK_MS = 5000;
const subscribers = new Set<() => void>();
let now = Date.now();
let interval: ReturnType<typeof setInterval> | undefined;

function subscribe(onTick: () => void): () => void {
  subscribers.add(onTick);
  interval ??= setInterval(() => {
    now = Date.now();
    for (const tick of subscribers) tick();
  }, TICK_MS);
  return () => {
    subscribers.delete(onTick);
    if (subscribers.size === 0) {
      clearInterval(interval);
      interval = undefined;
    }
  };
}

/** "3 minutes ago", kept current, with the exact date and time on hover. */
export function RelativeTime(props: { iso: string; className?: string }) {
  // Subscribing re-renders on every tick; the label reads the time itself.
  useSyncExternalStore(subscribe, () => now);
  return (
    <time className={props.className} dateTime={props.iso} title={formatDateTime(props.iso)}>
      {formatRelative(props.iso)}
    </time>
  );
}
