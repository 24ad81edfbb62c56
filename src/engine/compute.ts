/**
 * The index as of a date for every organisation at once (methodology §2–§8):
 * one pass over the assignments, one bottom-up pass over the tree, then grades
 * and ranks. Undefined values ("no data") are NaN in the arrays and `undefined`
 * through the accessors in `views.ts`; they are never 0.
 */
import type { GradeBand } from '../api/schemas';
import { alertLevel, indicatorScore, isDone, latestEventAt, paceGap, stageAt } from './assignment';
import { Block } from './block';
import { dayNumber } from './dates';
import { EPSILON, EXEMPT, NOT_ISSUED, RATIO, RATING } from './levels';
import type { PreparedDataset } from './prepare';
import { competitionRanks } from './rank';

export const LEVEL_COUNT = 5;
export const STAGE_COUNT = 5;

export interface IndexResult {
  asOf: string;
  day: number;
  /** Own index, subordinate index and index per org (NaN = no data). */
  own: Float64Array;
  sub: Float64Array;
  index: Float64Array;
  /** Category scores, org-major: `[u * C + c]`. */
  ownCategory: Float64Array;
  category: Float64Array;
  /** Grade bands, highest `min` first; `grade[u]` indexes them, -1 = ungraded or no data. */
  gradeBands: GradeBand[];
  grade: Int8Array;
  /** Standard competition rank within the tier, district-wide (0 = no rank). */
  rankInTier: Int32Array;
  /** Number of ranked orgs per tier position. */
  rankedPerTier: Int32Array;
  /** Rank among siblings (0 = no rank). */
  rankAmongSiblings: Int32Array;
  /** Highest alert level of each org's own active assignments. */
  ownAlert: Uint8Array;
  /** Subtree tallies, org-major `[u * 5 + level]`: active assignments per alert level, orgs per own level, assignments per stage. */
  subtreeAlerts: Int32Array;
  subtreeOrgAlerts: Int32Array;
  subtreeStages: Int32Array;
  /** Per assignment (prepared order): stage (-1 = not issued yet), actual, score, done, alert (-1 = not active), pace gap (NaN unless an active ratio). */
  aStage: Int8Array;
  aActual: Float64Array;
  aScore: Float64Array;
  aDone: Uint8Array;
  aAlert: Int8Array;
  aGap: Float64Array;
}

