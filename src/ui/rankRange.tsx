/** The "排名区间 / Rank range" column (issue 12) for any table of organisations. */
import type { OrgScores } from '../engine';
import type { RankIntervals } from '../data/robustness';
import { rangeLabel } from '../data/robustness';
import type { I18n } from '../i18n';
import type { Column } from './DataTable';

/** "3–7" per organisation; "…" while the intervals compute, "—" for an organisation without a rank. */
export function rankRangeColumn(intervals: RankIntervals | undefined, { t }: I18n): Column<OrgScores> {
  return {
    key: 'rankRange',
    header: t('robust.col'),
    cell: (r) => {
      if (!intervals) return <span title={t('robust.computing')}>…</span>;
      const x = intervals.of(r.org.id);
      return x ? rangeLabel(x) : '—';
    },
    // like the rank column: descending puts the best (lowest) range first
    sortValue: (r) => {
      const x = intervals?.of(r.org.id);
      return x ? -(x.p5 * 1e6 + x.p95) : undefined;
    },
    align: 'right',
  };
}
