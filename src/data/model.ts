/**
 * The read model between the engine's typed arrays and the views: everything a
 * screen asks about an organisation, keyed by its id. Built once per computed
 * result; positions and typed arrays stay inside the data layer, so features
 * speak ids and domain values only.
 */
import type { Category, GradeBand, Indicator, Org, Tier } from '../api/schemas';
import {
  ancestry,
  orgAssignments,
  orgScores,
  subtreeAlertTally,
  subtreeOrgAlertTally,
  subtreeStageTally,
  type AssignmentState,
  type IndexResult,
  type LevelTally,
  type OrgScores,
  type PreparedDataset,
  type StageTally,
} from '../engine';
import { childrenTier } from './tiers';

export class ReadModel {
  readonly rootId: string;
  readonly tiers: Tier[];
  readonly categories: Category[];
  readonly indicators: Indicator[];
  private readonly scoreCache = new Map<number, OrgScores>();
  private readonly childCache = new Map<number, string[]>();
  private groupCache: Int32Array | undefined;
  private tierCache: string[][] | undefined;
  private readonly tierOfId: Map<string, number>;

  constructor(
    readonly ds: PreparedDataset,
    readonly result: IndexResult,
  ) {
    this.rootId = ds.orgs[0]?.id ?? '';
    this.tiers = ds.tiers;
    this.categories = ds.categories;
    this.indicators = ds.indicators;
    this.tierOfId = new Map(ds.tiers.map((t, k) => [t.id, k]));
  }

  /** Grade bands, best first (as the engine orders them). */
  get gradeBands(): GradeBand[] {
    return this.result.gradeBands;
  }

  /** Position of an organisation (data layer only). */
  position(id: string): number {
    const u = this.ds.orgIndex.get(id);
    if (u === undefined) throw new Error(`unknown organisation ${id}`);
    return u;
  }

  has(id: string): boolean {
    return this.ds.orgIndex.has(id);
  }

  org(id: string): Org {
    return this.ds.orgs[this.position(id)];
  }

  /** The organisation's parent, or undefined for the root. */
  parentOf(id: string): Org | undefined {
    const p = this.ds.parent[this.position(id)];
    return p >= 0 ? this.ds.orgs[p] : undefined;
  }

  /** The organisation's children (the same array for the same id, so it can key a memo). */
  children(id: string): readonly string[] {
    const u = this.position(id);
    let ids = this.childCache.get(u);
    if (!ids) {
      ids = Array.from(this.ds.children[u], (v) => this.ds.orgs[v].id);
      this.childCache.set(u, ids);
    }
    return ids;
  }

  hasChildren(id: string): boolean {
    return this.ds.children[this.position(id)].length > 0;
  }

  /** The level-1 groups: the root's children (towns and system unions in a district; the scope root's children in a scoped session). */
  groups(): readonly string[] {
    return this.children(this.rootId);
  }

  /** The tier of the groups (`childrenTier`). */
  groupTier(): Tier {
    return childrenTier(
      this.tiers,
      this.groups().map((id) => this.org(id).tier),
    );
  }

  /**
   * The organisation's level-1 group: its ancestor that is a child of the root
   * (itself when it is one). Undefined for the root. One definition for every
   * view, whatever the depth of the tree.
   */
  groupOf(id: string): Org | undefined {
    const g = this.groupPositions()[this.position(id)];
    return g >= 0 ? this.ds.orgs[g] : undefined;
  }

  /** The root first, down to the organisation. */
  ancestry(id: string): Org[] {
    return ancestry(this.ds, this.position(id)).map((v) => this.ds.orgs[v]);
  }

  tierIndex(tierId: string): number {
    return this.tierOfId.get(tierId) ?? -1;
  }

  tierName(tierId: string): Tier | undefined {
    const k = this.tierIndex(tierId);
    return k >= 0 ? this.tiers[k] : undefined;
  }

  /** Ids of the organisations of a tier (by position in `tiers`). */
  idsInTier(tier: number): string[] {
    if (!this.tierCache) {
      const byTier: string[][] = this.tiers.map(() => []);
      for (let u = 0; u < this.ds.orgs.length; u++) if (this.ds.tier[u] >= 0) byTier[this.ds.tier[u]].push(this.ds.orgs[u].id);
      this.tierCache = byTier;
    }
    return this.tierCache[tier] ?? [];
  }

  /** The deepest tier (grassroots in a district). */
  get leafTier(): number {
    return this.tiers.length - 1;
  }

  scores(id: string): OrgScores {
    const u = this.position(id);
    let s = this.scoreCache.get(u);
    if (!s) {
      s = orgScores(this.ds, this.result, u);
      this.scoreCache.set(u, s);
    }
    return s;
  }

  /**
   * The grade band's position (`gradeBands`; -1 = ungraded), undefined without an index: what `scores` says of the
   * grade, without building and caching a score record (a count over a province's 100,000 unions built them all).
   */
  gradeIndex(id: string): number | undefined {
    const u = this.position(id);
    return Number.isNaN(this.result.index[u]) ? undefined : this.result.grade[u];
  }

  allScores(): OrgScores[] {
    return this.ds.orgs.map((o) => this.scores(o.id));
  }

  index(id: string): number | undefined {
    return this.scores(id).index;
  }

  categoryScores(id: string): (number | undefined)[] {
    return this.scores(id).categories;
  }

  /** How many organisations of the tier have a rank (the denominator of "rank r of n"). */
  rankedInTier(tierId: string): number {
    const k = this.tierIndex(tierId);
    return k >= 0 ? this.result.rankedPerTier[k] : 0;
  }

  /** How many siblings (the organisation included) have a rank: the same denominator rule as the tier rank. */
  rankedAmongSiblings(id: string): number {
    const p = this.ds.parent[this.position(id)];
    if (p < 0) return Number.isNaN(this.result.index[0]) ? 0 : 1;
    let n = 0;
    for (const v of this.ds.children[p]) if (!Number.isNaN(this.result.index[v])) n++;
    return n;
  }

  /** Active assignments per alert level over the subtree. */
  alertTally(id: string): LevelTally {
    return subtreeAlertTally(this.result, this.position(id));
  }

  /** Organisations per own alert level over the subtree. */
  orgAlertTally(id: string): LevelTally {
    return subtreeOrgAlertTally(this.result, this.position(id));
  }

  /** Assignments per workflow stage over the subtree. */
  stageTally(id: string): StageTally {
    return subtreeStageTally(this.result, this.position(id));
  }

  /** The organisation's own assignments that exist at the as-of date. */
  assignments(id: string): AssignmentState[] {
    return orgAssignments(this.ds, this.result, this.position(id));
  }

  /** Level-1 group position of every org (-1 for the root), computed once root-first. */
  private groupPositions(): Int32Array {
    if (!this.groupCache) {
      const n = this.ds.orgs.length;
      const g = new Int32Array(n).fill(-1);
      for (let u = 0; u < n; u++) {
        const p = this.ds.parent[u];
        if (p < 0) continue;
        g[u] = this.ds.parent[p] < 0 ? u : g[p];
      }
      this.groupCache = g;
    }
    return this.groupCache;
  }
}
