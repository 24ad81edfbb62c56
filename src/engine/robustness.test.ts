import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { validateDataset } from '../api/validate';
import { exampleAssignments, exampleMeta, exampleMethodology, exampleOrgs } from '../../tests/fixtures/example';
import { mockDistrict } from '../../mocks/data/district';
import { computeIndex, type IndexResult } from './compute';
import { EPSILON } from './levels';
import { prepareDataset, type PreparedDataset } from './prepare';
import { mulberry32, rankRobustness, type RankRobustness } from './robustness';
import { withMethodology } from './whatIf';
import { AS_OF, runWorld, world } from '../../tests/support/world';
import { assignment, compute, indicator, methodology, org } from '../../tests/fixtures/build';

function prepared(
  d: { meta: typeof exampleMeta; methodology: typeof exampleMethodology; orgs: typeof exampleOrgs; assignments: typeof exampleAssignments },
  asOf: string,
) {
  const v = validateDataset(d.meta, d.methodology, d.orgs, d.assignments);
  const ds = prepareDataset(v.methodology, d.meta.tiers, v.orgs, v.assignments);
  return { ds, r: computeIndex(ds, asOf) };
}

/** The positions tied with u in its tier at the nominal weights occupy ranks [rank, rank + ties − 1]. */
function tiedRange(ds: PreparedDataset, r: IndexResult, u: number): [number, number] {
  let ties = 0;
  for (let v = 0; v < ds.orgs.length; v++)
    if (ds.tier[v] === ds.tier[u] && r.rankInTier[v] > 0 && Math.abs(r.index[v] - r.index[u]) < EPSILON) ties++;
  return [r.rankInTier[u], r.rankInTier[u] + ties - 1];
}

function expectZeroWidth(rob: RankRobustness) {
  expect([...rob.p5]).toEqual([...rob.nominal]);
  expect([...rob.p95]).toEqual([...rob.nominal]);
}

/** Nearest-rank percentile, written out independently of the module. */
const nearestRank = (xs: number[], q: number) => [...xs].sort((a, b) => a - b)[Math.ceil(q * xs.length) - 1];

