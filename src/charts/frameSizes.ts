/**
 * One ResizeObserver for every chart frame on the page. Its reports come after the browser's layout and before
 * it paints, with every frame's size, at sizes nobody had to force a layout to read. When the page answers a
 * reader's click or key (a drill), the charts in view are drawn right there, in the frame that first shows them;
 * while a page loads on its own they draw one per task (Chart.tsx), so no task blocks the page for long.
 */
import { flushSync } from 'react-dom';
import type { DrawSize } from './EChartsView';

/** `answering`: a reader's input (click, key, Back) came less than INPUT_WINDOW_MS ago. */
export type FrameListener = (size: DrawSize, inView: boolean, answering: boolean) => void;

/** How long after a click, a key or Back a layout still counts as its answer (a drill renders well within it). */
const INPUT_WINDOW_MS = 1000;
let lastInput = -Infinity;
if (typeof window !== 'undefined')
  for (const type of ['pointerup', 'keydown', 'popstate'])
    window.addEventListener(type, () => (lastInput = performance.now()), { capture: true, passive: true });

/**
 * How much of a frame must be on screen to count as in view: a sliver at the fold does not. On a phone the overview's
 * first chart stood 9 px above the fold once the KPI cards got shorter, and loading the page then evaluated and drew
 * ECharts (~0.5 s of a throttled CPU: Lighthouse's blocking time rose from ~0.6 s to ~1.3 s) for a strip nobody sees.
 */
export const IN_VIEW_MIN_PX = 48;

/** The frame's box shows at least IN_VIEW_MIN_PX of its height (all of it, if shorter) inside the viewport. */
export function showsInViewport(r: DOMRectReadOnly): boolean {
  const visible = Math.min(r.bottom, window.innerHeight) - Math.max(r.top, 0);
  return r.width > 0 && r.height > 0 && r.right > 0 && r.left < window.innerWidth && visible >= Math.min(IN_VIEW_MIN_PX, r.height);
}

const listeners = new Map<Element, FrameListener>();
let observer: ResizeObserver | undefined;

function report(entries: ResizeObserverEntry[]): void {
  // every frame's place is read before any chart draws: drawing changes the page, and a read after it would lay
  // the page out again
  const seen = entries.map((e) => {
    const r = e.target.getBoundingClientRect();
    return {
      target: e.target,
      size: { width: Math.round(e.contentRect.width), height: Math.round(e.contentRect.height) },
      inView: showsInViewport(r),
    };
  });
  const answering = performance.now() - lastInput < INPUT_WINDOW_MS;
  flushSync(() => {
    for (const s of seen) listeners.get(s.target)?.(s.size, s.inView, answering);
  });
}

/** Reports the frame's size (and whether it is in the viewport) now and whenever it changes; returns the cleanup. */
export function observeFrame(frame: Element, listener: FrameListener): () => void {
  observer ??= new ResizeObserver(report);
  listeners.set(frame, listener);
  observer.observe(frame);
  return () => {
    listeners.delete(frame);
    observer?.unobserve(frame);
  };
}

export const canObserveFrames = (): boolean => typeof ResizeObserver !== 'undefined';
