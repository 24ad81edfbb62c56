/**
 * Plain-object views of an `IndexResult` for the UI and tests: NaN becomes
 * `undefined`, positions become ids and names, levels become their names.
 */
import type { Assignment, Indicator, Org } from '../api/schemas';
import { ALERT_LEVELS, STAGES, type AlertLevel, type Stage } from './levels';
import { isoDate, NEVER } from './dates';
import { LEVEL_COUNT, STAGE_COUNT, type IndexResult } from './compute';
import type { PreparedDataset } from './prepare';

export const defined = (v: number): number | undefined => (Number.isNaN(v) ? undefined : v);

export interface OrgScores {
  org: Org;
  position: number;
  own?: number;
  sub?: number;
  index?: number;
  /** Category scores in methodology order. */
  categories: (number | undefined)[];
  ownCategories: (number | undefined)[];
  grade?: string;
  /** Position of the grade among the bands, best first; -1 when ungraded or without an index. */
  gradeIndex: number;
  rankInTier?: number;
  rankAmongSiblings?: number;
  ownAlert: AlertLevel;
}

export function orgScores(ds: PreparedDataset, r: IndexResult, u: number): OrgScores {
  const C = ds.categories.length;
  const categories: (number | undefined)[] = [];
  const ownCategories: (number | undefined)[] = [];
  for (let c = 0; c < C; c++) {
    categories.push(defined(r.category[u * C + c]));
    ownCategories.push(defined(r.ownCategory[u * C + c]));
  }
  return {
    org: ds.orgs[u],
    position: u,
    own: defined(r.own[u]),
    sub: defined(r.sub[u]),
    index: defined(r.index[u]),
    categories,
    ownCategories,
    grade: r.grade[u] >= 0 ? r.gradeBands[r.grade[u]].grade : undefined,
    gradeIndex: r.grade[u],
    rankInTier: r.rankInTier[u] || undefined,
    rankAmongSiblings: r.rankAmongSiblings[u] || undefined,
    ownAlert: ALERT_LEVELS[r.ownAlert[u]],
  };
}

export type LevelTally = Record<AlertLevel, number>;
export type StageTally = Record<Stage, number>;

function tally<K extends string>(names: readonly K[], arr: Int32Array, u: number, width: number): Record<K, number> {
  const out = {} as Record<K, number>;
  names.forEach((name, k) => (out[name] = arr[u * width + k]));
  return out;
}

/** Active assignments per alert level over the org and all its descendants. */
export const subtreeAlertTally = (r: IndexResult, u: number): LevelTally => tally(ALERT_LEVELS, r.subtreeAlerts, u, LEVEL_COUNT);
/** Organisations per own alert level over the subtree. */
export const subtreeOrgAlertTally = (r: IndexResult, u: number): LevelTally => tally(ALERT_LEVELS, r.subtreeOrgAlerts, u, LEVEL_COUNT);
/** Assignments per workflow stage over the subtree. */
export const subtreeStageTally = (r: IndexResult, u: number): StageTally => tally(STAGES, r.subtreeStages, u, STAGE_COUNT);

export interface AssignmentState {
  assignment: Assignment;
  indicator: Indicator;
  position: number;
  stage: Stage;
  actual: number;
  score: number;
  done: boolean;
  alert: AlertLevel;
  /** Percentage points behind 序时进度 (ratio only). */
  paceGap?: number;
  /** Days past due (negative: days left). */
  overdueDays: number;
}

/** The assignments of org `u` that exist at the as-of date (exempt ones included, with no score). */
export function orgAssignments(ds: PreparedDataset, r: IndexResult, u: number): AssignmentState[] {
  const out: AssignmentState[] = [];
  for (let a = ds.orgStart[u]; a < ds.orgStart[u + 1]; a++) {
    const s = assignmentState(ds, r, a);
    if (s) out.push(s);
  }
  return out;
}

export function assignmentState(ds: PreparedDataset, r: IndexResult, a: number): AssignmentState | undefined {
  const stage = r.aStage[a];
  if (stage < 0) return undefined;
  return {
    assignment: assignmentRecord(ds, a),
    indicator: ds.indicators[ds.aIndicator[a]],
    position: a,
    stage: STAGES[stage],
    actual: r.aActual[a],
    score: r.aScore[a],
    done: r.aDone[a] === 1,
    alert: r.aAlert[a] >= 0 ? ALERT_LEVELS[r.aAlert[a]] : 'none',
    paceGap: defined(r.aGap[a]),
    overdueDays: r.day - ds.aDue[a],
  };
}

/** Positions of `u` and all its descendants (root-first order). */
export function subtreePositions(ds: PreparedDataset, u: number): number[] {
  const out = [u];
  for (let k = 0; k < out.length; k++) for (const c of ds.children[out[k]]) out.push(c);
  return out;
}

/** Positions from the root down to `u`. */
export function ancestry(ds: PreparedDataset, u: number): number[] {
  const path: number[] = [];
  for (let v = u; v >= 0; v = ds.parent[v]) path.push(v);
  return path.reverse();
}

const isoOrNull = (day: number): string | null => (day === NEVER ? null : isoDate(day));

/** Assignment `a` (prepared order) in the API's shape, rebuilt from the typed arrays. */
export function assignmentRecord(ds: PreparedDataset, a: number): Assignment {
  const progress = [];
  for (let e = ds.progressStart[a]; e < ds.progressStart[a + 1]; e++)
    progress.push({ date: isoDate(ds.progressDay[e]), value: ds.progressValue[e] });
  return {
    orgId: ds.orgs[ds.aOrg[a]].id,
    indicatorId: ds.indicators[ds.aIndicator[a]].id,
    target: ds.aTarget[a],
    due: isoDate(ds.aDue[a]),
    issuedAt: isoDate(ds.aIssued[a]),
    claimedAt: isoOrNull(ds.aClaimed[a]),
    reportedAt: isoOrNull(ds.aReported[a]),
    evaluatedAt: isoOrNull(ds.aEvaluated[a]),
    exemptAt: isoOrNull(ds.aExempt[a]),
    progress,
  };
}

/** Position of the assignment of an indicator to an org, or -1. */
export function assignmentPosition(ds: PreparedDataset, orgId: string, indicatorId: string): number {
  const u = ds.orgIndex.get(orgId);
  const i = ds.indicatorIndex.get(indicatorId);
  if (u === undefined || i === undefined) return -1;
  for (let a = ds.orgStart[u]; a < ds.orgStart[u + 1]; a++) if (ds.aIndicator[a] === i) return a;
  return -1;
}
