/**
 * Index a validated dataset once: orgs in root-first order with parent and
 * tier positions, indicators and categories by position, assignments grouped by
 * org with their dates as day numbers, and progress in flat arrays. Every
 * as-of computation then runs over typed arrays without touching strings.
 */
import type { Assignment, Category, Indicator, Methodology, Org, Tier } from '../api/schemas';
import type { AssignmentDays, AssignmentSink } from '../api/validate';
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
  orgIndex: ReadonlyMap<string, number>;
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

/** The part of a prepared dataset that does not depend on the assignments: the tree and the methodology by position. */
export type PreparedTree = Omit<
  PreparedDataset,
  | 'assignmentCount'
  | 'orgStart'
  | 'aOrg'
  | 'aIndicator'
  | 'aTarget'
  | 'aDue'
  | 'aIssued'
  | 'aClaimed'
  | 'aReported'
  | 'aEvaluated'
  | 'aExempt'
  | 'progressStart'
  | 'progressDay'
  | 'progressValue'
>;

/**
 * @param orgs validated orgs, root first (as `validateOrgs` returns them); any
 *   order where parents precede children works.
 * @param orgIndex each org's position in `orgs` by id, when validation has it already (`keptIndex`)
 */
export function prepareTree(methodology: Methodology, tiers: Tier[], orgs: Org[], orgIndex?: ReadonlyMap<string, number>): PreparedTree {
  const n = orgs.length;
  if (!orgIndex) {
    const index = new Map<string, number>();
    for (let i = 0; i < n; i++) index.set(orgs[i].id, i);
    orgIndex = index;
  }
  const tierIndex = new Map(tiers.map((t, i) => [t.id, i]));

  const parent = new Int32Array(n);
  const tier = new Int32Array(n);
  const members = new Float64Array(n);
  const childStart = new Int32Array(n + 1);
  for (let i = 0; i < n; i++) {
    const o = orgs[i];
    const p = o.parentId === null ? -1 : (orgIndex.get(o.parentId) ?? -1);
    if (p >= i) throw new Error(`prepareDataset: org ${o.id} comes before its parent`);
    parent[i] = p;
    tier[i] = tierIndex.get(o.tier) ?? -1;
    members[i] = o.members;
    if (p >= 0) childStart[p + 1]++;
  }
  // every org's children are views of one array: a province's 100,000 orgs would otherwise be 100,000 buffers
  for (let i = 0; i < n; i++) childStart[i + 1] += childStart[i];
  const childList = new Int32Array(childStart[n]);
  const fill = childStart.slice(0, n);
  for (let i = 1; i < n; i++) if (parent[i] >= 0) childList[fill[parent[i]]++] = i;
  const children: Int32Array[] = new Array(n);
  for (let i = 0; i < n; i++) children[i] = childList.subarray(childStart[i], childStart[i + 1]);

  const categories = methodology.categories;
  const categoryIndex = new Map(categories.map((c, i) => [c.id, i]));
  const categoryWeight = Float64Array.from(categories, (c) => c.weight);
  const indicators = methodology.indicators;
  const indicatorIndex = new Map(indicators.map((ind, i) => [ind.id, i]));
  const indicatorCategory = Int32Array.from(indicators, (ind) => categoryIndex.get(ind.categoryId) ?? -1);
  const indicatorWeight = Float64Array.from(indicators, (ind) => ind.weight);
  const indicatorScoring = Uint8Array.from(indicators, (ind) => SCORINGS.indexOf(ind.scoring));
  const indicatorPenalty = Float64Array.from(indicators, (ind) => ind.penalty ?? 0);

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
  };
}

/**
 * Collects valid assignments as record validation passes them (`validateDatasetInto`), straight into a prepared
 * dataset's arrays: org and indicator by position, dates as day numbers, progress in flat arrays, grouped by org
 * in the order they came (what a stable sort by org gives). So a province's 1.5 M records are read once for
 * validation and indexing together, with no per-record objects and no staging copy.
 *
 * How: a first light pass over the payload counts, per kept org, the records naming it and their progress
 * entries — an upper bound of what validation will pass — and gives each org that much room. Records then land
 * in their org's room; `finish` closes the gaps left by excluded records (none, usually) by moving later orgs'
 * entries down, in place.
 */
