/**
 * Calendar dates as whole day numbers (days since 1970-01-01), so "days
 * between" is a subtraction and comparisons are integer comparisons. Dates are
 * China Standard Time calendar dates; no time zone enters the arithmetic.
 */

/** Stands for a workflow date that has not happened: later than any as-of date. */
export const NEVER = 0x7fffffff;

const MS_PER_DAY = 86_400_000;

// A dataset holds a few hundred distinct dates over hundreds of thousands of fields.
const dayCache = new Map<string, number>();

/** `YYYY-MM-DD` → day number. Assumes a shape-checked date (see api/schemas). */
export function dayNumber(iso: string): number {
  let day = dayCache.get(iso);
  if (day === undefined) {
    day = Date.UTC(+iso.slice(0, 4), +iso.slice(5, 7) - 1, +iso.slice(8, 10)) / MS_PER_DAY;
    if (dayCache.size < 100_000) dayCache.set(iso, day);
  }
  return day;
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
