/**
 * Demands (需求上报 → 分析研判 → 政策调整), methodology §12. Like the index, the
 * demands are prepared once per dataset (grouped by organisation position, dates
 * as day numbers in typed arrays) and then evaluated at any date D in one pass
 * over the records and one bottom-up pass over the tree. Demands never enter
 * the index.
 *
 * The records received here are valid (src/api excludes the bad ones, §12 "Bad
 * records"): known org and topic, unique ids, dates in order, an outcome iff
 * resolved.
 */
import type { Demand, DemandConfig, DemandOutcome } from '../api/schemas';
import { dayNumber, dayNumberOrNever } from './dates';
import type { PreparedDataset } from './prepare';

/** The state of a demand at D; `notYet` = reported after D (does not exist yet). */
export const DEMAND_STATES = ['notYet', 'untriaged', 'analysing', 'service', 'policy', 'declined'] as const;
export type DemandState = (typeof DEMAND_STATES)[number];
export const NOT_YET = 0;
export const UNTRIAGED = 1;
export const ANALYSING = 2;
export const SERVICE = 3;
export const POLICY = 4;
export const DECLINED = 5;

export const DEMAND_OUTCOMES: readonly DemandOutcome[] = ['service', 'policy', 'declined'];

/**
 * The subtree tallies of §12, in this order in `DemandResult.subtree`
 * (`[u * DEMAND_TALLY_COUNT + k]`); the names are the /demands CSV's columns.
 */
export const DEMAND_TALLIES = [
  'reported',
  'untriaged',
  'analysing',
  'service',
  'policy',
  'declined',
  'triageOverdue',
  'resolveOverdue',
] as const;
export type DemandTallyName = (typeof DEMAND_TALLIES)[number];
export const DEMAND_TALLY_COUNT = DEMAND_TALLIES.length;
const T_REPORTED = 0;
const T_TRIAGE_OVERDUE = 6;
const T_RESOLVE_OVERDUE = 7;

export interface PreparedDemands {
  config: DemandConfig;
  topicIndex: Map<string, number>;
  /** Records grouped by org: org u reported `[orgStart[u], orgStart[u + 1])` (input order kept within an org). */
  records: Demand[];
  count: number;
  orgStart: Int32Array;
  dOrg: Int32Array;
  dTopic: Int32Array;
  dReported: Int32Array;
  /** `NEVER` when null. */
  dTriaged: Int32Array;
  dResolved: Int32Array;
  /** Outcome as a state (SERVICE, POLICY, DECLINED), or -1 while unresolved. */
  dOutcome: Int8Array;
}

/**
 * §12: index validated demands once against a prepared dataset (its orgIndex)
 * and the methodology's demand config. Throws on an unknown org or topic: the
 * validation upstream must have excluded those.
 */
export function prepareDemands(ds: PreparedDataset, config: DemandConfig, demands: Demand[]): PreparedDemands {
  const n = ds.orgs.length;
  const m = demands.length;
  const topicIndex = new Map(config.topics.map((t, i) => [t.id, i]));
  const orgStart = new Int32Array(n + 1);
  const owner = new Int32Array(m);
  for (let q = 0; q < m; q++) {
    const u = ds.orgIndex.get(demands[q].orgId);
    if (u === undefined) throw new Error(`prepareDemands: unknown org ${demands[q].orgId}`);
    owner[q] = u;
    orgStart[u + 1]++;
  }
  for (let u = 0; u < n; u++) orgStart[u + 1] += orgStart[u];
  const cursor = orgStart.slice(0, n);
  const records: Demand[] = new Array(m);
  for (let q = 0; q < m; q++) records[cursor[owner[q]]++] = demands[q];

  const dOrg = new Int32Array(m);
  const dTopic = new Int32Array(m);
  const dReported = new Int32Array(m);
  const dTriaged = new Int32Array(m);
  const dResolved = new Int32Array(m);
  const dOutcome = new Int8Array(m);
  for (let q = 0; q < m; q++) {
    const x = records[q];
    dOrg[q] = ds.orgIndex.get(x.orgId)!;
    const t = topicIndex.get(x.topicId);
    if (t === undefined) throw new Error(`prepareDemands: unknown topic ${x.topicId}`);
    dTopic[q] = t;
    dReported[q] = dayNumber(x.reportedAt);
    dTriaged[q] = dayNumberOrNever(x.triagedAt);
    dResolved[q] = dayNumberOrNever(x.resolvedAt);
    dOutcome[q] = x.outcome === null ? -1 : SERVICE + DEMAND_OUTCOMES.indexOf(x.outcome);
  }
  return { config, topicIndex, records, count: m, orgStart, dOrg, dTopic, dReported, dTriaged, dResolved, dOutcome };
}