export class AssignmentCollector implements AssignmentSink {
  private readonly out: ReturnType<typeof assignmentArrays>;
  /** Per org: first slot of its room, next free slot; the same for its progress entries. */
  private readonly roomStart: Int32Array;
  private readonly next: Int32Array;
  private readonly eventRoomStart: Int32Array;
  private readonly nextEvent: Int32Array;
  // a payload lists an org's assignments together: one Map lookup per run of equal orgIds, not per record
  private lastOrg: string | undefined;
  private lastU = -1;

  /** @param assignments the payload validation will go through (or the records to prepare): only sized here */
  constructor(
    private readonly tree: PreparedTree,
    assignments: readonly unknown[],
  ) {
    const n = tree.orgs.length;
    const records = new Int32Array(n + 1);
    const events = new Int32Array(n + 1);
    let lastOrg: unknown;
    let u: number | undefined;
    for (let i = 0; i < assignments.length; i++) {
      const a = assignments[i] as { orgId?: unknown; progress?: unknown } | null;
      if (typeof a !== 'object' || a === null) continue;
      const orgId = a.orgId;
      if (orgId !== lastOrg) {
        lastOrg = orgId;
        u = typeof orgId === 'string' ? tree.orgIndex.get(orgId) : undefined;
      }
      if (u === undefined) continue; // not a kept org: validation excludes it
      records[u + 1]++;
      if (Array.isArray(a.progress)) events[u + 1] += a.progress.length;
    }
    for (let v = 0; v < n; v++) {
      records[v + 1] += records[v];
      events[v + 1] += events[v];
    }
    this.roomStart = records;
    this.next = records.slice(0, n);
    this.eventRoomStart = events;
    this.nextEvent = events.slice(0, n);
    this.out = assignmentArrays(records[n], events[n]);
  }

  add(a: Assignment, indicator: number, days: AssignmentDays): void {
    if (a.orgId !== this.lastOrg) {
      const u = this.tree.orgIndex.get(a.orgId);
      if (u === undefined) throw new Error(`prepareDataset: unknown org ${a.orgId}`);
      this.lastOrg = a.orgId;
      this.lastU = u;
    }
    const u = this.lastU;
    const r = this.next[u]++;
    let e = this.nextEvent[u];
    const k = days.events;
    if (r >= this.roomStart[u + 1] || e + k > this.eventRoomStart[u + 1])
      throw new Error(`prepareDataset: more assignments for ${a.orgId} than the payload holds`);
    const out = this.out;
    out.aOrg[r] = u;
    out.aIndicator[r] = indicator;
    out.aTarget[r] = a.target;
    const d = days.dates;
    out.aDue[r] = d[0];
    out.aIssued[r] = d[1];
    out.aClaimed[r] = d[2];
    out.aReported[r] = d[3];
    out.aEvaluated[r] = d[4];
    out.aExempt[r] = d[5];
    out.progressStart[r] = e;
    const progressDay = days.progressDay;
    const progressValue = days.progressValue;
    for (let j = 0; j < k; j++, e++) {
      out.progressDay[e] = progressDay[j];
      out.progressValue[e] = progressValue[j];
    }
    this.nextEvent[u] = e;
  }

