/**
 * The chart cards that several screens show (the overview charts the root's
 * children, the organisation page charts its own): each a chart with its
 * data-table twin, fed by the read model through organisation ids.
 */
import { useMemo, type ReactNode } from 'react';
import { gradeCounts, heatmapRows, rankedItems, useTrendSeries, type RadarSeries } from '../data/chartInputs';
import { useDashboard } from '../data/dashboard';
import { useI18n } from '../i18n';
import { fmtScore } from '../lib/format';
import { OrgLink } from '../ui/OrgLink';
import { bandLabel, palette, scoreBands } from '../ui/theme';
import { ChartCard } from './ChartCard';
import { buildGradeDistributionOption, buildHeatmapOption, buildRadarOption, buildRankingOption, buildTrendOption } from './options/builders';
import { useOrgDrill } from './useOrgDrill';

interface CardFrame {
  title: string;
  className?: string;
  height?: number | string;
}

/** Organisations ranked by index, best on top; a click drills into one. */
export function RankingCard({ ids, ...frame }: CardFrame & { ids: readonly string[] }) {
  const { model } = useDashboard();
  const { t } = useI18n();
  const drill = useOrgDrill();
  const ranking = useMemo(() => rankedItems(model, ids), [model, ids]);
  const gradeName = (g: string | undefined) => g ?? t('grade.none');
  return (
    <ChartCard
      {...frame}
      option={buildRankingOption(ranking, { valueLabel: t('col.index'), ungradedLabel: t('grade.none'), bandCount: model.gradeBands.length })}
      onEvents={drill}
      table={{
        columns: [t('col.name'), t('col.index'), t('col.grade')],
        rows: ranking.map((r) => ({ key: r.id, cells: [<OrgLink key="n" id={r.id}>{r.name}</OrgLink>, fmtScore(r.value), gradeName(r.grade)] })),
      }}
    />
  );
}

/** Organisations × categories, coloured at the methodology's grade thresholds; every row shown, weakest last. */
export function HeatmapCard({ ids, ...frame }: CardFrame & { ids: readonly string[] }) {
  const { model } = useDashboard();
  const { t, local } = useI18n();
  const drill = useOrgDrill();
  const rows = useMemo(() => heatmapRows(model, ids), [model, ids]);
  const categoryNames = model.categories.map((c) => local(c.name));
  const bands = scoreBands(model.gradeBands.map((g) => g.min));
  return (
    <ChartCard
      {...frame}
      option={buildHeatmapOption(rows, categoryNames, bands)}
      legend={bands.map((b) => ({ name: bandLabel(b), color: b.color }))}
      onEvents={drill}
      table={{
        columns: [t('col.name'), ...categoryNames],
        rows: rows.map((r) => ({ key: r.id, cells: [<OrgLink key="n" id={r.id}>{r.name}</OrgLink>, ...r.values.map(fmtScore)] })),
      }}
    />
  );
}

/** Category scores of one or more organisations on one radar. */
export function RadarCard({ ids, controls, ...frame }: CardFrame & { ids: readonly string[]; controls?: ReactNode }) {
  const { model } = useDashboard();
  const { t, local } = useI18n();
  const categoryNames = model.categories.map((c) => local(c.name));
  const series: RadarSeries[] = ids.map((id) => ({ name: model.org(id).name, values: model.categoryScores(id) }));
  return (
    <ChartCard
      {...frame}
      controls={controls}
      option={buildRadarOption(categoryNames, series)}
      legend={series.map((x, k) => ({ name: x.name, color: palette[k] }))}
      table={{
        columns: [t('col.category'), ...series.map((s) => s.name)],
        rows: categoryNames.map((name, k) => ({ key: name, cells: [name, ...series.map((s) => fmtScore(s.values[k]))] })),
      }}
    />
  );
}

/** The index month by month (methodology §9) of one or more organisations. */
export function TrendCard({ ids, ...frame }: CardFrame & { ids: readonly string[] }) {
  const d = useDashboard();
  const { t } = useI18n();
  const trend = useTrendSeries(d, ids);
  return (
    <ChartCard
      {...frame}
      loading={!trend}
      option={trend && buildTrendOption(trend.dates, trend.series)}
      legend={trend && trend.series.length > 1 ? trend.series.map((x, k) => ({ name: x.name, color: palette[k] })) : undefined}
      table={{
        columns: [t('col.date'), ...(trend?.series.map((s) => s.name) ?? [])],
        rows: (trend?.dates ?? []).map((date, k) => ({ key: date, cells: [date, ...trend!.series.map((s) => fmtScore(s.values[k]))] })),
      }}
    />
  );
}

/** How many of some organisations sit in each grade band (and ungraded). */
export function GradeDistributionCard({ ids, ...frame }: CardFrame & { ids: readonly string[] }) {
  const { model } = useDashboard();
  const { t } = useI18n();
  const grades = useMemo(() => gradeCounts(model, ids), [model, ids]);
  const gradeName = (g: string | undefined) => g ?? t('grade.none');
  return (
    <ChartCard
      {...frame}
      option={buildGradeDistributionOption(grades, { countLabel: t('col.count'), ungradedLabel: t('grade.none') })}
      table={{ columns: [t('col.grade'), t('col.count')], rows: grades.map((g) => ({ key: gradeName(g.grade), cells: [gradeName(g.grade), g.count] })) }}
    />
  );
}
