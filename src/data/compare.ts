/**
 * Year over year (methodology §13) for the views. The dashboard carries the
 * comparison the URL asks for (`compare=<year>`, `Dashboard.comparison`); the
 * hooks here serve what else needs one: a screen that always compares with
 * the year before (表彰 and 退出), and the trend overlay. The comparison
 * year's dataset is the same query as when that year is on screen, so it is
 * fetched once.
 */
import { useQuery } from '@tanstack/react-query';
import { useMemo } from 'react';
import { commendationCandidates, orgTrend } from '../engine';
import type { RadarSeries } from './chartInputs';
import { useEngineTrend } from './chartInputs';
import { Comparison } from './comparison';
import { comparisonAsOf, useConfig, useDashboard, yearDatasetQuery, type Dashboard } from './dashboard';
import type { YearDataset } from './loadYear';
import type { I18n } from '../i18n';
import { round2, type CsvCell } from '../lib/csv';

export { Comparison, paceLine, yearPace, type ExitEntry, type GradeChange } from './comparison';
export { comparisonAsOf, comparisonYear, previousYear } from './dashboard';

/** 表彰 (§13): the organisations in the top band at the date, per tier (by position in `tiers`), best rank first. */
export function commendations(d: Dashboard): string[][] {
  return commendationCandidates(d.ds, d.result).map((list) => list.map((u) => d.ds.orgs[u].id));
}

const comparisonCache = new WeakMap<object, WeakMap<YearDataset, Map<string, Comparison>>>();

/** One comparison per (result on screen, comparison dataset, date): every view that asks shares it. */
export function comparisonOf(d: Dashboard, prev: YearDataset): Comparison {
  const asOf = comparisonAsOf(d.meta, d.asOf, prev.year);
  let byData = comparisonCache.get(d.result);
  if (!byData) comparisonCache.set(d.result, (byData = new WeakMap()));
  let byDate = byData.get(prev);
  if (!byDate) byData.set(prev, (byDate = new Map()));
  let c = byDate.get(asOf);
  if (!c) byDate.set(asOf, (c = new Comparison(d, prev, asOf)));
  return c;
}

export interface ComparisonState {
  /** The comparison year (undefined: none to compare with). */
  year: number | undefined;
  comparison: Comparison | undefined;
  loading: boolean;
  error: unknown;
}

/**
 * The comparison of the year on screen with `year`: the dashboard's own when
 * it is that year, else that year's dataset loaded here. `year` undefined:
 * nothing is loaded.
 */
export function useComparison(year: number | undefined): ComparisonState {
  const d = useDashboard();
  const config = useConfig();
  const own = d.comparison && d.comparison.year === year ? d.comparison : undefined;
  const wanted = year !== undefined && !own;
  const q = useQuery({
    ...yearDatasetQuery(config, year ?? 0, d.meta),
    enabled: wanted,
    // never show another year's data as this comparison
    placeholderData: undefined,
  });
  const data = wanted && q.data?.year === year ? q.data : undefined;
  const loaded = useMemo(() => (data ? comparisonOf(d, data) : undefined), [d, data]);
  const comparison = own ?? loaded;
  return { year, comparison, loading: year !== undefined && !comparison && !q.error, error: wanted ? q.error : null };
}

/** The comparison year's index along its months (§9, up to the comparison date), for the trend overlay, by id. */
export function useComparisonTrend(comparison: Comparison | undefined, ids: readonly string[]): RadarSeries[] | undefined {
  const prev = comparison?.prevResult;
  const trend = useEngineTrend(prev?.ds, prev?.r, comparison?.asOf);
  const key = ids.join('\u0000');
  return useMemo(() => {
    if (!trend || !prev || !comparison) return undefined;
    return key.split('\u0000').map((id) => {
      const p = prev.ds.orgIndex.get(id);
      return {
        name: comparison.prevModel.has(id) ? comparison.prevModel.org(id).name : id,
        values: p === undefined ? trend.dates.map(() => undefined) : orgTrend(trend, p),
      };
    });
  }, [trend, prev, comparison, key]);
}

/**
 * The 表彰 list as a CSV: English `tier,rankInTier,id,name,parentId,index,grade`
 * (ids and codes, for scripts); Chinese headers, tier and parent by name.
 */
export function commendationCsvTable(d: Dashboard, i18n: I18n): { header: string[]; rows: CsvCell[][] } {
  const { model } = d;
  const zh = i18n.lang === 'zh';
  const { t, local } = i18n;
  const rows: CsvCell[][] = [];
  commendations(d).forEach((ids, k) => {
    const tier = model.tiers[k];
    for (const id of ids) {
      const s = model.scores(id);
      rows.push(
        zh
          ? [local(tier.name), s.rankInTier, id, s.org.name, model.parentOf(id)?.name ?? '', round2(s.index), s.grade ?? '']
          : [tier.id, s.rankInTier, id, s.org.name, s.org.parentId ?? '', round2(s.index), s.grade ?? ''],
      );
    }
  });
  const header = zh
    ? [t('col.tier'), t('kpi.rankTier'), t('col.id'), t('col.name'), t('col.parent'), t('col.index'), t('col.grade')]
    : ['tier', 'rankInTier', 'id', 'name', 'parentId', 'index', 'grade'];
  return { header, rows };
}
