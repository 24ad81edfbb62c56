/**
 * Year over year (methodology §13): the same organisation (matched by id) in
 * year Y at D and in year Y − 1 at the same month and day; index, rank and
 * grade changes; 表彰 (commendation) and 退出 (left the top band) candidates.
 */
import type { IndexResult } from './compute';
import type { PreparedDataset } from './prepare';
import { defined } from './views';

/** §13: the same month and day one year earlier; Feb 29 becomes Feb 28. */
export function comparisonDate(asOf: string): string {
  const year = +asOf.slice(0, 4) - 1;
  const monthDay = asOf.slice(5) === '02-29' ? '02-28' : asOf.slice(5);
  return `${String(year).padStart(4, '0')}-${monthDay}`;
}

/** One year's dataset and its result at the (comparison) date. */
export interface YearResult {
  ds: PreparedDataset;
  r: IndexResult;
}

export interface YearOverYear {
  /** Per org of this year: its position in last year's dataset, -1 when it did not exist then. */
  prevPosition: Int32Array;
  /** NaN = undefined. */
  prevIndex: Float64Array;
  indexChange: Float64Array;
  /** Index into last year's grade bands (highest first), -1 = ungraded or no data (as `IndexResult.grade`). */
  prevGrade: Int8Array;
  /** Rank in tier last year (0 = none, as `IndexResult.rankInTier`). */
  prevRank: Int32Array;
  /** prevRank − rank (positive = moved up); NaN when either rank is missing or the tier changed. */
  rankChange: Float64Array;
  /** prevPosition − position of the grades (top band = 1, ungraded lowest), each in its own year's bands; NaN when either index is undefined. */
  gradeChange: Float64Array;
}

/** §13: grade position in its own year's bands: top band = 1, …, ungraded = bands + 1; NaN without an index. */
export function gradePosition(r: IndexResult, u: number): number {
  if (Number.isNaN(r.index[u])) return NaN;
  return r.grade[u] >= 0 ? r.grade[u] + 1 : r.gradeBands.length + 1;
}

/** §13 for every organisation of this year at once. */
export function compareYears(now: YearResult, prev: YearResult): YearOverYear {
  const n = now.ds.orgs.length;
  const prevPosition = new Int32Array(n).fill(-1);
  const prevIndex = new Float64Array(n).fill(NaN);
  const indexChange = new Float64Array(n).fill(NaN);
  const prevGrade = new Int8Array(n).fill(-1);
  const prevRank = new Int32Array(n);
  const rankChange = new Float64Array(n).fill(NaN);
  const gradeChange = new Float64Array(n).fill(NaN);
  for (let u = 0; u < n; u++) {
    const p = prev.ds.orgIndex.get(now.ds.orgs[u].id);
    if (p === undefined) continue;
    prevPosition[u] = p;
    prevIndex[u] = prev.r.index[p];
    indexChange[u] = now.r.index[u] - prev.r.index[p]; // NaN if either is
    prevGrade[u] = prev.r.grade[p];
    prevRank[u] = prev.r.rankInTier[p];
    const sameTier = tierId(now.ds, u) === tierId(prev.ds, p);
    if (sameTier && prevRank[u] > 0 && now.r.rankInTier[u] > 0) rankChange[u] = prevRank[u] - now.r.rankInTier[u];
    gradeChange[u] = gradePosition(prev.r, p) - gradePosition(now.r, u);
  }
  return { prevPosition, prevIndex, indexChange, prevGrade, prevRank, rankChange, gradeChange };
}

const tierId = (ds: PreparedDataset, u: number): string | undefined => ds.tiers[ds.tier[u]]?.id;

/** The year-over-year figures of one org as a plain object (undefined = no value), e.g. for the organisations CSV. */
export interface OrgYearOverYear {
  prevIndex?: number;
  indexChange?: number;
  prevGrade?: string;
  prevRank?: number;
  rankChange?: number;
  gradeChange?: number;
}

export function orgYearOverYear(prev: YearResult, yoy: YearOverYear, u: number): OrgYearOverYear {
  const g = yoy.prevGrade[u];
  return {
    prevIndex: defined(yoy.prevIndex[u]),
    indexChange: defined(yoy.indexChange[u]),
    prevGrade: g >= 0 ? prev.r.gradeBands[g].grade : undefined,
    prevRank: yoy.prevRank[u] || undefined,
    rankChange: defined(yoy.rankChange[u]),
    gradeChange: defined(yoy.gradeChange[u]),
  };
}

/** 表彰 (§13): the organisations in the top band at D, per tier position, best rank first. */
export function commendationCandidates(ds: PreparedDataset, r: IndexResult): number[][] {
  const byTier: number[][] = ds.tiers.map(() => []);
  for (let u = 0; u < ds.orgs.length; u++) if (r.grade[u] === 0 && ds.tier[u] >= 0) byTier[ds.tier[u]].push(u);
  for (const list of byTier) list.sort((a, b) => r.rankInTier[a] - r.rankInTier[b] || a - b);
  return byTier;
}

export interface ExitCandidate {
  /** Position in last year's dataset. */
  prevPosition: number;
  /** Position this year; -1 when the organisation no longer exists. */
  position: number;
}

/**
 * 退出 (§13): the organisations that were in last year's top band at the
 * comparison date and are not in this year's top band at D (including those
 * that have no index now, or no longer exist), in last year's rank order.
 */
export function exitCandidates(now: YearResult, prev: YearResult): ExitCandidate[] {
  const out: ExitCandidate[] = [];
  for (let p = 0; p < prev.ds.orgs.length; p++) {
    if (prev.r.grade[p] !== 0) continue;
    const u = now.ds.orgIndex.get(prev.ds.orgs[p].id) ?? -1;
    if (u >= 0 && now.r.grade[u] === 0) continue;
    out.push({ prevPosition: p, position: u });
  }
  return out.sort(
    (a, b) =>
      prev.ds.tier[a.prevPosition] - prev.ds.tier[b.prevPosition] ||
      prev.r.rankInTier[a.prevPosition] - prev.r.rankInTier[b.prevPosition] ||
      a.prevPosition - b.prevPosition,
  );
}
