/**
 * `YYYY-MM-DD` → whole day number (days since 1970-01-01) in one read of the characters, checking that the date
 * exists on the way. Record validation and preparation share it, so a province's ~7 M dates are read once, not
 * once to check and once more to index. Lives in lib: api (validation) and engine (day numbers) both use it.
 */

/** Not a calendar date (wrong shape, or a day its month does not have): below any day number of years 0000–9999. */
export const NOT_A_DAY = -0x7fffffff;
/** A workflow date that has not happened (null): later than any day number. The engine's `NEVER`. */
export const NO_DAY = 0x7fffffff;

/** Per year 0000–9999: the day number of its January 1, and whether it is a leap year (two 50 KB tables, made once). */
const JANUARY_FIRST = new Int32Array(10000);
const LEAP = new Uint8Array(10000);
for (let y = 0; y < 10000; y++) {
  LEAP[y] = y % 4 === 0 && (y % 100 !== 0 || y % 400 === 0) ? 1 : 0;
  // Howard Hinnant's days-from-civil for (y, 1, 1): January counts as month 10 of the year before
  const era = Math.floor((y - 1) / 400);
  const yoe = y - 1 - era * 400;
  JANUARY_FIRST[y] = era * 146097 + yoe * 365 + Math.floor(yoe / 4) - Math.floor(yoe / 100) + 306 - 719468;
}
const DAYS_BEFORE_MONTH = new Int32Array([0, 0, 31, 59, 90, 120, 151, 181, 212, 243, 273, 304, 334]);
const DAYS_IN_MONTH = new Int32Array([0, 31, 28, 31, 30, 31, 30, 31, 31, 30, 31, 30, 31]);

/**
 * The day number of a calendar date that exists (`YYYY-MM-DD`, the schema's shape, and a real day of its month:
 * not 2025-02-30), else `NOT_A_DAY`. Table lookups, no division: it runs for every date of every record.
 */
export function calendarDay(v: string): number {
  if (v.length !== 10 || v.charCodeAt(4) !== 45 || v.charCodeAt(7) !== 45) return NOT_A_DAY;
  const y0 = v.charCodeAt(0) - 48,
    y1 = v.charCodeAt(1) - 48,
    y2 = v.charCodeAt(2) - 48,
    y3 = v.charCodeAt(3) - 48;
  const m0 = v.charCodeAt(5) - 48,
    m1 = v.charCodeAt(6) - 48,
    d0 = v.charCodeAt(8) - 48,
    d1 = v.charCodeAt(9) - 48;
  // a character below '0' makes the OR negative; one above '9' fails its own test
  if ((y0 | y1 | y2 | y3 | m0 | m1 | d0 | d1) < 0 || y0 > 9 || y1 > 9 || y2 > 9 || y3 > 9 || m0 > 9 || m1 > 9 || d0 > 9 || d1 > 9)
    return NOT_A_DAY;
  const y = y0 * 1000 + y1 * 100 + y2 * 10 + y3;
  const m = m0 * 10 + m1;
  const d = d0 * 10 + d1;
  if (m < 1 || m > 12 || d < 1 || d > DAYS_IN_MONTH[m] + (m === 2 ? LEAP[y] : 0)) return NOT_A_DAY;
  return JANUARY_FIRST[y] + DAYS_BEFORE_MONTH[m] + (m > 2 ? LEAP[y] : 0) + d - 1;
}

/** A calendar date that exists: `YYYY-MM-DD` and a real day of its month (2025-02-30 is not one). */
export function isCalendarDate(v: string): boolean {
  return calendarDay(v) !== NOT_A_DAY;
}
