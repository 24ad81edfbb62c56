/**
 * Demands (需求上报 → 分析研判 → 政策调整, methodology §12) as the views read
 * them: by organisation id, at the dashboard's as-of date — the same D as the
 * index. Prepared once per dataset, computed once per (dataset, as-of), then
 * asked by id. A backend without demands (404, no `methodology.demands`) gives
 * no model at all, and every view hides what is about demands.
 */
import { useMemo } from 'react';
import { once } from '../lib/once';
import type { Demand, DemandConfig, DemandOutcome, DemandTopic, LocalizedName, Org } from '../api/schemas';
import {
  DEMAND_STATES,
  DEMAND_TALLIES,
  computeDemands,
  demandHeatmap,
  demandTally,
  overdueDemands,
  policyOutcomes,
  prepareDemands,
  responseTimeHistogram,
  subtreeDemands,
  type DemandResult,
  type DemandState,
  type DemandTally,
  type DemandView,
  type HistogramBin,
  type PreparedDataset,
  type PreparedDemands,
} from '../engine';
import { round2, type CsvCell } from '../lib/csv';
import type { YearDataset } from './loadYear';
import { demandKpi } from './summary';
import type { ReadModel } from './model';

export type { DemandTally, DemandState, HistogramBin };

/** One demand as a list shows it: who raised it (and their level-1 group), what, and where it stands at D. */
export interface DemandItem {
  id: string;
  /** Free text from the API: data, never markup. */
  title: string;
  topicId: string;
  topicName: LocalizedName;
  orgId: string;
  orgName: string;
  /** The reporter's level-1 group (its town), undefined when the root itself reported. */
  groupId?: string;
  groupName?: string;
  reportedAt: string;
  triagedAt: string | null;
  resolvedAt: string | null;
  outcome: DemandOutcome | null;
  state: DemandState;
  /** Days since reported, at D. */
  ageDays: number;
  responseDays?: number;
  triageOverdue: boolean;
  resolveOverdue: boolean;
}

export interface DemandHeatmapData {
  topics: DemandTopic[];
  /** The columns: the organisation's children (for the root, the towns). */
  columns: Org[];
  /** `reported[t][k]`, `open[t][k]`: demands at D of topic t in column k's subtree (open = not resolved). */
  reported: number[][];
  open: number[][];
}

export class DemandModel {
  readonly topics: DemandTopic[];
  readonly triageDays: number;
  readonly resolveDays: number;
  private readonly topicById: Map<string, DemandTopic>;

  constructor(
    private readonly ds: PreparedDataset,
    private readonly prepared: PreparedDemands,
    private readonly res: DemandResult,
    private readonly model: ReadModel,
  ) {
    this.topics = prepared.config.topics;
    this.triageDays = prepared.config.triageDays;
    this.resolveDays = prepared.config.resolveDays;
    this.topicById = new Map(this.topics.map((t) => [t.id, t]));
  }

  get asOf(): string {
    return this.res.asOf;
  }

  /** §12 subtree tallies of the organisation at D (medianDays undefined when nothing is resolved). */
  tally(id: string): DemandTally {
    return demandTally(this.res, this.model.position(id));
  }

  /** Demands not resolved at D in the subtree. */
  open(id: string): number {
    return demandKpi(this.tally(id)).open;
  }

  /** Overdue at D in the subtree, oldest first: `triage` (待研判 past triageDays) or `resolve` (unresolved past resolveDays). */
  overdue(id: string, kind: 'triage' | 'resolve'): DemandItem[] {
    return overdueDemands(this.ds, this.prepared, this.res, this.model.position(id), kind).map((v) => this.item(v));
  }

  /** The organisation's own demands existing at D (not its children's), latest report first. */
  own(id: string): DemandItem[] {
    const u = this.model.position(id);
    return subtreeDemands(this.ds, this.prepared, this.res, u, (v) => v.orgPosition === u)
      .map((v) => this.item(v))
      .sort((a, b) => (a.reportedAt < b.reportedAt ? 1 : a.reportedAt > b.reportedAt ? -1 : 0));
  }

  /** 政策调整 in the subtree at D, with the organisation that raised each; latest resolution first. */
  policies(id: string): DemandItem[] {
    const u = this.model.position(id);
    return policyOutcomes(this.ds, this.prepared, this.res, u).map((p) => this.item(this.viewAt(p.position)));
  }

