/**
 * `YYYY-MM-DD` → whole day number (days since 1970-01-01) in one read of the characters, checking that the date
 * exists on the way. Record validation and preparation share it, so a province's ~7 M dates are read once, not
 * once to check and once more to index. Lives in lib: api (validation) and engine (day numbers) both use it.
 */

/** Not a calendar date (wrong shape, or a day its month does not have): below any day number of years 0000–9999. */
export const NOT_A_DAY = -0x7fffffff;
/** A workflow date that has not happened (null): later than any day number. The engine's `NEVER`. */
export const NO_DAY = 0x7fffffff;

const DAYS_IN_MONTH = [0, 31, 28, 31, 30, 31, 30, 31, 31, 30, 31, 30, 31];

/** The digit at `k` of `v`, or -1: char codes, no regex and no allocation. */
function digit(v: string, k: number): number {
  const c = v.charCodeAt(k) - 48;
  return c >= 0 && c <= 9 ? c : -1;
}

/**
 * The day number of a calendar date that exists (`YYYY-MM-DD`, the schema's shape, and a real day of its month:
 * not 2025-02-30), else `NOT_A_DAY`. Howard Hinnant's days-from-civil, in integers.
 */
export function calendarDay(v: string): number {
  if (v.length !== 10 || v.charCodeAt(4) !== 45 || v.charCodeAt(7) !== 45) return NOT_A_DAY;
  const y0 = digit(v, 0),
    y1 = digit(v, 1),
    y2 = digit(v, 2),
    y3 = digit(v, 3);
  const m0 = digit(v, 5),
    m1 = digit(v, 6),
    d0 = digit(v, 8),
    d1 = digit(v, 9);
  if ((y0 | y1 | y2 | y3 | m0 | m1 | d0 | d1) < 0) return NOT_A_DAY;
  let y = y0 * 1000 + y1 * 100 + y2 * 10 + y3;
  const m = m0 * 10 + m1;
  const d = d0 * 10 + d1;
  if (m < 1 || m > 12 || d < 1) return NOT_A_DAY;
  if (d > 28) {
    const leap = y % 4 === 0 && (y % 100 !== 0 || y % 400 === 0);
    if (d > (m === 2 && leap ? 29 : DAYS_IN_MONTH[m])) return NOT_A_DAY;
  }
  y -= m <= 2 ? 1 : 0;
  const era = Math.floor(y / 400);
  const yoe = y - era * 400;
  const doy = Math.floor((153 * (m + (m > 2 ? -3 : 9)) + 2) / 5) + d - 1;
  const doe = yoe * 365 + Math.floor(yoe / 4) - Math.floor(yoe / 100) + doy;
  return era * 146097 + doe - 719468;
}