/** §12: the state of one demand at `day` (scalar form of what `computeDemands` does per record). */
export function demandStateAt(reported: number, triaged: number, resolved: number, outcome: number, day: number): number {
  if (reported > day) return NOT_YET;
  if (resolved <= day) return outcome;
  if (triaged <= day) return ANALYSING;
  return UNTRIAGED;
}

export interface DemandResult {
  asOf: string;
  day: number;
  /** Per demand (prepared order): state, overdue flags, response days (-1 unless resolved at D). */
  state: Int8Array;
  triageOverdue: Uint8Array;
  resolveOverdue: Uint8Array;
  responseDays: Int32Array;
  /** Subtree tallies, org-major `[u * DEMAND_TALLY_COUNT + k]` in the order of `DEMAND_TALLIES`. */
  subtree: Int32Array;
  /** Median response days of the subtree's resolved demands (NaN when none). */
  medianResponseDays: Float64Array;
}

/**
 * §12 at D for every demand and every organisation at once: states, both kinds
 * of overdue (strictly more than the allowed days), response times, the
 * subtree tallies and each subtree's median response time.
 */
export function computeDemands(ds: PreparedDataset, dp: PreparedDemands, asOf: string): DemandResult {
  const day = dayNumber(asOf);
  const n = ds.orgs.length;
  const m = dp.count;
  const { triageDays, resolveDays } = dp.config;
  const state = new Int8Array(m);
  const triageOverdue = new Uint8Array(m);
  const resolveOverdue = new Uint8Array(m);
  const responseDays = new Int32Array(m).fill(-1);
  const subtree = new Int32Array(n * DEMAND_TALLY_COUNT);
  let resolvedCount = 0;

  for (let q = 0; q < m; q++) {
    const s = demandStateAt(dp.dReported[q], dp.dTriaged[q], dp.dResolved[q], dp.dOutcome[q], day);
    state[q] = s;
    if (s === NOT_YET) continue;
    const o = dp.dOrg[q] * DEMAND_TALLY_COUNT;
    subtree[o + T_REPORTED]++;
    subtree[o + s]++; // states UNTRIAGED…DECLINED sit at tallies 1…5
    const age = day - dp.dReported[q];
    if (s === UNTRIAGED && age > triageDays) {
      triageOverdue[q] = 1;
      subtree[o + T_TRIAGE_OVERDUE]++;
    }
    if (s < SERVICE && age > resolveDays) {
      resolveOverdue[q] = 1;
      subtree[o + T_RESOLVE_OVERDUE]++;
    }
    if (s >= SERVICE) {
      responseDays[q] = dp.dResolved[q] - dp.dReported[q];
      resolvedCount++;
    }
  }

  // bottom-up: children come after parents in a prepared dataset
  for (let u = n - 1; u >= 0; u--) {
    const p = ds.parent[u];
    if (p < 0) continue;
    for (let k = 0; k < DEMAND_TALLY_COUNT; k++) subtree[p * DEMAND_TALLY_COUNT + k] += subtree[u * DEMAND_TALLY_COUNT + k];
  }
  const medianResponseDays = subtreeMedians(ds, dp, state, responseDays, resolvedCount, subtree);
  return { asOf, day, state, triageOverdue, resolveOverdue, responseDays, subtree, medianResponseDays };
}

/**
 * Every subtree's median response time at once, without a sorted list per organisation: the resolved demands are
 * taken in ascending response time and counted into each ancestor of their organisation; the value at which an
 * ancestor's count reaches its middle position (or its two middle positions, for an even count) is its median.
 * O(resolved × depth), like adding the lists up the tree, but with no per-organisation arrays to allocate and sort
 * (a province's 100,000 made this most of the summary's demand figures).
 */
