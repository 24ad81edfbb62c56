/**
 * Index a validated dataset once: orgs in root-first order with parent and
 * tier positions, indicators and categories by position, assignments grouped by
 * org with their dates as day numbers, and progress in flat arrays. Every
 * as-of computation then runs over typed arrays without touching strings.
 */
import type { Assignment, Category, Indicator, Methodology, Org, Tier } from '../api/schemas';
import { Block } from './block';
import { dayNumber, dayNumberOrNever } from './dates';
import { SCORINGS } from './levels';

export interface PreparedDataset {
  methodology: Methodology;
  tiers: Tier[];
  categories: Category[];
  indicators: Indicator[];
  /** Root first; every parent comes before its children. */
  orgs: Org[];
  orgIndex: Map<string, number>;
  parent: Int32Array;
  tier: Int32Array;
  members: Float64Array;
  /** Children of each org, by position. */
  children: Int32Array[];
  categoryWeight: Float64Array;
  indicatorIndex: Map<string, number>;
  indicatorCategory: Int32Array;
  indicatorWeight: Float64Array;
  indicatorScoring: Uint8Array;
  indicatorPenalty: Float64Array;
  /**
   * Assignments grouped by org: org u owns `[orgStart[u], orgStart[u + 1])`.
   * Held as typed arrays only (no objects), so a prepared dataset moves from a
   * Web Worker by transfer; `assignmentRecord` in views.ts rebuilds one record.
   */
  assignmentCount: number;
  orgStart: Int32Array;
  aOrg: Int32Array;
  aIndicator: Int32Array;
  aTarget: Float64Array;
  aDue: Int32Array;
  aIssued: Int32Array;
  aClaimed: Int32Array;
  aReported: Int32Array;
  aEvaluated: Int32Array;
  aExempt: Int32Array;
  /** Progress of assignment a: `[progressStart[a], progressStart[a + 1])`. */
  progressStart: Int32Array;
  progressDay: Int32Array;
  progressValue: Float64Array;
}

/**
 * A prepared dataset's per-assignment arrays for `m` assignments with `events` progress entries, zeroed, in one
 * buffer (see Block): the widest views first, so each stays aligned.
 */
export function assignmentArrays(m: number, events: number) {
  const block = new Block(m + events, 8 * m + (m + 1) + events, 0);
  return {
    aTarget: block.f64(m),
    progressValue: block.f64(events),
    aIndicator: block.i32(m),
    aDue: block.i32(m),
    aIssued: block.i32(m),
    aClaimed: block.i32(m),
    aReported: block.i32(m),
    aEvaluated: block.i32(m),
    aExempt: block.i32(m),
    progressStart: block.i32(m + 1),
    progressDay: block.i32(events),
    aOrg: block.i32(m),
  };
}

/**
 * @param orgs validated orgs, root first (as `validateOrgs` returns them); any
 *   order where parents precede children works.
 * @param assignments validated assignments (known org and indicator).
 */
