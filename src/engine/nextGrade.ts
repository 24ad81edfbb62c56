/**
 * Distance to the next grade (issue 12) from the methodology's own formulas
 * (§3 scores, §4 aggregation, §5 grades).
 *
 * Assumptions, stated because the plan depends on them:
 * - Only the organisation's own OPEN active assignments are actions: not done
 *   (§3), not exempt, issued by D, and with score room left. An `inverse`
 *   assignment (lower is better: collective disputes) is no action: what it counts
 *   has happened, and no report at D can undo it.
 * - The subordinate index, the categories present and every weight stay as they
 *   are: raising one score raises the own index by
 *   `categoryShare × indicatorShare × Δscore` (as in provenance.ts) and the index
 *   by α times that (or fully when the org has no subordinate index).
 * - Work is measured relative to each assignment: the share of its target still
 *   to do (ratio), one milestone (binary), points out of 100 (rating), the share
 *   of the current count to undo (inverse). Actions are taken greedily by index
 *   points gained per unit of that work, each closing its assignment's gap fully
 *   (score 100), except the last, which stops where the next band is reached
 *   when its score moves continuously (not binary).
 * - The new actual value would be reported as a progress event at D, as it is
 *   printed: the last action's value is rounded up to what can be reported (a
 *   whole number where the target and the actual are whole, a count of 人次 or 场;
 *   else two decimals, as the page prints it), and its score, points and the
 *   index after follow from that value, so reporting what is shown reaches the band.
 */
import type { Scoring } from '../api/schemas';
import type { IndexResult } from './compute';
import { BINARY, EPSILON, INVERSE, RATIO, SCORINGS } from './levels';
import type { PreparedDataset } from './prepare';
import { indicatorScore } from './assignment';
import { provenance } from './provenance';

export interface GradeAction {
  /** Assignment position (prepared order). */
  position: number;
  indicatorId: string;
  scoring: Scoring;
  target: number;
  actual: number;
  /** The actual value to report (a progress event at D). */
  newActual: number;
  score: number;
  newScore: number;
  /** Index points this action adds. */
  points: number;
  /** Relative work (see the assumptions above). */
  work: number;
  /** The index once this and every earlier action are done. */
  indexAfter: number;
}

export interface NextGradePlan {
  position: number;
  index: number;
  /** Current band (undefined = ungraded) and the next one up. */
  grade?: string;
  nextGrade: string;
  nextMin: number;
  /** Points lacking to the next band's minimum. */
  lacking: number;
  /** Index points per own-index point: α, or 1 when there is no subordinate index. */
  ownShare: number;
  actions: GradeAction[];
  /** False when even every action leaves the org below the next band ("unreachable by own work"). */
  reachable: boolean;
  /** The index after all the actions listed. */
  reachedIndex: number;
}

interface Candidate {
  position: number;
  scoring: number;
  target: number;
  actual: number;
  score: number;
  /** Index points per score point. */
  rate: number;
  points: number;
  work: number;
}

/**
 * The plan of org `u` to reach the next grade band at the result's date, or
 * undefined when it has no index or already sits in the top band.
 */
