/**
 * The state of one assignment at a date (methodology §2, §3, §7), as scalar
 * functions over day numbers. The batch computation calls these in its loop.
 */
import {
  BINARY,
  CLAIMED,
  EPSILON,
  EVALUATED,
  EXEMPT,
  INTERVIEW,
  INVERSE,
  ISSUED,
  NONE,
  NOT_ISSUED,
  RATING,
  RATIO,
  REMIND,
  REPORTED,
  SUPERVISE,
  WARN,
} from './levels';

export interface AlertRules {
  remindDays: number;
  superviseDays: number;
  interviewDays: number;
  pace: { remind: number; warn: number; supervise: number };
}

/** Workflow dates as day numbers (`NEVER` when null). */
export interface WorkflowDays {
  issued: number;
  claimed: number;
  reported: number;
  evaluated: number;
  exempt: number;
}

export function stageAt(w: WorkflowDays, day: number): number {
  if (w.issued > day) return NOT_ISSUED;
  if (w.exempt <= day) return EXEMPT;
  if (w.evaluated <= day) return EVALUATED;
  if (w.reported <= day) return REPORTED;
  if (w.claimed <= day) return CLAIMED;
  return ISSUED;
}

/**
 * Index of the latest progress event dated on or before `day` within
 * `[start, end)` of sorted `dates` (of two on the same date, the later one), or -1.
 */
export function latestEventAt(dates: ArrayLike<number>, start: number, end: number, day: number): number {
  let lo = start;
  let hi = end; // first index with date > day
  while (lo < hi) {
    const mid = (lo + hi) >>> 1;
    if (dates[mid] <= day) lo = mid + 1;
    else hi = mid;
  }
  return lo - 1 >= start ? lo - 1 : -1;
}

export function indicatorScore(scoring: number, actual: number, target: number, penalty: number): number {
  switch (scoring) {
    case RATIO:
      return 100 * Math.min(actual / target, 1);
    case BINARY:
      return actual >= 1 ? 100 : 0;
    case RATING:
      return actual < 0 ? 0 : actual > 100 ? 100 : actual;
    default: // INVERSE
      return Math.max(0, 100 - penalty * Math.max(0, actual - target));
  }
}

export function isDone(scoring: number, actual: number, target: number, evaluatedByDay: boolean): boolean {
  switch (scoring) {
    case RATIO:
      return actual >= target;
    case BINARY:
      return actual >= 1;
    case RATING:
      return evaluatedByDay;
    default:
      return false; // inverse: no deadline, only breaches
  }
}

/** Expected share of the work by `day` (序时进度), in [0, 1]. */
export function expectedShare(day: number, issued: number, due: number): number {
  if (due <= issued) return day >= due ? 1 : 0;
  const e = (day - issued) / (due - issued);
  return e < 0 ? 0 : e > 1 ? 1 : e;
}

/** Percentage points behind 序时进度 for a `ratio` assignment (negative when ahead). */
export function paceGap(day: number, issued: number, due: number, actual: number, target: number): number {
  return 100 * (expectedShare(day, issued, due) - Math.min(actual / target, 1));
}

function atLeast(value: number, threshold: number): boolean {
  return value > threshold - EPSILON;
}

/** Alert level of one active assignment at `day` (methodology §7). */
export function alertLevel(
  scoring: number,
  actual: number,
  target: number,
  done: boolean,
  day: number,
  issued: number,
  due: number,
  rules: AlertRules,
): number {
  if (scoring === INVERSE) return actual > target ? WARN : NONE;
  if (done) return NONE;
  const overdue = day - due;
  if (overdue > rules.interviewDays) return INTERVIEW;
  if (overdue > rules.superviseDays) return SUPERVISE;
  if (overdue > 0) return WARN;
  let level = overdue >= -rules.remindDays ? REMIND : NONE;
  if (scoring === RATIO) {
    const gap = paceGap(day, issued, due, actual, target);
    const pace = atLeast(gap, rules.pace.supervise)
      ? SUPERVISE
      : atLeast(gap, rules.pace.warn)
        ? WARN
        : atLeast(gap, rules.pace.remind)
          ? REMIND
          : NONE;
    if (pace > level) level = pace;
  }
  return level;
}