  /** Topic × child counts for the organisation's children (empty columns for a leaf). */
  heatmap(id: string): DemandHeatmapData {
    const u = this.model.position(id);
    const columns = Array.from(this.ds.children[u]);
    const h = demandHeatmap(this.ds, this.prepared, this.res, columns);
    return { topics: this.topics, columns: columns.map((v) => this.ds.orgs[v]), reported: h.reported, open: h.open };
  }

  /** Response-time distribution (days from report to resolution) of the subtree's resolved demands. */
  histogram(id: string, binDays = 7): HistogramBin[] {
    return responseTimeHistogram(this.ds, this.prepared, this.res, this.model.position(id), binDays);
  }

  topic(id: string): DemandTopic | undefined {
    return this.topicById.get(id);
  }

  /** The view of demand q at D (as the engine's lists build it), without scanning the others. */
  private viewAt(q: number): DemandView {
    const { prepared: dp, res } = this;
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

  private item(v: DemandView): DemandItem {
    const x: Demand = v.demand;
    const org = this.ds.orgs[v.orgPosition];
    const group = this.model.groupOf(org.id);
    const topic = this.topicById.get(x.topicId);
    return {
      id: x.id,
      title: x.title,
      topicId: x.topicId,
      topicName: topic?.name ?? { zh: x.topicId, en: x.topicId },
      orgId: org.id,
      orgName: org.name,
      groupId: group?.id,
      groupName: group?.name,
      reportedAt: x.reportedAt,
      triagedAt: x.triagedAt,
      resolvedAt: x.resolvedAt,
      outcome: x.outcome,
      state: v.state,
      ageDays: v.ageDays,
      responseDays: v.responseDays,
      triageOverdue: v.triageOverdue,
      resolveOverdue: v.resolveOverdue,
    };
  }

  /** Every organisation of the dataset, root first, with its subtree tallies (the /demands CSV's rows). */
  rows(): { org: Org; tally: DemandTally }[] {
    return this.ds.orgs.map((org, u) => ({ org, tally: demandTally(this.res, u) }));
  }
}

/** The /demands CSV's columns, in order; the English header is exactly these names. */
export const DEMAND_CSV_COLUMNS = ['id', 'name', 'tier', ...DEMAND_TALLIES, 'medianDays'] as const;
export type DemandCsvColumn = (typeof DEMAND_CSV_COLUMNS)[number];

/**
 * The /demands CSV: one row per organisation (root first) with its subtree
 * tallies at D; `medianDays` rounded to 2 decimals, empty when none is resolved.
 * `header` names the columns (the column ids themselves in English).
 */
export function demandCsvTable(
  dm: DemandModel,
  header: (c: DemandCsvColumn) => string = (c) => c,
): { header: string[]; rows: CsvCell[][] } {
  return {
    header: DEMAND_CSV_COLUMNS.map(header),
    rows: dm.rows().map(({ org, tally }) => [org.id, org.name, org.tier, ...DEMAND_TALLIES.map((k) => tally[k]), round2(tally.medianDays)]),
  };
}

/** Build the model from a loaded year (undefined without demands). */
export function buildDemandModel(data: YearDataset, asOf: string, model: ReadModel, prepared?: PreparedDemands): DemandModel | undefined {
  const config: DemandConfig | undefined = data.methodology.demands;
  if (!data.demands || !config) return undefined;
  const dp = prepared ?? prepareDemands(data.ds, config, data.demands);
  return new DemandModel(data.ds, dp, computeDemands(data.ds, dp, asOf), model);
}

/**
 * The dashboard's demand model, built when first asked for: prepared once per dataset, computed once per
 * (dataset, as-of). The overview paints its demand figures from the summary, so a year's arrival on a phone does
 * not spend a long task on a model no view on screen reads yet.
 */
export function useDemandModel(
  data: YearDataset | undefined,
  asOf: string | undefined,
  model: ReadModel | undefined,
): () => DemandModel | undefined {
  const prepared = useMemo(
    () =>
      once(() => (data?.demands && data.methodology.demands ? prepareDemands(data.ds, data.methodology.demands, data.demands) : undefined)),
    [data],
  );
  return useMemo(
    () =>
      once(() => {
        const p = prepared();
        return data && asOf && model && p ? buildDemandModel(data, asOf, model, p) : undefined;
      }),
    [data, asOf, model, prepared],
  );
}

/** Whether the year carries demands (§12): known without building the model. */
export const hasDemands = (data: YearDataset): boolean => Boolean(data.demands && data.methodology.demands);
