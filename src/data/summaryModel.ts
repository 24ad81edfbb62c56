/**
 * The server's summary seen through the read model's vocabulary, for the root and its children only: what the
 * overview asks (scores by id, tallies by id, leaf grades, ranking, trend; src/data/overview.ts).
 * Views that paint from it never learn whether the numbers came from the summary or the full year.
 */
import type { Summary, SummaryOrg } from '../api/summary';
import type { GradeBand, Tier } from '../api/schemas';
import type { LevelTally, OrgScores, StageTally } from '../engine';
import type { GradeCount, RadarSeries, RankedItem } from './chartInputs';

const opt = <T>(v: T | null): T | undefined => (v === null ? undefined : v);

export class SummaryModel {
  readonly rootId: string;
  readonly tiers: Tier[];
  readonly gradeBands: GradeBand[];
  private readonly byId: Map<string, SummaryOrg>;

  constructor(readonly summary: Summary) {
    this.rootId = summary.root.id;
    this.tiers = summary.tiers;
    this.gradeBands = summary.gradeBands;
    this.byId = new Map([summary.root, ...summary.groups].map((o) => [o.id, o]));
  }

  get leafTier(): number {
    return this.tiers.length - 1;
  }

  private get(id: string): SummaryOrg {
    const o = this.byId.get(id);
    if (!o) throw new Error(`the summary holds the root and its children only, not ${id}`);
    return o;
  }

  scores(id: string): OrgScores {
    const o = this.get(id);
    return {
      org: { id: o.id, name: o.name, tier: o.tier, parentId: o.parentId, members: o.members },
      position: -1,
      index: opt(o.index),
      own: opt(o.own),
      sub: opt(o.sub),
      categories: o.categories.map(opt),
      ownCategories: [],
      grade: opt(o.grade),
      gradeIndex: o.gradeIndex,
      rankInTier: opt(o.rankInTier),
      rankAmongSiblings: opt(o.rankAmongSiblings),
      ownAlert: o.ownAlert,
    };
  }

  alertTally(id: string): LevelTally {
    return this.get(id).alerts;
  }

  orgAlertTally(id: string): LevelTally {
    return this.get(id).orgAlerts;
  }

  stageTally(id: string): StageTally {
    return this.get(id).stages;
  }

  leafGradeCounts(): GradeCount[] {
    return this.summary.leafGrades.map((g) => ({ grade: opt(g.grade), count: g.count, gradeIndex: g.gradeIndex }));
  }

  /** The groups with an index, best first (as `rankedItems` over the read model). */
  rankedGroups(): RankedItem[] {
    return this.summary.groups
      .filter((o) => o.index !== null)
      .map((o) => ({ id: o.id, name: o.name, value: o.index!, gradeIndex: o.gradeIndex, grade: opt(o.grade) }))
      .sort((a, b) => b.value - a.value);
  }

  rootTrend(): { dates: string[]; series: RadarSeries[] } {
    return { dates: this.summary.trend.dates, series: [{ name: this.summary.root.name, values: this.summary.trend.root.map(opt) }] };
  }
}
