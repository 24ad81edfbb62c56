/**
 * Rank robustness (issue 12; the sensitivity analysis of the JRC/OECD handbook
 * applied to methodology §4–§6): how much each organisation's rank in its tier
 * depends on the chosen category weights.
 *
 * A seeded, deterministic Monte Carlo: in each draw every category weight W_c
 * is multiplied by an independent U(1 − p, 1 + p) factor; the index is
 * recombined and every tier ranked again. Each organisation gets the 5th and
 * 95th percentile of its rank over the draws (and its nominal rank).
 *
 * Fast by construction: the own category scores S_c,own do not depend on the
 * category weights, so they are taken once from the nominal result; a draw only
 * recombines own = Σ W'_c S_c / Σ W'_c over the categories present (§4), rolls
 * the index up the tree (children's index values, α, equal/members weighting,
 * exactly as compute.ts does) and ranks each tier (§6): O(n·C + n log n) per
 * draw, never a full `computeIndex`.
 */
import type { IndexResult } from './compute';
import type { PreparedDataset } from './prepare';
import { EPSILON } from './levels';

/** A module-local copy: read in the innermost loop, where a re-exported binding can cost a getter call per read (CommonJS transpilation). */
const TIE = EPSILON;

export interface RobustnessOptions {
  /** Number of draws (default 1,000). */
  draws?: number;
  /** Relative perturbation p of each category weight, in [0, 1) (default 0.25 = ±25 %). */
  spread?: number;
  /** Seed of the random stream (default 1): the same seed gives the same intervals. */
  seed?: number;
}

export interface RankRobustness {
  draws: number;
  spread: number;
  seed: number;
  /** Nominal rank in tier (as `IndexResult.rankInTier`; 0 = no rank). */
  nominal: Int32Array;
  /** 5th and 95th percentile of the rank in tier over the draws (nearest-rank; 0 = no rank). */
  p5: Int32Array;
  p95: Int32Array;
}