export function nextGradePlan(ds: PreparedDataset, r: IndexResult, u: number): NextGradePlan | undefined {
  const index = r.index[u];
  const bands = r.gradeBands;
  if (Number.isNaN(index) || bands.length === 0 || r.grade[u] === 0) return undefined;
  const next = r.grade[u] < 0 ? bands.length - 1 : r.grade[u] - 1;
  const nextMin = bands[next].min;
  const prov = provenance(ds, r, u);

  const candidates: Candidate[] = [];
  for (const c of prov.categories) {
    for (const a of c.assignments) {
      if (r.aDone[a.position] === 1) continue;
      const scoring = ds.indicatorScoring[ds.aIndicator[a.position]];
      const rate = prov.ownShare * c.weightShare * a.weightShare;
      if (!(rate > 0) || a.score >= 100) continue;
      if (scoring === INVERSE) continue;
      const full = fullAction(scoring, a.target);
      if (!(rate * (100 - a.score) > 0)) continue; // no room, or an α so small the gain underflows
      candidates.push({
        position: a.position,
        scoring,
        target: a.target,
        actual: a.actual,
        score: a.score,
        rate,
        points: rate * (100 - a.score),
        work: workOf(scoring, a.target, a.actual, full),
      });
    }
  }
  const efficiency = (x: Candidate) => (x.work > 0 ? x.points / x.work : Infinity);
  candidates.sort((x, y) => efficiency(y) - efficiency(x) || y.points - x.points || x.position - y.position);

  const actions: GradeAction[] = [];
  let current = index;
  let reachable = false;
  for (const x of candidates) {
    const need = nextMin - current;
    let newActual = fullAction(x.scoring, x.target);
    let newScore = 100;
    if (x.points > need && x.scoring !== BINARY) {
      // stop at the band, at a value that can be reported (rounded up: reporting it still reaches the band)
      newActual = Math.min(newActual, reportable(x.target, x.actual, actualFor(x.scoring, x.target, x.score + need / x.rate)));
      newScore = indicatorScore(x.scoring, newActual, x.target, 0);
    }
    const points = x.rate * (newScore - x.score);
    current += points;
    actions.push({
      position: x.position,
      indicatorId: ds.indicators[ds.aIndicator[x.position]].id,
      scoring: SCORINGS[x.scoring],
      target: x.target,
      actual: x.actual,
      newActual,
      score: x.score,
      newScore,
      points,
      work: workOf(x.scoring, x.target, x.actual, newActual),
      indexAfter: current,
    });
    if (current > nextMin - EPSILON) {
      reachable = true;
      break;
    }
  }
  return {
    position: u,
    index,
    grade: r.grade[u] >= 0 ? bands[r.grade[u]].grade : undefined,
    nextGrade: bands[next].grade,
    nextMin,
    lacking: nextMin - index,
    ownShare: prov.ownShare,
    actions,
    reachable,
    reachedIndex: current,
  };
}

/** The actual value that gives a score of 100 (ratio, binary, rating). */
function fullAction(scoring: number, target: number): number {
  return scoring === RATIO ? target : scoring === BINARY ? 1 : 100;
}

/**
 * `value` rounded up to what is reported: whole where the target and the current actual are whole (a count:
 * 2.64 人次 is reported as 3), else to two decimals (the page prints no more). The tolerance keeps a value that is
 * whole but for floating-point noise (2.0000000000000004) from being raised a step.
 */
function reportable(target: number, actual: number, value: number): number {
  if (Number.isInteger(target) && Number.isInteger(actual)) return Math.ceil(value - 1e-9);
  return Math.ceil(value * 100 - 1e-7) / 100;
}

/** The actual value that gives `score` (< 100) for the continuous scorings (ratio, rating). */
function actualFor(scoring: number, target: number, score: number): number {
  return scoring === RATIO ? (score / 100) * target : score;
}

function workOf(scoring: number, target: number, actual: number, newActual: number): number {
  switch (scoring) {
    case RATIO:
      return (newActual - actual) / target;
    case BINARY:
      return 1;
    default: // RATING
      return (newActual - Math.max(0, actual)) / 100;
  }
}

export interface ChildLever {
  position: number;
  /** Points of the parent's index per point of this child's index: subShare × the child's weight share. */
  leverage: number;
  index: number;
  /** Points the child lacks to its own next band (undefined in the top band). */
  lacking?: number;
  /** Parent index points gained if the child reaches its next band. */
  gainAtNextBand?: number;
  /** Parent index points gained if the child reached 100: what ranks the list. */
  potential: number;
}

/**
 * For a parent (§4 "Subordinate index" and "Index"): which children's
 * improvements move its index most, by the most each child could add
 * (leverage × (100 − its index)). Children without an index are left out: they
 * would enter the average only once they have data.
 */
export function childLevers(ds: PreparedDataset, r: IndexResult, u: number): ChildLever[] {
  const prov = provenance(ds, r, u);
  const out = prov.children.map((c): ChildLever => {
    const leverage = prov.subShare * c.weightShare;
    const g = r.grade[c.position];
    const lacking = g === 0 || r.gradeBands.length === 0 ? undefined : r.gradeBands[g < 0 ? r.gradeBands.length - 1 : g - 1].min - c.index;
    return {
      position: c.position,
      leverage,
      index: c.index,
      lacking,
      gainAtNextBand: lacking === undefined ? undefined : leverage * lacking,
      potential: leverage * (100 - c.index),
    };
  });
  return out.sort((a, b) => b.potential - a.potential || a.position - b.position);
}
