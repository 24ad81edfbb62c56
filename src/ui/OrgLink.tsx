import { Link } from '@tanstack/react-router';
import type { ReactNode } from 'react';

/** A link to an organisation's page; year, date and language travel with it (root search middleware). */
export function OrgLink({ id, children, className }: { id: string; children: ReactNode; className?: string }) {
  return (
    <Link to="/org/$orgId" params={{ orgId: id }} className={className}>
      {children}
    </Link>
  );
}
