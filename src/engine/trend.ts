import { trendDates } from './dates';
import { computeIndex, type IndexResult } from './compute';
import type { PreparedDataset } from './prepare';

export interface Trend {
  dates: string[];
  /** One full result per date: month ends from January, then the as-of date itself. */
  results: IndexResult[];
}

/** One point of a trend: the result already computed for that date, or a new computation. */
export function trendPoint(ds: PreparedDataset, date: string, atAsOf?: IndexResult): IndexResult {
  return atAsOf && date === atAsOf.asOf ? atAsOf : computeIndex(ds, date);
}

/** Methodology §9: the index as of each month end up to the as-of date. */
export function computeTrend(ds: PreparedDataset, asOf: string, atAsOf?: IndexResult): Trend {
  const dates = trendDates(asOf);
  return { dates, results: dates.map((d) => trendPoint(ds, d, atAsOf)) };
}

/** One org's index along a trend (undefined where it had no data). */
export function orgTrend(trend: Trend, u: number): (number | undefined)[] {
  return trend.results.map((r) => (Number.isNaN(r.index[u]) ? undefined : r.index[u]));
}
