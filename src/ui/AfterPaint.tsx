import { startTransition, useEffect, useState, type ReactNode } from 'react';

/** False on the first render; true in a task of its own after the page has painted it. */
export function useAfterPaint(): boolean {
  return useStaggered(1) === 1;
}

/**
 * How many of `total` sections to render: none on the first render, the first in a task of its own after the page
 * has painted, then one more per task. Each section's render, commit and layout is then a short task instead of
 * all of them one long one (on a phone: ~85 ms for the overview's seven cards, in a Lighthouse trace).
 */
export function useStaggered(total: number): number {
  const [shown, setShown] = useState(0);
  useEffect(() => {
    if (shown >= total) return;
    const reveal = () => startTransition(() => setShown((n) => Math.min(total, n + 1)));
    let timer = 0;
    let frame = 0;
    // the first waits for the page's paint; the next ones only for a task of their own
    if (shown === 0) frame = requestAnimationFrame(() => (timer = window.setTimeout(reveal, 0)));
    else timer = window.setTimeout(reveal, 0);
    return () => {
      cancelAnimationFrame(frame);
      clearTimeout(timer);
    };
  }, [shown, total]);
  return Math.min(shown, total);
}

/**
 * Renders its children in a task of their own after the page has painted: sections below the fold (long tables,
 * analyst panels) must not hold up what a click shows first. `minHeight` keeps their room meanwhile.
 */
export function AfterPaint({ children, minHeight = 0 }: { children: ReactNode; minHeight?: number }) {
  return useAfterPaint() ? <>{children}</> : <div style={{ minHeight }} aria-hidden="true" />;
}
