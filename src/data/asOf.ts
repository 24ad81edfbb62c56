/** Which year and as-of date are computed for what a URL asks: one rule for the browser and the server's summary. */
import type { Meta } from '../api/schemas';
import { clampToYear } from '../engine';

/**
 * The last date a year can be computed at (methodology §1): for `meta.defaultYear`
 * the date the data is complete to (`meta.asOf`), for other years December 31.
 * Computing later would invent lateness the data does not show.
 */
export function lastAsOf(meta: Meta, year: number): string {
  return year === meta.defaultYear ? clampToYear(meta.asOf, year) : `${year}-12-31`;
}

/** Default as-of date: the last date the year can be computed at. */
export const defaultAsOf = lastAsOf;

/** The as-of date actually computed for a requested one: inside the year, never past `lastAsOf`. */
export function effectiveAsOf(meta: Meta, year: number, requested: string | undefined): string {
  const last = lastAsOf(meta, year);
  if (requested === undefined) return last;
  const inYear = clampToYear(requested, year);
  return inYear > last ? last : inYear;
}

export function resolveYear(meta: Meta, year: number | undefined): number {
  return year !== undefined && meta.years.includes(year) ? year : meta.defaultYear;
}

/**
 * The year and the date a request is computed at, as meta resolves them: the summary's key and the worker's hint
 * alike (the first render's seed and the page derive them here, so they ask for the same summary).
 */
export function resolvePeriod(meta: Meta, year: number | undefined, asOf: string | undefined): { year: number; asOf: string } {
  const resolved = resolveYear(meta, year);
  return { year: resolved, asOf: effectiveAsOf(meta, resolved, asOf) };
}
