import { Link } from '@tanstack/react-router';
import type { ReactNode } from 'react';

/**
 * A link to an organisation's page; year, date and language travel with it (root search middleware).
 * A name is data of any length: it is cut to one line by CSS (`.org-name`) and given whole in the title — any name,
 * not only a long one: a phone's pinned name column cuts a nine-character Chinese name.
 */
export function OrgLink({ id, children, className }: { id: string; children: ReactNode; className?: string }) {
  return (
    <Link
      to="/org/$orgId"
      params={{ orgId: id }}
      className={className ? `org-name ${className}` : 'org-name'}
      title={typeof children === 'string' ? children : undefined}
    >
      {children}
    </Link>
  );
}
