import type { ReactNode } from 'react';

/** A table that may scroll sideways in a narrow column: focusable and named, so keyboard users can scroll it (axe: scrollable-region-focusable). */
export function ScrollBox({ label, children, className }: { label: string; children: ReactNode; className?: string }) {
  return (
    <div className={className ? `table-wrap ${className}` : 'table-wrap'} role="region" aria-label={label} tabIndex={0}>
      {children}
    </div>
  );
}
