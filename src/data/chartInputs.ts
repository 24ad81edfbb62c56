/**
 * Chart inputs: what the option builders (src/charts) draw, derived from the
 * read model by organisation id. The types live here, below the charts layer,
 * so the builders and the cards depend on the data layer and never the reverse.
 */
import { useEffect, useMemo, useState } from 'react';
import { STAGES, orgTrend, trendDates, trendPoint, type IndexResult, type PreparedDataset, type StageTally, type Trend } from '../engine';
import { whenIdle } from '../lib/idle';
import type { LocalizedName } from '../api/schemas';
import type { Dashboard } from './dashboard';
import type { ReadModel } from './model';

export interface RankedItem {
  id: string;
  name: string;
  value: number | undefined;
  /** Index into the grade bands (0 = best), -1 ungraded. */
  gradeIndex: number;
  /** The grade's name, or undefined when ungraded (the view names it in its language). */
  grade: string | undefined;
}

export interface RadarSeries {
  name: string;
  values: (number | undefined)[];
}

export interface GradeCount {
  /** The band's name; undefined for ungraded. */
  grade: string | undefined;
  count: number;
  /** 0 = best band; -1 = ungraded. */
  gradeIndex: number;
}

export interface HeatmapRow {
  id: string;
  name: string;
  values: (number | undefined)[];
}

/** A scored organisation as a point of the members × index scatter. */
export interface ScatterPoint {
  id: string;
  name: string;
  members: number;
  index: number;
}

/** One category's share of an organisation's index on a 100-point scale. */
export interface Contribution {
  name: string;
  /** Points the category adds to a 100-point scale (its weight share × score). */
  gain: number;
  /** Points it loses against 100. */
  loss: number;
}

export interface FunnelStage {
  name: string;
  /** Assignments that reached at least this stage. */
  value: number;
}

/** Organisations with an index, best first. */
export function rankedItems(model: ReadModel, ids: readonly string[]): RankedItem[] {
  const out: RankedItem[] = [];
  for (const id of ids) {
    const s = model.scores(id);
    if (s.index === undefined) continue;
    out.push({ id, name: s.org.name, value: s.index, gradeIndex: s.gradeIndex, grade: s.grade });
  }
  return out.sort((a, b) => b.value! - a.value!);
}

/** The ranked organisations as scatter points: their members against their index. */
export function scatterPoints(model: ReadModel, ranking: readonly RankedItem[]): ScatterPoint[] {
  return ranking.map((r) => ({ id: r.id, name: r.name, members: model.org(r.id).members, index: r.value! }));
}

/** Weight-share contributions of each category to a 100-point scale, over categories with a score. */
export function contributions(categories: { name: string; weight: number; score: number | undefined }[]): Contribution[] {
  const present = categories.filter((c) => c.score !== undefined);
  const total = present.reduce((s, c) => s + c.weight, 0);
  return present.map((c) => ({ name: c.name, gain: (c.weight / total) * c.score!, loss: (c.weight / total) * (100 - c.score!) }));
}

/** `id`'s category contributions, each category named by `name` (the reader's language). */
export function orgContributions(model: ReadModel, id: string, name: (n: LocalizedName) => string): Contribution[] {
  const scores = model.categoryScores(id);
  return contributions(model.categories.map((c, k) => ({ name: name(c.name), weight: c.weight, score: scores[k] })));
}

/** Ids by index, best first, organisations with no data last. */
export function rankedOrder(model: ReadModel, ids: readonly string[]): string[] {
  return [...ids].sort((a, b) => {
    const va = model.index(a);
    const vb = model.index(b);
    if (va === undefined) return vb === undefined ? 0 : 1;
    if (vb === undefined) return -1;
    return vb - va;
  });
}

export function heatmapRows(model: ReadModel, ids: readonly string[]): HeatmapRow[] {
  return rankedOrder(model, ids).map((id) => ({ id, name: model.org(id).name, values: model.categoryScores(id) }));
}

/** Grade counts over some organisations, best band first, then ungraded (organisations with no data are not counted). */
export function gradeCounts(model: ReadModel, ids: readonly string[]): GradeCount[] {
  const bands = model.gradeBands;
  const counts = new Array<number>(bands.length + 1).fill(0);
  for (const id of ids) {
    const g = model.gradeIndex(id);
    if (g !== undefined) counts[g >= 0 ? g : bands.length]++;
  }
  return [
    ...bands.map((b, k) => ({ grade: b.grade, count: counts[k], gradeIndex: k })),
    { grade: undefined, count: counts[bands.length], gradeIndex: -1 },
  ];
}