/** mulberry32: a small, fast, seedable generator; uniform in [0, 1). */
export function mulberry32(seed: number): () => number {
  let state = seed >>> 0;
  return () => {
    let t = (state = (state + 0x6d2b79f5) >>> 0);
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

/** Nearest-rank percentile q of `count` ascending values: the (0-based) position of the value to take. */
const nearestRankPosition = (q: number, count: number) => Math.min(count - 1, Math.max(0, Math.ceil(q * count) - 1));

/**
 * Standard competition ranks of one tier in draw `d`, exactly as
 * `competitionRanks` computes them (sort by value descending, rank = 1 +
 * #{v : value(v) − value(u) ≥ EPSILON}), but sorting by insertion from the
 * nominal order: a draw moves most orgs only a few places, so this costs about
 * n plus the number of swapped pairs, where a comparator sort of every tier in
 * every draw is what made 1,000 draws slow.
 */
function rankTier(
  nominalOrder: Int32Array,
  order: Int32Array,
  values: Float64Array,
  index: Float64Array,
  ranks: Int32Array,
  draws: number,
  d: number,
): void {
  const size = nominalOrder.length;
  // far from the nominal order (a huge tier under a wide spread) insertion turns quadratic: then sort outright
  let budget = 64 * size + 1024;
  for (let k = 0; k < size && budget >= 0; k++) {
    const u = nominalOrder[k];
    const x = index[u];
    let j = k;
    while (j > 0 && values[j - 1] < x) {
      values[j] = values[j - 1];
      order[j] = order[j - 1];
      j--;
    }
    budget -= k - j;
    values[j] = x;
    order[j] = u;
  }
  if (budget < 0) {
    order.set(nominalOrder);
    order.sort((a, b) => index[b] - index[a]);
    for (let k = 0; k < size; k++) values[k] = index[order[k]];
  }
  let ahead = 0;
  for (let k = 0; k < size; k++) {
    const x = values[k];
    while (values[ahead] - x >= TIE) ahead++;
    ranks[order[k] * draws + d] = ahead + 1;
  }
}

export function rankRobustness(ds: PreparedDataset, r: IndexResult, options: RobustnessOptions = {}): RankRobustness {
  const draws = options.draws ?? 1000;
  const spread = options.spread ?? 0.25;
  const seed = options.seed ?? 1;
  if (!(spread >= 0 && spread < 1)) throw new RangeError(`rankRobustness: spread must be in [0, 1), got ${spread}`);
  if (!(draws >= 1)) throw new RangeError(`rankRobustness: draws must be at least 1, got ${draws}`);
  const n = ds.orgs.length;
  const C = ds.categories.length;
  const alpha = ds.methodology.rollup.ownWeight;
  const byMembers = ds.methodology.rollup.childWeighting === 'members';

  // once: each org's present own category scores, compactly
  const presentStart = new Int32Array(n + 1);
  for (let u = 0; u < n; u++) {
    let k = 0;
    for (let c = 0; c < C; c++) if (!Number.isNaN(r.ownCategory[u * C + c])) k++;
    presentStart[u + 1] = presentStart[u] + k;
  }
  const presentCategory = new Int32Array(presentStart[n]);
  const presentScore = new Float64Array(presentStart[n]);
  for (let u = 0, k = 0; u < n; u++) {
    for (let c = 0; c < C; c++) {
      const s = r.ownCategory[u * C + c];
      if (Number.isNaN(s)) continue;
      presentCategory[k] = c;
      presentScore[k++] = s;
    }
  }
  const tierMembers: number[][] = ds.tiers.map(() => []);
  for (let u = 0; u < n; u++) if (r.rankInTier[u] > 0 && ds.tier[u] >= 0) tierMembers[ds.tier[u]].push(u);

  const next = mulberry32(seed);
  const weight = new Float64Array(C);
  const index = new Float64Array(n);
  const acc = new Float64Array(n * 4); // per org: [equal sum, count, members-weighted sum, members]
  // each tier in nominal order (best first): the starting point of every draw's insertion sort
  const nominalOrder = tierMembers.map((members) => Int32Array.from(members).sort((a, b) => r.index[b] - r.index[a] || a - b));
  const order = nominalOrder.map((o) => new Int32Array(o.length));
  const values = nominalOrder.map((o) => new Float64Array(o.length));
  const ranks = new Int32Array(n * draws); // org-major: ranks of u at [u * draws, (u + 1) * draws)

  for (let d = 0; d < draws; d++) {
    for (let c = 0; c < C; c++) weight[c] = ds.categoryWeight[c] * (1 - spread + 2 * spread * next());
    acc.fill(0);
    for (let u = n - 1; u >= 0; u--) {
      let sumW = 0;
      let sumWS = 0;
      for (let k = presentStart[u]; k < presentStart[u + 1]; k++) {
        const w = weight[presentCategory[k]];
        sumW += w;
        sumWS += w * presentScore[k];
      }
      const own = sumW > 0 ? sumWS / sumW : NaN;
      const o = u * 4;
      const sub = acc[o + 1] === 0 ? NaN : byMembers && acc[o + 3] > 0 ? acc[o + 2] / acc[o + 3] : acc[o] / acc[o + 1];
      const v = Number.isNaN(own) ? sub : Number.isNaN(sub) ? own : alpha * own + (1 - alpha) * sub;
      index[u] = v;
      const p = ds.parent[u];
      if (p < 0 || Number.isNaN(v)) continue;
      const q = p * 4;
      acc[q] += v;
      acc[q + 1] += 1;
      acc[q + 2] += ds.members[u] * v;
      acc[q + 3] += ds.members[u];
    }
    for (let t = 0; t < nominalOrder.length; t++) rankTier(nominalOrder[t], order[t], values[t], index, ranks, draws, d);
  }

  // percentiles by counting (ranks are small integers): cheaper than sorting 1,000 values per org
  const p5 = new Int32Array(n);
  const p95 = new Int32Array(n);
  const lowAt = nearestRankPosition(0.05, draws);
  const highAt = nearestRankPosition(0.95, draws);
  const counts = new Int32Array(Math.max(0, ...tierMembers.map((m) => m.length)) + 2);
  for (const members of tierMembers) {
    for (const u of members) {
      let lo = Infinity;
      let hi = 0;
      for (let d = u * draws; d < (u + 1) * draws; d++) {
        const k = ranks[d];
        counts[k]++;
        if (k < lo) lo = k;
        if (k > hi) hi = k;
      }
      let seen = 0;
      for (let k = lo; k <= hi; k++) {
        const before = seen;
        seen += counts[k];
        if (before <= lowAt && lowAt < seen) p5[u] = k;
        if (before <= highAt && highAt < seen) p95[u] = k;
        counts[k] = 0;
      }
    }
  }
  return { draws, spread, seed, nominal: r.rankInTier.slice(), p5, p95 };
}