export function computeIndex(ds: PreparedDataset, asOf: string): IndexResult {
  const day = dayNumber(asOf);
  const n = ds.orgs.length;
  const C = ds.categories.length;
  const m = ds.assignmentCount;
  const { rollup, alerts } = ds.methodology;
  const alpha = rollup.ownWeight;
  const byMembers = rollup.childWeighting === 'members';

  // the result's arrays in one buffer (see Block), widest first
  const block = new Block(3 * m + 3 * n + 2 * n * C, n * (2 * LEVEL_COUNT + STAGE_COUNT + 2), 3 * m + 2 * n);
  const aActual = block.f64(m);
  const aScore = block.f64(m).fill(NaN);
  const aGap = block.f64(m).fill(NaN);
  const own = block.f64(n);
  const ownCategory = block.f64(n * C);
  const sub = block.f64(n);
  const index = block.f64(n);
  const category = block.f64(n * C);
  const subtreeAlerts = block.i32(n * LEVEL_COUNT);
  const subtreeStages = block.i32(n * STAGE_COUNT);
  const subtreeOrgAlerts = block.i32(n * LEVEL_COUNT);
  const rankInTier = block.i32(n);
  const rankAmongSiblings = block.i32(n);
  const aStage = block.i8(m);
  const aDone = block.u8(m);
  const aAlert = block.i8(m).fill(-1);
  const ownAlert = block.u8(n);
  const grade = block.i8(n).fill(-1);

  // accumulators that do not outlive the call: one reused buffer (see `scratch`)
  const acc = scratch(n * C * 6 + n * 4);
  const ownCategorySumW = acc.subarray(0, n * C);
  const ownCategorySumWS = acc.subarray(n * C, 2 * n * C);
  const rollCategory = acc.subarray(2 * n * C, 6 * n * C);
  const rollIndex = acc.subarray(6 * n * C);
  const workflow = { issued: 0, claimed: 0, reported: 0, evaluated: 0, exempt: 0 };

  // 1. every assignment's state at the date
  for (let a = 0; a < m; a++) {
    workflow.issued = ds.aIssued[a];
    workflow.claimed = ds.aClaimed[a];
    workflow.reported = ds.aReported[a];
    workflow.evaluated = ds.aEvaluated[a];
    workflow.exempt = ds.aExempt[a];
    const stage = stageAt(workflow, day);
    aStage[a] = stage;
    if (stage === NOT_ISSUED) continue;
    const u = ds.aOrg[a];
    subtreeStages[u * STAGE_COUNT + stage]++;
    if (stage === EXEMPT) continue;

    const ind = ds.aIndicator[a];
    const scoring = ds.indicatorScoring[ind];
    const target = ds.aTarget[a];
    const ev = latestEventAt(ds.progressDay, ds.progressStart[a], ds.progressStart[a + 1], day);
    const actual = ev < 0 ? 0 : ds.progressValue[ev];
    const score = indicatorScore(scoring, actual, target, ds.indicatorPenalty[ind]);
    const done = isDone(scoring, actual, target, scoring === RATING && ds.aEvaluated[a] <= day);
    const level = alertLevel(scoring, actual, target, done, day, ds.aIssued[a], ds.aDue[a], alerts);
    aActual[a] = actual;
    aScore[a] = score;
    aDone[a] = done ? 1 : 0;
    aAlert[a] = level;
    if (scoring === RATIO) aGap[a] = paceGap(day, ds.aIssued[a], ds.aDue[a], actual, target);

    const w = ds.indicatorWeight[ind];
    const k = u * C + ds.indicatorCategory[ind];
    ownCategorySumW[k] += w;
    ownCategorySumWS[k] += w * score;
    if (level > ownAlert[u]) ownAlert[u] = level;
    subtreeAlerts[u * LEVEL_COUNT + level]++;
  }

  // 2. own scores
  for (let u = 0; u < n; u++) {
    let sumW = 0;
    let sumWS = 0;
    for (let c = 0; c < C; c++) {
      const k = u * C + c;
      const w = ownCategorySumW[k];
      if (w > 0) {
        const s = ownCategorySumWS[k] / w;
        ownCategory[k] = s;
        sumW += ds.categoryWeight[c];
        sumWS += ds.categoryWeight[c] * s;
      } else ownCategory[k] = NaN;
    }
    own[u] = sumW > 0 ? sumWS / sumW : NaN;
  }

  // 3. bottom-up rollup: children come after parents, so walk backwards.
  //    Per org and per category: equal-weight sum and count, members-weighted sum and weight.
  for (let u = n - 1; u >= 0; u--) {
    sub[u] = rolledUp(rollIndex, u * 4, byMembers);
    index[u] = mix(own[u], sub[u], alpha);
    for (let c = 0; c < C; c++) {
      const k = u * C + c;
      category[k] = mix(ownCategory[k], rolledUp(rollCategory, k * 4, byMembers), alpha);
    }
    subtreeOrgAlerts[u * LEVEL_COUNT + ownAlert[u]]++;

    const p = ds.parent[u];
    if (p < 0) continue;
    const weight = ds.members[u];
    addChild(rollIndex, p * 4, index[u], weight);
    for (let c = 0; c < C; c++) addChild(rollCategory, (p * C + c) * 4, category[u * C + c], weight);
    for (let l = 0; l < LEVEL_COUNT; l++) {
      subtreeAlerts[p * LEVEL_COUNT + l] += subtreeAlerts[u * LEVEL_COUNT + l];
      subtreeOrgAlerts[p * LEVEL_COUNT + l] += subtreeOrgAlerts[u * LEVEL_COUNT + l];
    }
    for (let s = 0; s < STAGE_COUNT; s++) subtreeStages[p * STAGE_COUNT + s] += subtreeStages[u * STAGE_COUNT + s];
  }

  // 4. grades and ranks
  const gradeBands = [...ds.methodology.grades].sort((a, b) => b.min - a.min);
  for (let u = 0; u < n; u++) {
    const v = index[u];
    if (Number.isNaN(v)) continue;
    for (let g = 0; g < gradeBands.length; g++) {
      if (v > gradeBands[g].min - EPSILON) {
        grade[u] = g;
        break;
      }
    }
  }

  const rankedPerTier = new Int32Array(ds.tiers.length);
  for (let u = 0; u < n; u++) if (!Number.isNaN(index[u]) && ds.tier[u] >= 0) rankedPerTier[ds.tier[u]]++;
  tierRanks(ds.tier, index, rankedPerTier, rankInTier);
  for (let u = 0; u < n; u++) {
    const kids = ds.children[u];
    if (kids.length === 0) continue;
    const ranked: number[] = [];
    for (const v of kids) if (!Number.isNaN(index[v])) ranked.push(v);
    competitionRanks(ranked, index, rankAmongSiblings);
  }

  return {
    asOf,
    day,
    own,
    sub,
    index,
    ownCategory,
    category,
    gradeBands,
    grade,
    rankInTier,
    rankedPerTier,
    rankAmongSiblings,
    ownAlert,
    subtreeAlerts,
    subtreeOrgAlerts,
    subtreeStages,
    aStage,
    aActual,
    aScore,
    aDone,
    aAlert,
    aGap,
  };
}