function subtreeMedians(
  ds: PreparedDataset,
  dp: PreparedDemands,
  state: Int8Array,
  responseDays: Int32Array,
  resolvedCount: number,
  subtree: Int32Array,
): Float64Array {
  const n = ds.orgs.length;
  const m = dp.count;
  // resolved demands by response time: (days, position) packed into one exactly representable number
  const keys = new Float64Array(resolvedCount);
  let r = 0;
  for (let q = 0; q < m; q++) if (state[q] >= SERVICE) keys[r++] = responseDays[q] * m + q;
  keys.sort();
  const seen = new Int32Array(n);
  const low = new Float64Array(n).fill(NaN);
  const high = new Float64Array(n).fill(NaN);
  for (let k = 0; k < resolvedCount; k++) {
    const days = Math.floor(keys[k] / m);
    const q = keys[k] - days * m;
    for (let a = dp.dOrg[q]; a >= 0; a = ds.parent[a]) {
      // resolved in a's subtree: the tallies of the outcome states
      const o = a * DEMAND_TALLY_COUNT;
      const total = subtree[o + SERVICE] + subtree[o + POLICY] + subtree[o + DECLINED];
      const c = ++seen[a];
      // 1-based middle positions: (total + 1) / 2 for an odd count, total / 2 and total / 2 + 1 for an even one
      if (c === (total + 1) >> 1) low[a] = days;
      if (c === (total >> 1) + 1) high[a] = days;
    }
  }
  const medians = new Float64Array(n);
  for (let u = 0; u < n; u++) medians[u] = (low[u] + high[u]) / 2;
  return medians;
}

export type DemandTally = Record<DemandTallyName, number> & { medianDays?: number };

/** §12: the subtree tallies of org `u` as a plain object (median undefined when nothing is resolved). */
export function demandTally(res: DemandResult, u: number): DemandTally {
  const out = {} as DemandTally;
  DEMAND_TALLIES.forEach((name, k) => (out[name] = res.subtree[u * DEMAND_TALLY_COUNT + k]));
  const med = res.medianResponseDays[u];
  if (!Number.isNaN(med)) out.medianDays = med;
  return out;
}

/** Is org `v` in the subtree of `u`? (walks up from v; the tree is shallow) */
export function inSubtree(ds: PreparedDataset, u: number, v: number): boolean {
  for (let x = v; x >= 0; x = ds.parent[x]) if (x === u) return true;
  return false;
}

export interface DemandView {
  demand: Demand;
  position: number;
  orgPosition: number;
  state: DemandState;
  triageOverdue: boolean;
  resolveOverdue: boolean;
  /** Days since reported (at D). */
  ageDays: number;
  responseDays?: number;
}

function view(dp: PreparedDemands, res: DemandResult, q: number): DemandView {
  return {
    demand: dp.records[q],
    position: q,
    orgPosition: dp.dOrg[q],
    state: DEMAND_STATES[res.state[q]],
    triageOverdue: res.triageOverdue[q] === 1,
    resolveOverdue: res.resolveOverdue[q] === 1,
    ageDays: res.day - dp.dReported[q],
    responseDays: res.responseDays[q] >= 0 ? res.responseDays[q] : undefined,
  };
}

/** The demands existing at D in the subtree of `u` that pass `keep`, in prepared order. */
export function subtreeDemands(
  ds: PreparedDataset,
  dp: PreparedDemands,
  res: DemandResult,
  u: number,
  keep: (d: DemandView) => boolean = () => true,
): DemandView[] {
  const out: DemandView[] = [];
  for (let q = 0; q < dp.count; q++) {
    if (res.state[q] === NOT_YET || !inSubtree(ds, u, dp.dOrg[q])) continue;
    const v = view(dp, res, q);
    if (keep(v)) out.push(v);
  }
  return out;
}

/** §12 overdue list of the subtree of `u`, oldest first: `triage` (待研判 too long) or `resolve` (not resolved in time). */
export function overdueDemands(
  ds: PreparedDataset,
  dp: PreparedDemands,
  res: DemandResult,
  u: number,
  kind: 'triage' | 'resolve',
): DemandView[] {
  const list = subtreeDemands(ds, dp, res, u, (d) => (kind === 'triage' ? d.triageOverdue : d.resolveOverdue));
  return list.sort((a, b) => b.ageDays - a.ageDays || a.position - b.position);
}

