/** Year-over-year columns (methodology §13) for tables of organisations, shown only when a comparison year is on. */
import type { Comparison } from '../data/compare';
import type { OrgScores } from '../engine';
import type { I18n } from '../i18n';
import { Change, RankMove } from './Change';
import type { Column } from './DataTable';

export function yoyColumns(comparison: Comparison | undefined, { t }: I18n): Column<OrgScores>[] {
  if (!comparison) return [];
  return [
    {
      key: 'indexChange',
      header: t('yoy.col.indexChange'),
      align: 'right',
      cell: (r) => <Change value={comparison.of(r.org.id).indexChange} />,
      sortValue: (r) => comparison.of(r.org.id).indexChange,
    },
    {
      key: 'rankChange',
      // §13's rank change is the tier rank's: said so, since a children's table ranks among siblings beside it
      header: t('yoy.col.tierRankChange'),
      align: 'right',
      cell: (r) => <RankMove value={comparison.of(r.org.id).rankChange} />,
      sortValue: (r) => comparison.of(r.org.id).rankChange,
    },
  ];
}
