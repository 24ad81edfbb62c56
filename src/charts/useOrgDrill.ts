import { useNavigate } from '@tanstack/react-router';
import { useMemo } from 'react';
import type { ChartEvents } from './Chart';

/** Chart events that drill into the organisation a clicked item carries (`data.id`). */
export function useOrgDrill(): ChartEvents {
  const navigate = useNavigate();
  return useMemo(
    () => ({
      click: (p: unknown) => {
        const id = (p as { data?: { id?: string } }).data?.id;
        if (id) void navigate({ to: '/org/$orgId', params: { orgId: id } });
      },
    }),
    [navigate],
  );
}
