/**
 * View models shared by several screens, derived from the computed dashboard.
 * Pure functions of (dataset, result): no React.
 */
import { ALERT_LEVELS, assignmentState, type AlertLevel, type AssignmentState, type OrgScores } from '../engine';
import type { Dashboard } from './dashboard';
import { round2, type CsvCell } from '../lib/csv';

export interface AlertRow extends AssignmentState {
  orgId: string;
  orgName: string;
  /** The organisation's level-1 group (ReadModel.groupOf): its ancestor that is a child of the root. */
  townId?: string;
  townName?: string;
  categoryId: string;
  levelRank: number;
}

/** What the alert selectors read: a dashboard, or the server's summary's own engine run. */
export type AlertSource = Pick<Dashboard, 'ds' | 'result' | 'model'>;

/** Positions of every active assignment with an alert, most urgent first: level, then days overdue, then pace gap. */
export function alertPositions(d: AlertSource): number[] {
  const { ds, result } = d;
  const out: number[] = [];
  for (let a = 0; a < ds.assignmentCount; a++) if (result.aAlert[a] > 0) out.push(a);
  const gap = (a: number) => (Number.isNaN(result.aGap[a]) ? -1e9 : result.aGap[a]);
  // overdue days order like due dates, earliest first
  return out.sort((a, b) => result.aAlert[b] - result.aAlert[a] || ds.aDue[a] - ds.aDue[b] || gap(b) - gap(a));
}

/** One alert as a table row (organisation, its group, indicator, state). */
export function alertRow(d: AlertSource, a: number): AlertRow {
  const { ds, result, model } = d;
  const s = assignmentState(ds, result, a)!;
  const org = ds.orgs[ds.aOrg[a]];
  const town = model.groupOf(org.id);
  return {
    ...s,
    orgId: org.id,
    orgName: org.name,
    townId: town?.id,
    townName: town?.name,
    categoryId: s.indicator.categoryId,
    levelRank: result.aAlert[a],
  };
}

/** Every active assignment with an alert, most urgent first. */
export function alertRows(d: Dashboard): AlertRow[] {
  return alertPositions(d).map((a) => alertRow(d, a));
}

/** The `n` most urgent alerts, without building rows for the rest. */
export function urgentAlerts(d: AlertSource, n: number): AlertRow[] {
  return alertPositions(d).slice(0, n).map((a) => alertRow(d, a));
}

export function countByLevel(rows: { alert: AlertLevel }[]): Record<AlertLevel, number> {
  const out = Object.fromEntries(ALERT_LEVELS.map((l) => [l, 0])) as Record<AlertLevel, number>;
  for (const r of rows) out[r.alert]++;
  return out;
}

export const ORG_CSV_FIXED = ['id', 'name', 'tier', 'parentId', 'index', 'own', 'sub', 'grade', 'rank'];

/** The organisations CSV: `id,name,tier,parentId,index,own,sub,grade,rank,<category ids>,alert`. */
export function orgCsvTable(d: Dashboard, rows: OrgScores[]): { header: string[]; rows: CsvCell[][] } {
  const header = [...ORG_CSV_FIXED, ...d.model.categories.map((c) => c.id), 'alert'];
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
