/** Desktops and walls: from this width up, work for what is not on screen yet is done ahead while the browser is idle. */
const DESKTOP_MIN_WIDTH = 1024;

/** A desktop's or a wall's width (a phone keeps its CPU for what the reader asks); true where it cannot be told. */
export const isDesktopWidth = (): boolean =>
  typeof window.matchMedia !== 'function' || window.matchMedia(`(min-width: ${DESKTOP_MIN_WIDTH}px)`).matches;

/**
 * Runs `fn` when the browser is idle (at the latest after `timeout` ms when given); where there is no
 * requestIdleCallback, after `fallbackMs`. Returns the function that cancels it.
 */
export function whenIdle(fn: () => void, { timeout, fallbackMs = 1 }: { timeout?: number; fallbackMs?: number } = {}): () => void {
  if (typeof window.requestIdleCallback !== 'function') {
    const timer = window.setTimeout(fn, fallbackMs);
    return () => clearTimeout(timer);
  }
  const handle = window.requestIdleCallback(fn, timeout === undefined ? undefined : { timeout });
  return () => window.cancelIdleCallback(handle);
}

/**
 * Resolves in a task of its own (`scheduler.yield` where the browser has it): the work that follows does not
 * lengthen the task that is running, so the page can paint and answer input in between.
 */
export function yieldToBrowser(): Promise<void> {
  const scheduler = (globalThis as { scheduler?: { yield?: () => Promise<void> } }).scheduler;
  return typeof scheduler?.yield === 'function' ? scheduler.yield() : new Promise((ok) => setTimeout(ok, 0));
}
