/**
 * What the overview shows, as one object: built either from the server's summary (extension GET /v1/summary) or
 * from the full year in the browser. The overview renders this and never learns which: with the summary it paints
 * before the year arrives, and it keeps painting from the summary after the year is there (the same numbers — a
 * server test compares them), so the year's arrival repaints nothing. What only the full year can answer (a second
 * organisation on the radar, a comparison year, another date) switches the page to the browser's own numbers.
 */
import { useMemo } from 'react';
import type { Summary } from '../api/summary';
import type { GradeBand, LocalizedName, Tier } from '../api/schemas';
import type { AlertLevel, LevelTally, OrgScores, StageTally } from '../engine';
import {
  gradeCounts,
  heatmapRows,
  rankedItems,
  useTrendSeries,
  type GradeCount,
  type HeatmapRow,
  type RadarSeries,
  type RankedItem,
} from './chartInputs';
import { useComparisonTrend } from './compare';
import type { Dashboard } from './dashboard';
import { urgentAlertsVaried } from './selectors';
import { childrenTier } from './tiers';
import { SummaryModel } from './summaryModel';
import { demandKpi, URGENT_COUNT, URGENT_PER_INDICATOR, type DemandKpiFigures } from './summary';

export interface UrgentItem {
  key: string;
  orgId: string;
  orgName: string;
  townId?: string;
  townName?: string;
  indicatorName: LocalizedName;
  alert: Exclude<AlertLevel, 'none'>;
  overdueDays: number;
  paceGap?: number;
}

/** The same figures on the same day of the comparison year (methodology §13), when one is on. */
export interface OverviewPrevious {
  year: number;
  root?: OrgScores;
  alerts?: LevelTally;
  stages?: StageTally;
  grades?: GradeCount[];
  /** Leaf organisations whose grade went up / down. */
  gradesUp: number;
  gradesDown: number;
}

export interface OverviewTrend {
  dates: string[];
  series: RadarSeries[];
  /** §13: the comparison year's lines, and the 序时 pace line's values (absent without a comparison). */
  previous?: RadarSeries[];
}

export interface OverviewData {
  /** A scoped session: the root is the session's organisation, not the district. */
  scoped: boolean;
  rootId: string;
  root: OrgScores;
  tiers: Tier[];
  /** The tier of the root's children (`childrenTier`): what the ranking and the heatmap are titled by. */
  groupTier: Tier;
  tierCounts: number[];
  gradeBands: GradeBand[];
  categoryNames: LocalizedName[];
  /** The root's children, in data order (the radar's comparison picker). */
  groups: { id: string; name: string }[];
  alerts: LevelTally;
  /** Organisations per own alert level. */
  orgAlerts: LevelTally;
  stages: StageTally;
  leafGrades: GradeCount[];
  ranking: RankedItem[];
  heatmap: HeatmapRow[];
  radar: RadarSeries[];
  /** Undefined while the browser computes it (month by month, after the page has painted). */
  trend?: OverviewTrend;
  /** A comparison year is on but its trend is not computed yet. */
  trendPending: boolean;
  urgent: UrgentItem[];
  /** §12 at the as-of date; undefined when the backend has no demands. */
  demands?: DemandKpiFigures;
  previous?: OverviewPrevious;
}

const opt = <T>(v: T | null): T | undefined => (v === null ? undefined : v);

