/**
 * The chart cards that several screens show (the overview charts the root's
 * children, the organisation page charts its own): each a chart with its
 * data-table twin, fed by the read model through organisation ids.
 */
import { Link, useNavigate } from '@tanstack/react-router';
import { memo, useMemo, type ReactNode } from 'react';
import type { GradeBand, LocalizedName } from '../api/schemas';
import {
  gradeCounts,
  heatmapRows,
  rankedItems,
  useTrendSeries,
  type GradeCount,
  type HeatmapRow,
  type RadarSeries,
  type RankedItem,
} from '../data/chartInputs';
import { paceLine, useComparisonTrend } from '../data/compare';
import { useDashboard } from '../data/dashboard';
import { useI18n } from '../i18n';
import { fmtScore } from '../lib/format';
import { OrgLink } from '../ui/OrgLink';
import { gradeName } from '../ui/badges';
import { bandLabel, mutedText, palette, scoreBands } from '../ui/theme';
import { TermHelp } from '../ui/TermHelp';
import { ChartCard } from './ChartCard';
import {
  buildGradeDistributionOption,
  buildHeatmapOption,
  buildRadarOption,
  buildRankingOption,
  buildTrendOption,
} from './options/builders';
import { useOrgDrill } from './useOrgDrill';

interface CardFrame {
  title: string;
  className?: string;
  height?: number | string;
}

/** Organisations ranked by index, best on top; a click drills into one. */
export function RankingCard({ ids, ...frame }: CardFrame & { ids: readonly string[] }) {
  const { model } = useDashboard();
  const ranking = useMemo(() => rankedItems(model, ids), [model, ids]);
  return <RankingView {...frame} ranking={ranking} bandCount={model.gradeBands.length} />;
}

/** The ranking card's chart and table from ranked items (the overview feeds it from the summary or the year). */
export const RankingView = memo(function RankingView({
  ranking,
  bandCount,
  ...frame
}: CardFrame & { ranking: RankedItem[]; bandCount: number }) {
  const { t } = useI18n();
  const drill = useOrgDrill();
  return (
    <ChartCard
      {...frame}
      option={buildRankingOption(ranking, {
        valueLabel: t('col.index'),
        ungradedLabel: t('grade.none'),
        bandCount,
      })}
      onEvents={drill}
      table={{
        columns: [t('col.name'), t('col.index'), t('col.grade')],
        rows: ranking.map((r) => ({
          key: r.id,
          cells: [
            <OrgLink key="n" id={r.id}>
              {r.name}
            </OrgLink>,
            fmtScore(r.value),
            gradeName(t, r.grade, r.value === undefined),
          ],
        })),
      }}
    />
  );
});

/** Organisations × categories, coloured at the methodology's grade thresholds; every row shown, weakest last. */
export function HeatmapCard({ ids, ...frame }: CardFrame & { ids: readonly string[] }) {
  const { model } = useDashboard();
  const rows = useMemo(() => heatmapRows(model, ids), [model, ids]);
  return <HeatmapView {...frame} rows={rows} categories={model.categories.map((c) => c.name)} gradeBands={model.gradeBands} />;
}

export const HeatmapView = memo(function HeatmapView({
  rows,
  categories,
  gradeBands,
  ...frame
}: CardFrame & { rows: HeatmapRow[]; categories: LocalizedName[]; gradeBands: readonly GradeBand[] }) {
  const { t, local } = useI18n();
  const drill = useOrgDrill();
  const categoryNames = categories.map(local);
  const bands = scoreBands(gradeBands.map((g) => g.min));
  return (
    <ChartCard
      {...frame}
      option={buildHeatmapOption(rows, categoryNames, bands)}
      legend={bands.map((b) => ({ name: bandLabel(b), color: b.color }))}
      onEvents={drill}
      table={{
        columns: [t('col.name'), ...categoryNames],
        rows: rows.map((r) => ({
          key: r.id,
          cells: [
            <OrgLink key="n" id={r.id}>
              {r.name}
            </OrgLink>,
            ...r.values.map(fmtScore),
          ],
        })),
      }}
    />
  );
});

/** Category scores of one or more organisations on one radar. */
export function RadarCard({ ids, controls, ...frame }: CardFrame & { ids: readonly string[]; controls?: ReactNode }) {
  const { model } = useDashboard();
  const series: RadarSeries[] = ids.map((id) => ({ name: model.org(id).name, values: model.categoryScores(id) }));
  return <RadarView {...frame} controls={controls} categories={model.categories.map((c) => c.name)} series={series} />;
}

export const RadarView = memo(function RadarView({
  categories,
  series,
  controls,
  ...frame
}: CardFrame & { categories: LocalizedName[]; series: RadarSeries[]; controls?: ReactNode }) {
  const { t, local } = useI18n();
  const categoryNames = categories.map(local);
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
});

/**
 * The index month by month (methodology §9) of one or more organisations.
 * With a comparison year on (§13) it overlays that year's line of each
 * (dashed) and the 序时 pace line: the share of the year gone by, 0 → 100.
 */