export interface PolicyOutcome {
  demand: Demand;
  position: number;
  /** The organisation that raised it. */
  orgPosition: number;
  responseDays: number;
}

/** §12 政策调整: the demands of `u`'s subtree resolved with a policy change at D, latest resolution first. */
export function policyOutcomes(ds: PreparedDataset, dp: PreparedDemands, res: DemandResult, u = 0): PolicyOutcome[] {
  const out: PolicyOutcome[] = [];
  for (let q = 0; q < dp.count; q++) {
    if (res.state[q] !== POLICY || !inSubtree(ds, u, dp.dOrg[q])) continue;
    out.push({ demand: dp.records[q], position: q, orgPosition: dp.dOrg[q], responseDays: res.responseDays[q] });
  }
  return out.sort((a, b) => dp.dResolved[b.position] - dp.dResolved[a.position] || a.position - b.position);
}

export interface DemandHeatmap {
  /** Topic ids in the config's order (rows). */
  topics: string[];
  /** Org positions of the columns (by default the children of the root: the towns). */
  columns: number[];
  /** `reported[t][k]`: demands existing at D of topic t in the subtree of column k. */
  reported: number[][];
  /** `open[t][k]`: of those, the ones not resolved at D. */
  open: number[][];
}

/**
 * Topic × organisation counts for a heatmap (§12): each demand is counted
 * under the column that is it or its ancestor; demands outside every column's
 * subtree (e.g. reported by the root itself) are not counted.
 */
export function demandHeatmap(
  ds: PreparedDataset,
  dp: PreparedDemands,
  res: DemandResult,
  columns: number[] = rootChildren(ds),
): DemandHeatmap {
  const T = dp.config.topics.length;
  const columnOf = new Map(columns.map((c, k) => [c, k]));
  const reported = Array.from({ length: T }, () => new Array<number>(columns.length).fill(0));
  const open = Array.from({ length: T }, () => new Array<number>(columns.length).fill(0));
  const memo = new Int32Array(ds.orgs.length).fill(-2); // -2 unknown, -1 outside every column
  const colFor = (v: number): number => {
    if (memo[v] !== -2) return memo[v];
    const k = columnOf.get(v);
    const found = k !== undefined ? k : ds.parent[v] < 0 ? -1 : colFor(ds.parent[v]);
    memo[v] = found;
    return found;
  };
  for (let q = 0; q < dp.count; q++) {
    const s = res.state[q];
    if (s === NOT_YET) continue;
    const k = colFor(dp.dOrg[q]);
    if (k < 0) continue;
    reported[dp.dTopic[q]][k]++;
    if (s < SERVICE) open[dp.dTopic[q]][k]++;
  }
  return { topics: dp.config.topics.map((t) => t.id), columns, reported, open };
}

function rootChildren(ds: PreparedDataset): number[] {
  const out: number[] = [];
  for (let u = 0; u < ds.orgs.length; u++) if (ds.parent[u] < 0) out.push(...ds.children[u]);
  return out;
}

export interface HistogramBin {
  /** Inclusive lower and exclusive upper bound, in days. */
  from: number;
  to: number;
  count: number;
}

/**
 * Response-time distribution of the subtree of `u` at D (§12), in bins of
 * `binDays` from 0 to the longest response (empty list when nothing is resolved).
 */
export function responseTimeHistogram(ds: PreparedDataset, dp: PreparedDemands, res: DemandResult, u: number, binDays = 7): HistogramBin[] {
  const days: number[] = [];
  let last = -1;
  for (let q = 0; q < dp.count; q++) {
    const d = res.responseDays[q];
    if (d < 0 || !inSubtree(ds, u, dp.dOrg[q])) continue;
    days.push(d);
    if (d > last) last = d;
  }
  if (days.length === 0) return [];
  const bins: HistogramBin[] = [];
  for (let from = 0; from <= last; from += binDays) bins.push({ from, to: from + binDays, count: 0 });
  for (const d of days) bins[Math.floor(d / binDays)].count++;
  return bins;
}
