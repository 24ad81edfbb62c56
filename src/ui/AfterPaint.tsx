import { useEffect, useState, type ReactNode } from 'react';

/**
 * Renders its children in a task of their own after the page has painted: sections below the fold (long tables,
 * analyst panels) must not hold up what a click shows first. `minHeight` keeps their room meanwhile.
 */
export function AfterPaint({ children, minHeight = 0 }: { children: ReactNode; minHeight?: number }) {
  const [ready, setReady] = useState(false);
  useEffect(() => {
    let timer = 0;
    const frame = requestAnimationFrame(() => {
      timer = window.setTimeout(() => setReady(true), 0);
    });
    return () => {
      cancelAnimationFrame(frame);
      clearTimeout(timer);
    };
  }, []);
  return ready ? <>{children}</> : <div style={{ minHeight }} aria-hidden="true" />;
}
