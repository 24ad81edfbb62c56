/**
 * What-if weights (issue 12): the same prepared dataset under other rules —
 * category weights (§4 W_c), α (§4 rollup.ownWeight), equal or members child
 * weighting (§4), grade bands (§5) — without parsing or indexing again, and
 * the organisations whose grade or rank differ between two results.
 */
import type { GradeBand, Methodology } from '../api/schemas';
import type { IndexResult } from './compute';
import type { PreparedDataset } from './prepare';

export interface MethodologyOverrides {
  /** New weights by category id; categories not named keep theirs. */
  categoryWeights?: Record<string, number>;
  ownWeight?: number;
  childWeighting?: Methodology['rollup']['childWeighting'];
  grades?: GradeBand[];
}

/**
 * A dataset sharing every assignment and org array with `ds` (nothing is
 * copied but the category weights), whose methodology carries the overrides.
 * `computeIndex` on it gives the what-if figures.
 */
export function withMethodology(ds: PreparedDataset, overrides: MethodologyOverrides): PreparedDataset {
  const weights = overrides.categoryWeights ?? {};
  const categories = ds.categories.map((c) => (weights[c.id] === undefined ? c : { ...c, weight: weights[c.id] }));
  const methodology: Methodology = {
    ...ds.methodology,
    categories,
    rollup: {
      ownWeight: overrides.ownWeight ?? ds.methodology.rollup.ownWeight,
      childWeighting: overrides.childWeighting ?? ds.methodology.rollup.childWeighting,
    },
    grades: overrides.grades ?? ds.methodology.grades,
  };
  return { ...ds, methodology, categories, categoryWeight: Float64Array.from(categories, (c) => c.weight) };
}

export interface ResultChange {
  position: number;
  indexBefore?: number;
  indexAfter?: number;
  gradeBefore?: string;
  gradeAfter?: string;
  /** Rank in tier (undefined = no rank). */
  rankBefore?: number;
  rankAfter?: number;
}

const gradeName = (r: IndexResult, u: number) => (r.grade[u] >= 0 ? r.gradeBands[r.grade[u]].grade : undefined);

/**
 * The organisations whose grade (by name, each in its own bands) or rank in
 * tier differ between `before` and `after` (two results over the same orgs),
 * in position order.
 */
export function diffResults(before: IndexResult, after: IndexResult): ResultChange[] {
  const out: ResultChange[] = [];
  for (let u = 0; u < before.index.length; u++) {
    const gradeBefore = gradeName(before, u);
    const gradeAfter = gradeName(after, u);
    if (gradeBefore === gradeAfter && before.rankInTier[u] === after.rankInTier[u]) continue;
    const v = (x: number) => (Number.isNaN(x) ? undefined : x);
    out.push({
      position: u,
      indexBefore: v(before.index[u]),
      indexAfter: v(after.index[u]),
      gradeBefore,
      gradeAfter,
      rankBefore: before.rankInTier[u] || undefined,
      rankAfter: after.rankInTier[u] || undefined,
    });
  }
  return out;
}
