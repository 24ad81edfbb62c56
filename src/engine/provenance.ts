/**
 * Where an organisation's index comes from (methodology §4), level by level,
 * so that each level's figures add up to the level above:
 *   index = ownShare · own + subShare · sub                       (§4 "Index")
 *   own   = Σ_c categoryShare_c · S_c,own                         (§4 "Own index")
 *   S_c   = Σ_a indicatorShare_a · s_a                            (§4 "Own category score")
 *   sub   = Σ_v childShare_v · I(v)                               (§4 "Subordinate index")
 * and each active assignment's `contribution` = categoryShare × indicatorShare
 * × score, the points it adds to the own index (they sum to `own`).
 */
import type { Scoring } from '../api/schemas';
import type { IndexResult } from './compute';
import { EXEMPT, SCORINGS } from './levels';
import type { PreparedDataset } from './prepare';
import { defined } from './views';

export interface AssignmentProvenance {
  /** Assignment position (prepared order). */
  position: number;
  indicatorId: string;
  categoryId: string;
  scoring: Scoring;
  /** `w_i` and its share among the org's active assignments in the category. */
  weight: number;
  weightShare: number;
  target: number;
  actual: number;
  score: number;
  /** Points added to the own index: category share × indicator share × score. */
  contribution: number;
}

export interface CategoryProvenance {
  categoryId: string;
  /** `W_c` and its share among the categories with an own score. */
  weight: number;
  weightShare: number;
  score: number;
  /** weightShare × score: points added to the own index. */
  contribution: number;
  assignments: AssignmentProvenance[];
}

export interface ChildProvenance {
  position: number;
  /** The child's weight as the rollup uses it: 1 (equal, or members summing to 0) or its members. */
  weight: number;
  weightShare: number;
  index: number;
  /** weightShare × index: points added to the subordinate index. */
  contribution: number;
}

export interface Provenance {
  position: number;
  alpha: number;
  /** Shares of own and sub in the index: α and 1 − α when both are defined, else 1 for the defined one. */
  ownShare: number;
  subShare: number;
  own?: number;
  sub?: number;
  index?: number;
  categories: CategoryProvenance[];
  childWeighting: 'equal' | 'members';
  /** True when weighting by members fell back to equal weights (the children's members sum to 0). */
  membersFallback: boolean;
  children: ChildProvenance[];
}

/** §4: the provenance of org `u`'s index at the result's date. */
export function provenance(ds: PreparedDataset, r: IndexResult, u: number): Provenance {
  const C = ds.categories.length;
  const alpha = ds.methodology.rollup.ownWeight;
  const own = r.own[u];
  const sub = r.sub[u];
  const ownShare = Number.isNaN(own) ? 0 : Number.isNaN(sub) ? 1 : alpha;
  const subShare = Number.isNaN(sub) ? 0 : Number.isNaN(own) ? 1 : 1 - alpha;

  // own: categories with an own score, then their active assignments
  const perCategory: AssignmentProvenance[][] = Array.from({ length: C }, () => []);
  const categoryW = new Float64Array(C);
  for (let a = ds.orgStart[u]; a < ds.orgStart[u + 1]; a++) {
    if (r.aStage[a] < 0 || r.aStage[a] === EXEMPT) continue;
    const ind = ds.aIndicator[a];
    const c = ds.indicatorCategory[ind];
    categoryW[c] += ds.indicatorWeight[ind];
    perCategory[c].push({
      position: a,
      indicatorId: ds.indicators[ind].id,
      categoryId: ds.categories[c].id,
      scoring: SCORINGS[ds.indicatorScoring[ind]],
      weight: ds.indicatorWeight[ind],
      weightShare: 0,
      target: ds.aTarget[a],
      actual: r.aActual[a],
      score: r.aScore[a],
      contribution: 0,
    });
  }
  let sumW = 0;
  for (let c = 0; c < C; c++) if (categoryW[c] > 0) sumW += ds.categoryWeight[c];
  const categories: CategoryProvenance[] = [];
  for (let c = 0; c < C; c++) {
    if (!(categoryW[c] > 0)) continue; // no own score in this category (§4: undefined, not 0)
    const weightShare = ds.categoryWeight[c] / sumW;
    const score = r.ownCategory[u * C + c];
    for (const x of perCategory[c]) {
      x.weightShare = x.weight / categoryW[c];
      x.contribution = weightShare * x.weightShare * x.score;
    }
    categories.push({
      categoryId: ds.categories[c].id,
      weight: ds.categoryWeight[c],
      weightShare,
      score,
      contribution: weightShare * score,
      assignments: perCategory[c],
    });
  }

  // sub: children with an index, weighted as the rollup weighs them
  const byMembers = ds.methodology.rollup.childWeighting === 'members';
  const withIndex = [...ds.children[u]].filter((v) => !Number.isNaN(r.index[v]));
  let memberSum = 0;
  for (const v of withIndex) memberSum += ds.members[v];
  const membersFallback = byMembers && withIndex.length > 0 && !(memberSum > 0);
  const weightOf = (v: number) => (byMembers && !membersFallback ? ds.members[v] : 1);
  const totalWeight = byMembers && !membersFallback ? memberSum : withIndex.length;
  const children = withIndex.map((v): ChildProvenance => {
    const weight = weightOf(v);
    const weightShare = weight / totalWeight;
    return { position: v, weight, weightShare, index: r.index[v], contribution: weightShare * r.index[v] };
  });

  return {
    position: u,
    alpha,
    ownShare,
    subShare,
    own: defined(own),
    sub: defined(sub),
    index: defined(r.index[u]),
    categories,
    childWeighting: byMembers ? 'members' : 'equal',
    membersFallback,
    children,
  };
}

/** Header of the provenance CSV (issue 12), exactly. */
export const PROVENANCE_CSV_HEADER = ['indicatorId', 'categoryId', 'target', 'actual', 'score', 'contribution'] as const;

/**
 * Rows of the provenance CSV: the org's own active assignments, category by
 * category; `contribution` sums to the own index. Numbers are raw (the CSV
 * layer rounds them).
 */
export function provenanceCsvRows(p: Provenance): [string, string, number, number, number, number][] {
  const rows: [string, string, number, number, number, number][] = [];
  for (const c of p.categories)
    for (const a of c.assignments) rows.push([a.indicatorId, a.categoryId, a.target, a.actual, a.score, a.contribution]);
  return rows;
}