export function prepareDataset(methodology: Methodology, tiers: Tier[], orgs: Org[], assignments: Assignment[]): PreparedDataset {
  const n = orgs.length;
  const orgIndex = new Map<string, number>();
  orgs.forEach((o, i) => orgIndex.set(o.id, i));
  const tierIndex = new Map(tiers.map((t, i) => [t.id, i]));

  const parent = new Int32Array(n);
  const tier = new Int32Array(n);
  const members = new Float64Array(n);
  const childCount = new Int32Array(n);
  for (let i = 0; i < n; i++) {
    const o = orgs[i];
    const p = o.parentId === null ? -1 : (orgIndex.get(o.parentId) ?? -1);
    if (p >= i) throw new Error(`prepareDataset: org ${o.id} comes before its parent`);
    parent[i] = p;
    tier[i] = tierIndex.get(o.tier) ?? -1;
    members[i] = o.members;
    if (p >= 0) childCount[p]++;
  }
  const children = Array.from(childCount, (c) => new Int32Array(c));
  const fill = new Int32Array(n);
  for (let i = 1; i < n; i++) if (parent[i] >= 0) children[parent[i]][fill[parent[i]]++] = i;

  const categories = methodology.categories;
  const categoryIndex = new Map(categories.map((c, i) => [c.id, i]));
  const categoryWeight = Float64Array.from(categories, (c) => c.weight);
  const indicators = methodology.indicators;
  const indicatorIndex = new Map(indicators.map((ind, i) => [ind.id, i]));
  const indicatorCategory = Int32Array.from(indicators, (ind) => categoryIndex.get(ind.categoryId) ?? -1);
  const indicatorWeight = Float64Array.from(indicators, (ind) => ind.weight);
  const indicatorScoring = Uint8Array.from(indicators, (ind) => SCORINGS.indexOf(ind.scoring));
  const indicatorPenalty = Float64Array.from(indicators, (ind) => ind.penalty ?? 0);

  // counting sort of assignments by org position (stable)
  const m = assignments.length;
  const orgStart = new Int32Array(n + 1);
  const owner = new Int32Array(m);
  // a payload lists an org's assignments together: one Map lookup per run of equal orgIds, not per record
  let lastOrg: string | undefined;
  let lastU = -1;
  let events = 0;
  for (let a = 0; a < m; a++) {
    const x = assignments[a];
    if (x.orgId !== lastOrg) {
      const u = orgIndex.get(x.orgId);
      if (u === undefined) throw new Error(`prepareDataset: unknown org ${x.orgId}`);
      lastOrg = x.orgId;
      lastU = u;
    }
    owner[a] = lastU;
    orgStart[lastU + 1]++;
    events += x.progress.length;
  }
  for (let u = 0; u < n; u++) orgStart[u + 1] += orgStart[u];
  const cursor = orgStart.slice(0, n);
  const sorted: Assignment[] = new Array(m);
  // the owner found above goes with the record (below): no second Map lookup by id (1.5M of them in a province)

  const { aTarget, progressValue, aIndicator, aDue, aIssued, aClaimed, aReported, aEvaluated, aExempt, progressStart, progressDay, aOrg } =
    assignmentArrays(m, events);
  for (let a = 0; a < m; a++) {
    const to = cursor[owner[a]]++;
    sorted[to] = assignments[a];
    aOrg[to] = owner[a];
  }
  let e = 0;
  let lastIndicator: string | undefined;
  let ind = -1;
  for (let a = 0; a < m; a++) {
    const x = sorted[a];
    if (x.indicatorId !== lastIndicator) {
      const k = indicatorIndex.get(x.indicatorId);
      if (k === undefined) throw new Error(`prepareDataset: unknown indicator ${x.indicatorId}`);
      lastIndicator = x.indicatorId;
      ind = k;
    }
    aIndicator[a] = ind;
    aTarget[a] = x.target;
    aDue[a] = dayNumber(x.due);
    aIssued[a] = dayNumber(x.issuedAt);
    aClaimed[a] = dayNumberOrNever(x.claimedAt);
    aReported[a] = dayNumberOrNever(x.reportedAt);
    aEvaluated[a] = dayNumberOrNever(x.evaluatedAt);
    aExempt[a] = dayNumberOrNever(x.exemptAt);
    progressStart[a] = e;
    for (const ev of x.progress) {
      progressDay[e] = dayNumber(ev.date);
      progressValue[e] = ev.value;
      e++;
    }
  }
  progressStart[m] = e;

  return {
    methodology,
    tiers,
    categories,
    indicators,
    orgs,
    orgIndex,
    parent,
    tier,
    members,
    children,
    categoryWeight,
    indicatorIndex,
    indicatorCategory,
    indicatorWeight,
    indicatorScoring,
    indicatorPenalty,
    assignmentCount: m,
    orgStart,
    aOrg,
    aIndicator,
    aTarget,
    aDue,
    aIssued,
    aClaimed,
    aReported,
    aEvaluated,
    aExempt,
    progressStart,
    progressDay,
    progressValue,
  };
}
