/** Rank intervals of some organisations (issue 12) as a chart card with its table twin. */
import { useMemo } from 'react';
import { useDashboard } from '../data/dashboard';
import { rangeLabel, useRankIntervals } from '../data/robustness';
import { useI18n } from '../i18n';
import { OrgLink } from '../ui/OrgLink';
import { ChartCard } from './ChartCard';
import { buildRankIntervalOption, intervalColor, nominalColor, type RankIntervalItem } from './options/robustness';
import { useOrgDrill } from './useOrgDrill';

export function RankIntervalCard({ ids, title, height }: { ids: readonly string[]; title: string; height?: number }) {
  const d = useDashboard();
  const { t } = useI18n();
  const drill = useOrgDrill();
  const intervals = useRankIntervals(d);
  const items = useMemo(() => {
    if (!intervals) return undefined;
    const out: RankIntervalItem[] = [];
    for (const id of ids) {
      const r = intervals.of(id);
      if (r) out.push({ id, name: d.model.org(id).name, ...r });
    }
    return out.sort((a, b) => a.nominal - b.nominal || a.p5 - b.p5);
  }, [intervals, ids, d.model]);
  return (
    <ChartCard
      title={title}
      height={height ?? Math.min(520, Math.max(220, ids.length * 22 + 40))}
      loading={!items}
      option={items && buildRankIntervalOption(items, { nominalLabel: t('robust.nominal'), intervalLabel: t('robust.interval') })}
      onEvents={drill}
      legend={[
        { name: t('robust.interval'), color: intervalColor },
        { name: t('robust.nominal'), color: nominalColor },
      ]}
      table={{
        columns: [t('col.name'), t('robust.nominal'), t('robust.col')],
        rows: (items ?? []).map((r) => ({
          key: r.id,
          cells: [
            <OrgLink key="n" id={r.id}>
              {r.name}
            </OrgLink>,
            r.nominal,
            rangeLabel(r),
          ],
        })),
      }}
    />
  );
}
