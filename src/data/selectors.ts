/**
 * View models shared by several screens, derived from the computed dashboard.
 * Pure functions of (dataset, result): no React.
 */
import { ALERT_LEVELS, assignmentState, orgScores, type AlertLevel, type AssignmentState, type OrgScores } from '../engine';
import type { Dashboard } from './dashboard';
import { round2, type CsvCell } from '../lib/csv';

export interface AlertRow extends AssignmentState {
  orgPosition: number;
  orgId: string;
  orgName: string;
  /** The town-tier ancestor (tier index 1), when there is one. */
  townId?: string;
  townName?: string;
  categoryId: string;
  levelRank: number;
}

/** The ancestor at tier position 1 (镇街) of an org, or undefined for the root. */
export function townOf(d: Dashboard, u: number): number | undefined {
  let v = u;
  while (v >= 0 && d.ds.tier[v] > 1) v = d.ds.parent[v];
  return v >= 0 && d.ds.tier[v] === 1 ? v : undefined;
}

/** Positions of every active assignment with an alert, most urgent first: level, then days overdue, then pace gap. */
export function alertPositions(d: Dashboard): number[] {
  const { ds, result } = d;
  const out: number[] = [];
  for (let a = 0; a < ds.assignmentCount; a++) if (result.aAlert[a] > 0) out.push(a);
  const gap = (a: number) => (Number.isNaN(result.aGap[a]) ? -1e9 : result.aGap[a]);
  // overdue days order like due dates, earliest first
  return out.sort((a, b) => result.aAlert[b] - result.aAlert[a] || ds.aDue[a] - ds.aDue[b] || gap(b) - gap(a));
}

/** One alert as a table row (org, town, indicator, state). */
export function alertRow(d: Dashboard, a: number, townCache?: Int32Array): AlertRow {
  const { ds, result } = d;
  const s = assignmentState(ds, result, a)!;
  const u = ds.aOrg[a];
  let town: number | undefined;
  if (townCache) {
    if (townCache[u] === -2) townCache[u] = townOf(d, u) ?? -1;
    town = townCache[u] >= 0 ? townCache[u] : undefined;
  } else town = townOf(d, u);
  return {
    ...s,
    orgPosition: u,
    orgId: ds.orgs[u].id,
    orgName: ds.orgs[u].name,
    townId: town !== undefined ? ds.orgs[town].id : undefined,
    townName: town !== undefined ? ds.orgs[town].name : undefined,
    categoryId: s.indicator.categoryId,
    levelRank: result.aAlert[a],
  };
}

/** Every active assignment with an alert, most urgent first. */
export function alertRows(d: Dashboard): AlertRow[] {
  const townCache = new Int32Array(d.ds.orgs.length).fill(-2);
  return alertPositions(d).map((a) => alertRow(d, a, townCache));
}

/** The `n` most urgent alerts, without building rows for the rest. */
export function urgentAlerts(d: Dashboard, n: number): AlertRow[] {
  return alertPositions(d).slice(0, n).map((a) => alertRow(d, a));
}

export function countByLevel(rows: { alert: AlertLevel }[]): Record<AlertLevel, number> {
  const out = Object.fromEntries(ALERT_LEVELS.map((l) => [l, 0])) as Record<AlertLevel, number>;
  for (const r of rows) out[r.alert]++;
  return out;
}

/** Grade counts over some orgs, best band first, then ungraded. */
export function gradeCounts(d: Dashboard, positions: number[]): { label: string; count: number; gradeIndex: number }[] {
  const bands = d.result.gradeBands;
  const counts = new Array(bands.length + 1).fill(0);
  for (const u of positions) {
    if (Number.isNaN(d.result.index[u])) continue;
    const g = d.result.grade[u];
    counts[g >= 0 ? g : bands.length]++;
  }
  return [...bands.map((b, k) => ({ label: b.grade, count: counts[k], gradeIndex: k })), { label: '', count: counts[bands.length], gradeIndex: -1 }];
}

export function positionsInTier(d: Dashboard, tier: number): number[] {
  const out: number[] = [];
  for (let u = 0; u < d.ds.orgs.length; u++) if (d.ds.tier[u] === tier) out.push(u);
  return out;
}

export function allScores(d: Dashboard): OrgScores[] {
  return d.ds.orgs.map((_, u) => orgScores(d.ds, d.result, u));
}

export const ORG_CSV_FIXED = ['id', 'name', 'tier', 'parentId', 'index', 'own', 'sub', 'grade', 'rank'];

/** The organisations CSV: `id,name,tier,parentId,index,own,sub,grade,rank,<category ids>,alert`. */
export function orgCsvTable(d: Dashboard, rows: OrgScores[]): { header: string[]; rows: CsvCell[][] } {
  const header = [...ORG_CSV_FIXED, ...d.ds.categories.map((c) => c.id), 'alert'];
  return {
    header,
    rows: rows.map((s) => [
      s.org.id, s.org.name, s.org.tier, s.org.parentId ?? '',
      round2(s.index), round2(s.own), round2(s.sub), s.grade ?? '', s.rankInTier,
      ...s.categories.map(round2),
      s.ownAlert,
    ]),
  };
}
