/**
 * The overview's first screen as data (extension `GET /v1/summary`, docs/api.md): the root and its children
 * (scores, grades, ranks, categories, alert and stage tallies), the root's trend, the leaf tier's grade counts and
 * the most urgent alerts. Built from the same read model and selectors the overview uses, so the server's answer
 * is what the browser would compute; pure, no React — the server runs it through tsx.
 */
import type { Meta } from '../api/schemas';
import type { Summary, SummaryOrg } from '../api/summary';
import {
  computeDemands,
  computeIndex,
  demandTally,
  orgTrend,
  prepareDemands,
  trendDates,
  type DemandTally,
  type IndexResult,
  type PreparedDemands,
} from '../engine';
import { gradeCounts } from './chartInputs';
import { ReadModel } from './model';
import type { PreparedYear } from './prepareYear';
import { urgentAlertsVaried } from './selectors';

/** How many urgent alerts the overview lists, and at most how many per indicator (one widespread late indicator must not hide every other). */
export const URGENT_COUNT = 12;
export const URGENT_PER_INDICATOR = 2;

/** The overview's demand card (§12 over the root's subtree at D): reported, open (not resolved), overdue (past the resolution time). */
export interface DemandKpiFigures {
  reported: number;
  open: number;
  overdue: number;
}

export const demandKpi = (t: DemandTally): DemandKpiFigures => ({
  reported: t.reported,
  open: t.untriaged + t.analysing,
  overdue: t.resolveOverdue,
});

const orNull = <T>(v: T | undefined): T | null => (v === undefined ? null : v);

/** A year's demands indexed once (§12 does not depend on the date): a server answering several dates reuses them. */
const demandsPrepared = new WeakMap<PreparedYear, PreparedDemands | null>();
function preparedDemandsOf(prepared: PreparedYear): PreparedDemands | null {
  let dp = demandsPrepared.get(prepared);
  if (dp === undefined) {
    const config = prepared.methodology.demands;
    dp = prepared.demands && config ? prepareDemands(prepared.ds, config, prepared.demands) : null;
    demandsPrepared.set(prepared, dp);
  }
  return dp;
}

function summaryOrg(model: ReadModel, id: string): SummaryOrg {
  const s = model.scores(id);
  return {
    id,
    name: s.org.name,
    tier: s.org.tier,
    parentId: s.org.parentId,
    members: s.org.members,
    index: orNull(s.index),
    own: orNull(s.own),
    sub: orNull(s.sub),
    grade: orNull(s.grade),
    gradeIndex: s.gradeIndex,
    rankInTier: orNull(s.rankInTier),
    rankAmongSiblings: orNull(s.rankAmongSiblings),
    categories: s.categories.map(orNull),
    ownAlert: s.ownAlert,
    alerts: model.alertTally(id),
    orgAlerts: model.orgAlertTally(id),
    stages: model.stageTally(id),
  };
}

/**
 * `resultAt`: a cache of results by date for this prepared year — month ends do not depend on the as-of date, so a
 * server computing summaries at several dates computes each month end once.
 */
export function buildSummary(
  meta: Meta,
  year: number,
  asOf: string,
  prepared: PreparedYear,
  resultAt: (date: string) => IndexResult = (date) => computeIndex(prepared.ds, date),
): Summary {
  const { ds } = prepared;
  const result = resultAt(asOf);
  const model = new ReadModel(ds, result);
  const root = model.rootId;
  const dates = trendDates(asOf);
  const trend = { dates, results: dates.map(resultAt) };
  const dp = preparedDemandsOf(prepared);
  const demands = dp ? demandKpi(demandTally(computeDemands(ds, dp, asOf), model.position(root))) : null;
  return {
    year,
    asOf,
    generatedAt: meta.generatedAt,
    scope: meta.scope?.orgId ?? null,
    tiers: model.tiers,
    categories: model.categories.map((c) => ({ id: c.id, name: c.name })),
    gradeBands: model.gradeBands.map((b) => ({ grade: b.grade, min: b.min })),
    tierCounts: model.tiers.map((_, k) => model.idsInTier(k).length),
    root: summaryOrg(model, root),
    groups: model.groups().map((id) => summaryOrg(model, id)),
    trend: { dates: trend.dates, root: orgTrend(trend, model.position(root)).map(orNull) },
    leafGrades: gradeCounts(model, model.idsInTier(model.leafTier)).map((g) => ({
      grade: orNull(g.grade),
      gradeIndex: g.gradeIndex,
      count: g.count,
    })),
    demands,
    urgent: urgentAlertsVaried({ ds, result, model }, URGENT_COUNT, URGENT_PER_INDICATOR).map((a) => ({
      orgId: a.orgId,
      orgName: a.orgName,
      townId: orNull(a.townId),
      townName: orNull(a.townName),
      indicatorId: a.indicator.id,
      indicatorName: a.indicator.name,
      alert: a.alert as Summary['urgent'][number]['alert'],
      overdueDays: a.overdueDays,
      paceGap: orNull(a.paceGap),
    })),
  };
}