/** Funnel of the four workflow steps: assignments that reached at least each step (exempt left out). */
export function funnelStages(tally: StageTally, stageName: (stage: (typeof STAGES)[number]) => string): FunnelStage[] {
  const steps = STAGES.slice(0, 4);
  return steps.map((s, k) => ({ name: stageName(s), value: steps.slice(k).reduce((sum, x) => sum + tally[x], 0) }));
}

/**
 * The index as of each month end (methodology §9) of one computed year, one month per task so no task blocks the
 * page for long; one computation per computed result, shared by everyone watching it. A computation nobody watches
 * any more stops (e.g. the date changed again before it finished).
 */
interface TrendJob {
  trend?: Trend;
  watchers: Set<(t: Trend) => void>;
  cancel: () => void;
}

const trendJobs = new WeakMap<IndexResult, TrendJob>();

type Scheduler = (step: () => void) => () => void;
const nextTask: Scheduler = (step) => {
  const timer = window.setTimeout(step, 0);
  return () => clearTimeout(timer);
};
const onIdle: Scheduler = (step) => whenIdle(step, { fallbackMs: 0 });

/** Calls `onTrend` with the trend once computed (at once when it is); returns the function that stops watching. */
function watchTrend(ds: PreparedDataset, result: IndexResult, asOf: string, onTrend: (t: Trend) => void, start: Scheduler): () => void {
  let job = trendJobs.get(result);
  if (!job) {
    const dates = trendDates(asOf);
    const results: IndexResult[] = [];
    const created: TrendJob = { watchers: new Set(), cancel: () => undefined };
    const step = () => {
      results.push(trendPoint(ds, dates[results.length], result));
      if (results.length < dates.length) created.cancel = nextTask(step);
      else {
        created.trend = { dates, results };
        for (const w of created.watchers) w(created.trend);
        created.watchers.clear();
      }
    };
    created.cancel = start(step);
    trendJobs.set(result, (job = created));
  }
  const { trend } = job;
  if (trend) {
    onTrend(trend);
    return () => undefined;
  }
  const running = job;
  running.watchers.add(onTrend);
  return () => {
    running.watchers.delete(onTrend);
    if (!running.trend && running.watchers.size === 0) {
      running.cancel();
      trendJobs.delete(result);
    }
  };
}

/** A trend computed elsewhere (the loader's worker, beside the index it computed): views find it ready. */
export function seedTrend(result: IndexResult, trend: Trend): void {
  if (!trendJobs.get(result)?.trend) trendJobs.set(result, { trend, watchers: new Set(), cancel: () => undefined });
}

/**
 * Computes the trend of the year on screen while the browser is idle, before a view asks for it: the overview
 * painted from the server's summary needs none, and the first drill to an organisation then finds it computed.
 * Returns the function that stops (when the year or date changes first).
 */
export function warmTrend(d: Pick<Dashboard, 'ds' | 'result' | 'asOf'>): () => void {
  return watchTrend(d.ds, d.result, d.asOf, () => undefined, onIdle);
}

/**
 * The year's trend (above) for a view: computed after the view has painted unless already there. While it
 * computes, the previous trend stays on screen. Without a dataset (e.g. a comparison year still loading) it
 * computes nothing.
 */
export function useEngineTrend(
  ds: PreparedDataset | undefined,
  result: IndexResult | undefined,
  asOf: string | undefined,
): Trend | undefined {
  const [trend, setTrend] = useState<Trend>();
  useEffect(() => {
    if (!ds || !result || !asOf) {
      setTrend(undefined);
      return;
    }
    return watchTrend(ds, result, asOf, setTrend, nextTask);
  }, [ds, result, asOf]);
  return trend;
}

/** The index of some organisations as of each month end (methodology §9) of the year on screen. */
export function useTrendSeries(d: Dashboard | undefined, ids: readonly string[]): { dates: string[]; series: RadarSeries[] } | undefined {
  const key = ids.join('\u0000');
  const model = d?.model;
  const trend = useEngineTrend(d?.ds, d?.result, d?.asOf);
  return useMemo(
    () =>
      trend &&
      model && {
        dates: trend.dates,
        series: key.split('\u0000').map((id) => ({ name: model.org(id).name, values: orgTrend(trend, model.position(id)) })),
      },
    [trend, key, model],
  );
}