/** The overview from the server's summary (the root and its children, as the browser would compute them). */
export function overviewFromSummary(summary: Summary): OverviewData {
  const model = new SummaryModel(summary);
  const root = model.rootId;
  const heatmap = [...summary.groups]
    .sort((a, b) => (a.index === null ? (b.index === null ? 0 : 1) : b.index === null ? -1 : b.index - a.index))
    .map((o) => ({ id: o.id, name: o.name, values: o.categories.map(opt) }));
  const trend = model.rootTrend();
  return {
    scoped: summary.scope !== null,
    rootId: root,
    root: model.scores(root),
    tiers: summary.tiers,
    groupTier: childrenTier(
      summary.tiers,
      summary.groups.map((o) => o.tier),
    ),
    tierCounts: summary.tierCounts,
    gradeBands: summary.gradeBands,
    categoryNames: summary.categories.map((c) => c.name),
    groups: summary.groups.map((o) => ({ id: o.id, name: o.name })),
    alerts: model.alertTally(root),
    orgAlerts: model.orgAlertTally(root),
    stages: model.stageTally(root),
    leafGrades: model.leafGradeCounts(),
    ranking: model.rankedGroups(),
    heatmap,
    radar: [{ name: summary.root.name, values: summary.root.categories.map(opt) }],
    trend: { dates: trend.dates, series: trend.series },
    trendPending: false,
    urgent: summary.urgent.map((a, k) => ({
      key: `${k}|${a.orgId}|${a.indicatorId}`,
      orgId: a.orgId,
      orgName: a.orgName,
      townId: opt(a.townId),
      townName: opt(a.townName),
      indicatorName: a.indicatorName,
      alert: a.alert,
      overdueDays: a.overdueDays,
      paceGap: opt(a.paceGap),
    })),
    demands: opt(summary.demands ?? null),
  };
}

/** The overview from the full year on screen; `versus`: a child of the root shown beside it on the radar and the trend. */
export function useOverviewFromDashboard(d: Dashboard | undefined, versus: string | undefined): OverviewData | undefined {
  const model = d?.model;
  const root = model?.rootId;
  const ids = useMemo(() => (root === undefined ? [] : versus ? [root, versus] : [root]), [root, versus]);
  const trend = useTrendSeries(d, ids);
  const comparison = d?.comparison;
  const previousTrend = useComparisonTrend(comparison, ids);
  const base = useMemo(() => {
    if (!d || !model || root === undefined) return undefined;
    const groups = model.groups();
    const leafIds = model.idsInTier(model.leafTier);
    const leaf = model.tiers[model.leafTier];
    const prevModel = comparison && comparison.prevModel.has(root) ? comparison.prevModel : undefined;
    const changes = comparison?.gradeChanges(leafIds);
    const data: Omit<OverviewData, 'trend' | 'trendPending'> = {
      scoped: d.meta.scope !== undefined,
      rootId: root,
      root: model.scores(root),
      tiers: model.tiers,
      groupTier: model.groupTier(),
      tierCounts: model.tiers.map((_, k) => model.idsInTier(k).length),
      gradeBands: model.gradeBands,
      categoryNames: model.categories.map((c) => c.name),
      groups: groups.map((id) => ({ id, name: model.org(id).name })),
      alerts: model.alertTally(root),
      orgAlerts: model.orgAlertTally(root),
      stages: model.stageTally(root),
      leafGrades: gradeCounts(model, leafIds),
      ranking: rankedItems(model, groups),
      heatmap: heatmapRows(model, groups),
      radar: ids.map((id) => ({ name: model.org(id).name, values: model.categoryScores(id) })),
      urgent: urgentAlertsVaried(d, URGENT_COUNT, URGENT_PER_INDICATOR).map((a) => ({
        key: String(a.position),
        orgId: a.orgId,
        orgName: a.orgName,
        townId: a.townId,
        townName: a.townName,
        indicatorName: a.indicator.name,
        alert: a.alert as UrgentItem['alert'],
        overdueDays: a.overdueDays,
        paceGap: a.paceGap,
      })),
      demands: d.demands ? demandKpi(d.demands.tally(root)) : undefined,
      previous: comparison
        ? {
            year: comparison.year,
            root: prevModel?.scores(root),
            alerts: prevModel?.alertTally(root),
            stages: prevModel?.stageTally(root),
            grades: prevModel ? gradeCounts(prevModel, prevModel.idsInTier(prevModel.tierIndex(leaf.id))) : undefined,
            gradesUp: changes?.filter((c) => c.change > 0).length ?? 0,
            gradesDown: changes?.filter((c) => c.change < 0).length ?? 0,
          }
        : undefined,
    };
    return data;
  }, [d, model, root, ids, comparison]);
  return useMemo(() => {
    if (!base) return undefined;
    const trendPending = comparison !== undefined && !previousTrend;
    return {
      ...base,
      trend: trend && { dates: trend.dates, series: trend.series, previous: comparison ? previousTrend : undefined },
      trendPending,
    };
  }, [base, trend, comparison, previousTrend]);
}
