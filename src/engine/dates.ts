/**
 * Calendar dates as whole day numbers (days since 1970-01-01), so "days
 * between" is a subtraction and comparisons are integer comparisons. Dates are
 * China Standard Time calendar dates; no time zone enters the arithmetic.
 */

import { NO_DAY } from '../lib/calendar';

/** Stands for a workflow date that has not happened: later than any as-of date (what record validation writes for null). */
export const NEVER = NO_DAY;

const MS_PER_DAY = 86_400_000;

const digit = (s: string, k: number) => s.charCodeAt(k) - 48;

/**
 * `YYYY-MM-DD` → day number, by integer arithmetic on the characters (no Date,
 * no allocation: it runs for every date of every assignment). Howard Hinnant's
 * days-from-civil. Assumes a shape-checked date (see api/schemas).
 */
export function dayNumber(iso: string): number {
  let y = digit(iso, 0) * 1000 + digit(iso, 1) * 100 + digit(iso, 2) * 10 + digit(iso, 3);
  const m = digit(iso, 5) * 10 + digit(iso, 6);
  const d = digit(iso, 8) * 10 + digit(iso, 9);
  y -= m <= 2 ? 1 : 0;
  const era = Math.floor(y / 400);
  const yoe = y - era * 400;
  const doy = Math.floor((153 * (m + (m > 2 ? -3 : 9)) + 2) / 5) + d - 1;
  const doe = yoe * 365 + Math.floor(yoe / 4) - Math.floor(yoe / 100) + doy;
  return era * 146097 + doe - 719468;
}

export function dayNumberOrNever(iso: string | null | undefined): number {
  return iso ? dayNumber(iso) : NEVER;
}

const isoCache = new Map<number, string>();

/** Day number → `YYYY-MM-DD`. */
export function isoDate(day: number): string {
  let iso = isoCache.get(day);
  if (iso === undefined) {
    iso = new Date(day * MS_PER_DAY).toISOString().slice(0, 10);
    if (isoCache.size < 100_000) isoCache.set(day, iso);
  }
  return iso;
}

/** Last day of each month from January up to the month before `asOf`, then `asOf` itself (methodology §9). */
export function trendDates(asOf: string): string[] {
  const y = +asOf.slice(0, 4);
  const m = +asOf.slice(5, 7);
  const out: string[] = [];
  for (let month = 1; month < m; month++) out.push(isoDate(Date.UTC(y, month, 0) / MS_PER_DAY));
  out.push(asOf);
  return out;
}

/** Clamp an as-of date into a year: Jan 1 … Dec 31. */
export function clampToYear(asOf: string, year: number): string {
  const first = `${year}-01-01`;
  const last = `${year}-12-31`;
  return asOf < first ? first : asOf > last ? last : asOf;
}
