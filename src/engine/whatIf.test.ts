import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { validateDataset } from '../api/validate';
import { exampleAssignments, exampleMeta, exampleMethodology, exampleOrgs } from '../../tests/fixtures/example';
import { computeIndex } from './compute';
import { prepareDataset } from './prepare';
import { diffResults, withMethodology } from './whatIf';
import { AS_OF, runWorld, world } from '../../tests/support/world';

describe('what-if methodology (issue 12)', () => {
  const valid = validateDataset(exampleMeta, exampleMethodology, exampleOrgs, exampleAssignments);
  const ds = prepareDataset(valid.methodology, exampleMeta.tiers, valid.orgs, valid.assignments);
  const official = computeIndex(ds, '2025-06-30');

  it('shares the prepared assignment arrays and leaves the official dataset alone', () => {
    const w = withMethodology(ds, { ownWeight: 1, categoryWeights: { A: 1 } });
    expect(w.aTarget).toBe(ds.aTarget);
    expect(w.progressValue).toBe(ds.progressValue);
    expect(w.orgStart).toBe(ds.orgStart);
    expect([...ds.categoryWeight]).toEqual([0.6, 0.4]);
    expect(ds.methodology.rollup.ownWeight).toBe(0.4);
    expect([...computeIndex(ds, '2025-06-30').index]).toEqual([...official.index]);
  });

  it('no overrides: the same figures, nothing changes', () => {
    const same = computeIndex(withMethodology(ds, {}), '2025-06-30');
    expect([...same.index]).toEqual([...official.index]);
    expect(diffResults(official, same)).toEqual([]);
  });

  it('α = 1 scores parents on their own work only: the district (own 97) becomes 5A, T1 (own 22.2) stays ungraded', () => {
    const after = computeIndex(withMethodology(ds, { ownWeight: 1 }), '2025-06-30');
    const changes = diffResults(official, after);
    const d = changes.find((c) => c.position === 0)!;
    expect([d.gradeBefore, d.gradeAfter, d.indexAfter]).toEqual(['3A', '5A', 97]);
    expect(changes.some((c) => ds.orgs[c.position].id === 'T1' && c.gradeBefore !== c.gradeAfter)).toBe(false);
  });

  it('new grade bands change grades without touching the index', () => {
    const after = computeIndex(withMethodology(ds, { grades: [{ grade: 'PASS', min: 70 }] }), '2025-06-30');
    expect([...after.index]).toEqual([...official.index]);
    expect(diffResults(official, after).map((c) => [ds.orgs[c.position].id, c.gradeAfter])).toEqual([
      ['D', 'PASS'],
      ['T2', 'PASS'],
      ['G1', 'PASS'],
      ['G3', 'PASS'],
    ]);
  });

  it('equals preparing the dataset again from the changed methodology (property)', () => {
    const overrides = fc.record({
      a: fc.double({ min: 0, max: 3, noNaN: true }),
      b: fc.double({ min: 0.01, max: 3, noNaN: true }),
      alpha: fc.double({ min: 0, max: 1, noNaN: true }),
      members: fc.boolean(),
      cut: fc.double({ min: 0, max: 100, noNaN: true }),
    });
    fc.assert(
      fc.property(world, overrides, (w, o) => {
        const { ds: base } = runWorld(w);
        const grades = [
          { grade: 'TOP', min: o.cut },
          { grade: 'LOW', min: o.cut / 2 },
        ];
        const childWeighting = o.members ? 'members' : 'equal';
        const viaOverride = computeIndex(
          withMethodology(base, { categoryWeights: { A: o.a, B: o.b }, ownWeight: o.alpha, childWeighting, grades }),
          AS_OF,
        );
        const m = {
          ...w.m,
          categories: w.m.categories.map((c) => ({ ...c, weight: c.id === 'A' ? o.a : o.b })),
          rollup: { ownWeight: o.alpha, childWeighting },
          grades,
        } as const;
        const again = runWorld({ ...w, m }).r;
        expect([...viaOverride.index]).toEqual([...again.index]);
        expect([...viaOverride.grade]).toEqual([...again.grade]);
        expect([...viaOverride.rankInTier]).toEqual([...again.rankInTier]);
      }),
      { numRuns: 100 },
    );
  });
});