/** Layout of a rollup accumulator at `o`: [equal sum, count, members-weighted sum, members]. */
function addChild(acc: Float64Array, o: number, value: number, members: number): void {
  if (Number.isNaN(value)) return;
  acc[o] += value;
  acc[o + 1] += 1;
  acc[o + 2] += members * value;
  acc[o + 3] += members;
}

function rolledUp(acc: Float64Array, o: number, byMembers: boolean): number {
  if (acc[o + 1] === 0) return NaN;
  if (byMembers && acc[o + 3] > 0) return acc[o + 2] / acc[o + 3];
  return acc[o] / acc[o + 1];
}

/** α · own + (1 − α) · sub when both are defined, else whichever is, else NaN. */
function mix(own: number, sub: number, alpha: number): number {
  if (Number.isNaN(own)) return sub;
  if (Number.isNaN(sub)) return own;
  return alpha * own + (1 - alpha) * sub;
}

let scratchBuffer = new Float64Array(0);

/**
 * A zeroed buffer of `size` for one call's accumulators. Kept between calls: at province scale they are tens of MB
 * (about as much as the result itself), and memory allocated outside the JS heap counts toward V8's trigger for a
 * full mark-compact of the whole heap — with a large heap, more time than the computation itself.
 * Safe because computeIndex never runs inside itself and nothing it returns is a view of this buffer.
 */
function scratch(size: number): Float64Array {
  if (scratchBuffer.length < size) scratchBuffer = new Float64Array(size);
  const out = scratchBuffer.subarray(0, size);
  out.fill(0);
  return out;
}

/**
 * `competitionRanks` of every tier at once, without sorting positions through a comparator (100,000 grassroots
 * unions in a province): each tier's values sorted as numbers, then a member's rank is 1 + the number of values
 * v' with v' − v ≥ EPSILON — the members `competitionRanks` counts ahead (that set is the top of the order,
 * since subtraction rounds monotonically), found by binary search. `counts[t]`: ranked members of tier t.
 */
function tierRanks(tier: Int32Array, index: Float64Array, counts: Int32Array, out: Int32Array): void {
  const start = new Int32Array(counts.length + 1);
  for (let t = 0; t < counts.length; t++) start[t + 1] = start[t] + counts[t];
  const values = new Float64Array(start[counts.length]);
  const fill = start.slice(0, counts.length);
  const n = index.length;
  for (let u = 0; u < n; u++) if (!Number.isNaN(index[u]) && tier[u] >= 0) values[fill[tier[u]]++] = index[u];
  for (let t = 0; t < counts.length; t++) values.subarray(start[t], start[t + 1]).sort(); // ascending
  for (let u = 0; u < n; u++) {
    const t = tier[u];
    const v = index[u];
    if (Number.isNaN(v) || t < 0) continue;
    // first position in the tier's ascending values where v' − v ≥ EPSILON: everything from there up is ahead
    let lo = start[t];
    let hi = start[t + 1];
    while (lo < hi) {
      const mid = (lo + hi) >>> 1;
      if (values[mid] - v >= EPSILON) hi = mid;
      else lo = mid + 1;
    }
    out[u] = start[t + 1] - lo + 1;
  }
}