  /** The prepared dataset: the tree and the assignments grouped by org, each org's in the order they came. */
  finish(): PreparedDataset {
    const n = this.tree.orgs.length;
    const { roomStart, next, eventRoomStart, nextEvent } = this;
    const {
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
    } = this.out;
    const orgStart = new Int32Array(n + 1);
    let m = 0; // records kept so far: where the next org's go
    let events = 0;
    for (let u = 0; u < n; u++) {
      const from = roomStart[u];
      const count = next[u] - from;
      const eventFrom = eventRoomStart[u];
      const eventCount = nextEvent[u] - eventFrom;
      orgStart[u] = m;
      if (from !== m) {
        // earlier orgs left room unused (excluded records): move this org's entries down, over it
        aOrg.copyWithin(m, from, from + count);
        aIndicator.copyWithin(m, from, from + count);
        aTarget.copyWithin(m, from, from + count);
        aDue.copyWithin(m, from, from + count);
        aIssued.copyWithin(m, from, from + count);
        aClaimed.copyWithin(m, from, from + count);
        aReported.copyWithin(m, from, from + count);
        aEvaluated.copyWithin(m, from, from + count);
        aExempt.copyWithin(m, from, from + count);
        progressStart.copyWithin(m, from, from + count);
      }
      if (eventFrom !== events) {
        progressDay.copyWithin(events, eventFrom, eventFrom + eventCount);
        progressValue.copyWithin(events, eventFrom, eventFrom + eventCount);
        for (let a = m; a < m + count; a++) progressStart[a] -= eventFrom - events;
      }
      m += count;
      events += eventCount;
    }
    orgStart[n] = m;
    progressStart[m] = events;
    // each view as long as what was kept (the buffer keeps the unused room at its end, if any)
    return {
      ...this.tree,
      assignmentCount: m,
      orgStart,
      aOrg: aOrg.subarray(0, m),
      aIndicator: aIndicator.subarray(0, m),
      aTarget: aTarget.subarray(0, m),
      aDue: aDue.subarray(0, m),
      aIssued: aIssued.subarray(0, m),
      aClaimed: aClaimed.subarray(0, m),
      aReported: aReported.subarray(0, m),
      aEvaluated: aEvaluated.subarray(0, m),
      aExempt: aExempt.subarray(0, m),
      progressStart: progressStart.subarray(0, m + 1),
      progressDay: progressDay.subarray(0, events),
      progressValue: progressValue.subarray(0, events),
    };
  }
}

/**
 * @param orgs validated orgs, root first (as `validateOrgs` returns them); any
 *   order where parents precede children works.
 * @param assignments validated assignments (known org and indicator). Production goes through `prepareYear`,
 *   which validates and prepares in one pass; this is for records validated already (tests, tools).
 */
export function prepareDataset(methodology: Methodology, tiers: Tier[], orgs: Org[], assignments: Assignment[]): PreparedDataset {
  const tree = prepareTree(methodology, tiers, orgs);
  const collector = new AssignmentCollector(tree, assignments);
  const days: AssignmentDays = {
    dates: new Int32Array(6),
    progressDay: new Int32Array(16),
    progressValue: new Float64Array(16),
    events: 0,
  };
  let lastIndicator: string | undefined;
  let ind = -1;
  for (const x of assignments) {
    if (x.indicatorId !== lastIndicator) {
      const k = tree.indicatorIndex.get(x.indicatorId);
      if (k === undefined) throw new Error(`prepareDataset: unknown indicator ${x.indicatorId}`);
      lastIndicator = x.indicatorId;
      ind = k;
    }
    days.dates[0] = dayNumber(x.due);
    days.dates[1] = dayNumber(x.issuedAt);
    days.dates[2] = dayNumberOrNever(x.claimedAt);
    days.dates[3] = dayNumberOrNever(x.reportedAt);
    days.dates[4] = dayNumberOrNever(x.evaluatedAt);
    days.dates[5] = dayNumberOrNever(x.exemptAt);
    const progress = x.progress;
    if (progress.length > days.progressDay.length) {
      days.progressDay = new Int32Array(2 * progress.length);
      days.progressValue = new Float64Array(2 * progress.length);
    }
    for (let k = 0; k < progress.length; k++) {
      days.progressDay[k] = dayNumber(progress[k].date);
      days.progressValue[k] = progress[k].value;
    }
    days.events = progress.length;
    collector.add(x, ind, days);
  }
  return collector.finish();
}
