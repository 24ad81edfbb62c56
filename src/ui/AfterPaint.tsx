import { startTransition, useEffect, useState, type ReactNode } from 'react';

/** False on the first render; true in a task of its own after the page has painted it. */
export function useAfterPaint(): boolean {
  const [ready, setReady] = useState(false);
  useEffect(() => {
    let timer = 0;
    const frame = requestAnimationFrame(() => {
      timer = window.setTimeout(() => startTransition(() => setReady(true)), 0);
    });
    return () => {
      cancelAnimationFrame(frame);
      clearTimeout(timer);
    };
  }, []);
  return ready;
}

/**
 * Renders its children in a task of their own after the page has painted: sections below the fold (long tables,
 * analyst panels) must not hold up what a click shows first. `minHeight` keeps their room meanwhile.
 */
export function AfterPaint({ children, minHeight = 0 }: { children: ReactNode; minHeight?: number }) {
  return useAfterPaint() ? <>{children}</> : <div style={{ minHeight }} aria-hidden="true" />;
}
