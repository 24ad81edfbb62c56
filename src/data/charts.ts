/**
 * Chart inputs shared by the overview and the organisation page (both chart an
 * org's children): rankings, heatmaps, stage funnels. Pure functions.
 */
import { useEffect, useMemo, useState } from 'react';
import { STAGES, orgTrend, trendDates, trendPoint, type IndexResult, type StageTally, type Trend } from '../engine';
import type { RankedItem, HeatmapRow, FunnelStage, RadarSeries } from '../charts/options/builders';
import type { Dashboard } from './dashboard';
import type { I18n } from '../i18n';

export function rankedItems(d: Dashboard, positions: ArrayLike<number>, t: I18n['t']): RankedItem[] {
  const out: RankedItem[] = [];
  for (let k = 0; k < positions.length; k++) {
    const u = positions[k];
    const v = d.result.index[u];
    if (Number.isNaN(v)) continue;
    const g = d.result.grade[u];
    out.push({ id: d.ds.orgs[u].id, name: d.ds.orgs[u].name, value: v, gradeIndex: g, gradeLabel: g >= 0 ? d.result.gradeBands[g].grade : t('grade.none') });
  }
  return out.sort((a, b) => b.value! - a.value!);
}

export function categoryValues(d: Dashboard, u: number): (number | undefined)[] {
  const C = d.ds.categories.length;
  return d.ds.categories.map((_, c) => {
    const v = d.result.category[u * C + c];
    return Number.isNaN(v) ? undefined : v;
  });
}

export function heatmapRows(d: Dashboard, positions: ArrayLike<number>): HeatmapRow[] {
  return rankedOrder(d, positions).map((u) => ({ id: d.ds.orgs[u].id, name: d.ds.orgs[u].name, values: categoryValues(d, u) }));
}

/** Positions by index, best first, orgs with no data last. */
export function rankedOrder(d: Dashboard, positions: ArrayLike<number>): number[] {
  return Array.from(positions).sort((a, b) => {
    const va = d.result.index[a];
    const vb = d.result.index[b];
    if (Number.isNaN(va)) return Number.isNaN(vb) ? 0 : 1;
    if (Number.isNaN(vb)) return -1;
    return vb - va;
  });
}

/** Funnel of the four workflow steps: assignments that reached at least each step (exempt left out). */
export function funnelStages(tally: StageTally, t: I18n['t']): FunnelStage[] {
  const steps = STAGES.slice(0, 4);
  return steps.map((s, k) => ({ name: t(`stage.${s}`), value: steps.slice(k).reduce((sum, x) => sum + tally[x], 0) }));
}

const trendCache = new WeakMap<IndexResult, Trend>();

/**
 * The index of some orgs as of each month end (methodology §9), computed after
 * the view has painted, one month per task so no task blocks the page for
 * long; cached per computed result. While it computes, the previous trend
 * stays on screen.
 */
export function useTrendSeries(d: Dashboard, positions: number[]): { dates: string[]; series: RadarSeries[] } | undefined {
  const key = positions.join(',');
  const [trend, setTrend] = useState<Trend>();
  useEffect(() => {
    const cached = trendCache.get(d.result);
    if (cached) {
      setTrend(cached);
      return;
    }
    const dates = trendDates(d.asOf);
    const results: IndexResult[] = [];
    let timer = 0;
    const step = () => {
      const date = dates[results.length];
      results.push(trendPoint(d.ds, date, d.result));
      if (results.length < dates.length) timer = window.setTimeout(step, 0);
      else {
        const t = { dates, results };
        trendCache.set(d.result, t);
        setTrend(t);
      }
    };
    timer = window.setTimeout(step, 0);
    return () => clearTimeout(timer);
  }, [d]);
  return useMemo(
    () => trend && { dates: trend.dates, series: key.split(',').map(Number).map((u) => ({ name: d.ds.orgs[u].name, values: orgTrend(trend, u) })) },
    [trend, key, d.ds],
  );
}