export function TrendCard({ ids, ...frame }: CardFrame & { ids: readonly string[] }) {
  const d = useDashboard();
  const trend = useTrendSeries(d, ids);
  const comparison = d.comparison;
  const previous = useComparisonTrend(comparison, ids);
  return (
    <TrendView
      {...frame}
      trend={trend}
      previous={comparison && previous ? { year: comparison.year, series: previous } : undefined}
      loading={!trend || (comparison !== undefined && !previous)}
    />
  );
}

/** The trend card from computed series; `previous`: the comparison year's lines (§13), with the pace line added here. */
export const TrendView = memo(function TrendView({
  trend,
  previous,
  loading,
  ...frame
}: CardFrame & {
  trend: { dates: string[]; series: RadarSeries[] } | undefined;
  previous?: { year: number; series: RadarSeries[] };
  loading: boolean;
}) {
  const { t } = useI18n();
  const overlay = useMemo(
    () =>
      trend && previous
        ? {
            previous: previous.series.map((s, k) => ({
              name: t('yoy.seriesYear', { name: trend.series[k]?.name ?? s.name, year: previous.year }),
              values: s.values,
            })),
            pace: { name: t('yoy.pace'), values: paceLine(trend.dates) },
          }
        : undefined,
    [trend, previous, t],
  );
  const all = overlay ? [...(trend?.series ?? []), ...overlay.previous] : (trend?.series ?? []);
  return (
    <ChartCard
      {...frame}
      loading={loading}
      option={trend && buildTrendOption(trend.dates, trend.series, overlay)}
      legend={
        overlay
          ? [
              ...(trend?.series ?? []).map((x, k) => ({ name: x.name, color: palette[k] })),
              // last year's lines are the same colours, dashed: their swatches are dashed lines too
              ...overlay.previous.map((x, k) => ({ name: x.name, color: palette[k], line: 'dashed' as const })),
              { name: overlay.pace.name, color: mutedText, line: 'dotted' as const },
            ]
          : trend && trend.series.length > 1
            ? trend.series.map((x, k) => ({ name: x.name, color: palette[k] }))
            : undefined
      }
      note={
        overlay ? (
          <>
            {t('yoy.pace')}
            <TermHelp term={t('yoy.pace')} text={t('term.pace')} align="start" />
          </>
        ) : undefined
      }
      table={{
        columns: [t('col.date'), ...all.map((s) => s.name), ...(overlay ? [overlay.pace.name] : [])],
        rows: (trend?.dates ?? []).map((date, k) => ({
          key: date,
          cells: [date, ...all.map((s) => fmtScore(s.values[k])), ...(overlay ? [fmtScore(overlay.pace.values[k])] : [])],
        })),
      }}
    />
  );
});

/**
 * How many of some organisations sit in each grade band (and ungraded). With
 * `tier`, a bar opens the organisations list filtered to what it counts.
 */
export function GradeDistributionCard({ ids, tier, ...frame }: CardFrame & { ids: readonly string[]; tier?: string }) {
  const { model } = useDashboard();
  const grades = useMemo(() => gradeCounts(model, ids), [model, ids]);
  return <GradeDistributionView {...frame} grades={grades} tier={tier} />;
}

export const GradeDistributionView = memo(function GradeDistributionView({
  grades,
  tier,
  ...frame
}: CardFrame & { grades: GradeCount[]; tier?: string }) {
  const { t } = useI18n();
  const navigate = useNavigate();
  const gradeName = (g: string | undefined) => g ?? t('grade.none');
  const events = useMemo(
    () =>
      tier
        ? {
            click: (p: unknown) => {
              const k = (p as { dataIndex?: number }).dataIndex;
              const g = k === undefined ? undefined : grades[k];
              if (g) void navigate({ to: '/orgs', search: { grade: g.grade ?? 'none', tier } });
            },
          }
        : undefined,
    [tier, grades, navigate],
  );
  return (
    <ChartCard
      {...frame}
      option={buildGradeDistributionOption(grades, { countLabel: t('col.count'), ungradedLabel: t('grade.none') })}
      onEvents={events}
      note={
        <>
          {t('col.grade')}
          <TermHelp term={t('col.grade')} text={t('term.grades')} align="start" />
        </>
      }
      table={{
        columns: [t('col.grade'), t('col.count')],
        rows: grades.map((g) => ({
          key: gradeName(g.grade),
          cells: [gradeName(g.grade), tier ? <GradeCountLink key="n" grade={g.grade} tier={tier} count={g.count} /> : g.count],
        })),
      }}
    />
  );
});

/** A count of organisations in a grade that opens the list of them. */
export function GradeCountLink({ grade, tier, count }: { grade: string | undefined; tier: string; count: number }) {
  return (
    <Link to="/orgs" search={{ grade: grade ?? 'none', tier }}>
      {count}
    </Link>
  );
}
