/**
 * Bytes of the year received so far while it loads (undefined when nothing loads): a tiny external store.
 * React hears only whether a load is on (`useLoading`); the running count is written by a subscriber
 * (`onLoadProgress`) straight into the page. Ten React updates a second on a throttled phone would interrupt, and
 * starve, the time-sliced render of the first screen.
 */
import { useSyncExternalStore } from 'react';

let bytes: number | undefined;
const listeners = new Set<() => void>();

export function setLoadProgress(value: number | undefined): void {
  if (value === bytes) return;
  bytes = value;
  for (const l of listeners) l();
}

function subscribe(listener: () => void): () => void {
  listeners.add(listener);
  return () => listeners.delete(listener);
}

/** Is a year loading? (re-renders on start and end only) */
export function useLoading(): boolean {
  return useSyncExternalStore(
    subscribe,
    () => bytes !== undefined,
    () => false,
  );
}

/** Called with the byte count now and on every change; returns the unsubscribe function. */
export function onLoadProgress(listener: (bytes: number | undefined) => void): () => void {
  const notify = () => listener(bytes);
  notify();
  return subscribe(notify);
}
