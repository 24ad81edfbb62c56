/** A score or an em dash for "no data" (one decimal, as the methodology displays scores). */
export const fmtScore = (v: number | undefined | null): string =>
  v === undefined || v === null || Number.isNaN(v) ? '—' : v.toFixed(1);
