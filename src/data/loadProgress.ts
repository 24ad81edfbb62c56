/** Bytes of the year received so far while it loads (undefined when nothing loads): a tiny external store. */
import { useSyncExternalStore } from 'react';

let bytes: number | undefined;
const listeners = new Set<() => void>();

export function setLoadProgress(value: number | undefined): void {
  if (value === bytes) return;
  bytes = value;
  for (const l of listeners) l();
}

export function useLoadProgress(): number | undefined {
  return useSyncExternalStore(
    (l) => {
      listeners.add(l);
      return () => listeners.delete(l);
    },
    () => bytes,
    () => undefined,
  );
}