describe('rank robustness (issue 12)', () => {
  const example = prepared(
    { meta: exampleMeta, methodology: exampleMethodology, orgs: exampleOrgs, assignments: exampleAssignments },
    '2025-06-30',
  );

  it('zero perturbation gives zero width at the nominal rank', () =>
    expectZeroWidth(rankRobustness(example.ds, example.r, { spread: 0, draws: 50 })));

  it('is deterministic for a seed', () => {
    const a = rankRobustness(example.ds, example.r, { seed: 7, draws: 300 });
    const b = rankRobustness(example.ds, example.r, { seed: 7, draws: 300 });
    expect([...a.p5, ...a.p95]).toEqual([...b.p5, ...b.p95]);
  });

  it('the worked example: every nominal rank lies in its interval; ±25 % cannot swap the grassroots G1 > G3 > G2', () => {
    const rob = rankRobustness(example.ds, example.r);
    for (let u = 0; u < example.ds.orgs.length; u++) {
      expect(rob.p5[u]).toBeLessThanOrEqual(rob.nominal[u]);
      expect(rob.nominal[u]).toBeLessThanOrEqual(rob.p95[u]);
    }
    for (const id of ['G1', 'G2', 'G3']) {
      const u = example.ds.orgIndex.get(id)!;
      expect([rob.p5[u], rob.p95[u]]).toEqual([rob.nominal[u], rob.nominal[u]]);
    }
  });

  it('matches a reference Monte Carlo that recomputes everything with computeIndex (property)', () => {
    fc.assert(
      fc.property(world, fc.double({ min: 0, max: 0.9, noNaN: true }), fc.nat(), (w, spread, seed) => {
        const { ds, r } = runWorld(w);
        const draws = 40;
        const rob = rankRobustness(ds, r, { draws, spread, seed });
        const next = mulberry32(seed);
        const perOrg: number[][] = ds.orgs.map(() => []);
        for (let d = 0; d < draws; d++) {
          const categoryWeights = Object.fromEntries(
            ds.categories.map((c, k) => [c.id, ds.categoryWeight[k] * (1 - spread + 2 * spread * next())]),
          );
          const again = computeIndex(withMethodology(ds, { categoryWeights }), AS_OF);
          again.rankInTier.forEach((rank, u) => perOrg[u].push(rank));
        }
        for (let u = 0; u < ds.orgs.length; u++) {
          if (r.rankInTier[u] === 0) continue;
          expect([rob.p5[u], rob.p95[u]]).toEqual([nearestRank(perOrg[u], 0.05), nearestRank(perOrg[u], 0.95)]);
        }
      }),
      { numRuns: 60 },
    );
  });

  it('a draw that reverses a large tier (past the insertion-sort budget) still ranks like computeIndex', () => {
    // 300 unions trading category A against B: every draw with W_A < W_B reverses the nominal order
    const m = methodology({
      indicators: [indicator('R', 'A', 'ratio'), indicator('S', 'B', 'rating')],
      categories: [
        { id: 'A', name: { zh: 'A', en: 'A' }, weight: 1 },
        { id: 'B', name: { zh: 'B', en: 'B' }, weight: 1.001 },
      ],
    });
    const orgs = [org('D', null), ...Array.from({ length: 300 }, (_, k) => org(`G${k}`, 'D'))];
    const assignments = orgs
      .slice(1)
      .flatMap((o, k) => [
        assignment(o.id, 'R', { progress: [{ date: '2025-03-01', value: 20 + k / 5 }] }),
        assignment(o.id, 'S', { progress: [{ date: '2025-03-01', value: 80 - k / 5 }] }),
      ]);
    const { ds, r } = compute(m, orgs, assignments);
    const draws = 30;
    const rob = rankRobustness(ds, r, { draws, spread: 0.5, seed: 11 });
    const next = mulberry32(11);
    const perOrg: number[][] = ds.orgs.map(() => []);
    for (let d = 0; d < draws; d++) {
      const categoryWeights = Object.fromEntries(ds.categories.map((c, k) => [c.id, ds.categoryWeight[k] * (1 - 0.5 + 2 * 0.5 * next())]));
      computeIndex(withMethodology(ds, { categoryWeights }), AS_OF).rankInTier.forEach((rank, u) => perOrg[u].push(rank));
    }
    for (let u = 1; u < ds.orgs.length; u++)
      expect([rob.p5[u], rob.p95[u]]).toEqual([nearestRank(perOrg[u], 0.05), nearestRank(perOrg[u], 0.95)]);
    expect(rob.p95[1] - rob.p5[1]).toBeGreaterThan(250); // the first union is first or last
  });

  it('random datasets: zero perturbation gives zero width; the nominal rank (with the ranks its ties share) meets its interval (property)', () => {
    fc.assert(
      fc.property(world, fc.double({ min: 0, max: 0.5, noNaN: true }), (w, spread) => {
        const { ds, r } = runWorld(w);
        expectZeroWidth(rankRobustness(ds, r, { spread: 0, draws: 20 }));
        const rob = rankRobustness(ds, r, { spread, draws: 200 });
        for (let u = 0; u < ds.orgs.length; u++) {
          if (r.rankInTier[u] === 0) {
            expect([rob.p5[u], rob.p95[u]]).toEqual([0, 0]);
            continue;
          }
          const [best, worst] = tiedRange(ds, r, u);
          expect(rob.p5[u]).toBeLessThanOrEqual(worst);
          expect(rob.p95[u]).toBeGreaterThanOrEqual(best);
        }
      }),
      { numRuns: 100 },
    );
  });

  it('the mock district: 1,000 draws at ±25 %, every nominal rank inside its interval, and some ranks do move', () => {
    const d = mockDistrict(2025);
    const { ds, r } = prepared(d, d.meta.asOf);
    const rob = rankRobustness(ds, r);
    let moved = 0;
    for (let u = 0; u < ds.orgs.length; u++) {
      if (r.rankInTier[u] === 0) continue;
      expect(rob.p5[u]).toBeLessThanOrEqual(rob.nominal[u]);
      expect(rob.nominal[u]).toBeLessThanOrEqual(rob.p95[u]);
      if (rob.p95[u] > rob.p5[u]) moved++;
    }
    expect(moved).toBeGreaterThan(100);
  });
});
