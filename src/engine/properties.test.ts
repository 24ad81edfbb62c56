import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { AS_OF, runWorld, world, type World } from '../../tests/support/world';
import { indicatorScore } from './assignment';
import { isoDate, dayNumber } from './dates';
import { BINARY, INVERSE, RATING, RATIO } from './levels';
import { subtreePositions } from './views';

const run = runWorld;

function expectSameNumbers(a: Float64Array, b: Float64Array, tolerance = 0) {
  expect(a.length).toBe(b.length);
  for (let k = 0; k < a.length; k++) {
    if (Number.isNaN(a[k])) expect(b[k]).toBeNaN();
    else if (tolerance === 0) expect(b[k]).toBe(a[k]);
    else expect(Math.abs(b[k] - a[k])).toBeLessThanOrEqual(tolerance);
  }
}

describe('engine invariants (property-based)', () => {
  it('every score, category score and index stays in [0, 100]', () => {
    fc.assert(
      fc.property(world, (w) => {
        const { r } = run(w);
        for (const arr of [r.own, r.sub, r.index, r.category, r.ownCategory, r.aScore]) {
          for (const v of arr) if (!Number.isNaN(v)) expect(v >= -1e-9 && v <= 100 + 1e-9).toBe(true);
        }
      }),
    );
  });

  it('raising an actual never lowers its score (never raises it for inverse, where lower is better)', () => {
    fc.assert(
      fc.property(
        fc.constantFrom(RATIO, BINARY, RATING, INVERSE),
        fc.double({ min: 0, max: 300, noNaN: true }),
        fc.double({ min: 0, max: 300, noNaN: true }),
        fc.double({ min: 0.01, max: 200, noNaN: true }),
        (scoring, a, b, target) => {
          const [lo, hi] = a <= b ? [a, b] : [b, a];
          const sLo = indicatorScore(scoring, lo, target, 20);
          const sHi = indicatorScore(scoring, hi, target, 20);
          if (scoring === INVERSE) expect(sHi).toBeLessThanOrEqual(sLo);
          else expect(sHi).toBeGreaterThanOrEqual(sLo);
        },
      ),
    );
  });

  it('raising the latest reported value of an assignment never lowers its score (non-inverse)', () => {
    fc.assert(
      fc.property(world, fc.double({ min: 0, max: 100, noNaN: true }), (w, bump) => {
        const before = run(w);
        const raised = w.assignments.map((a) =>
          a.indicatorId === 'I3' || a.progress.length === 0
            ? a
            : { ...a, progress: a.progress.map((e, k) => (k === a.progress.length - 1 ? { ...e, value: e.value + bump } : e)) },
        );
        const after = run({ ...w, assignments: raised });
        for (let k = 0; k < before.r.aScore.length; k++) {
          if (!Number.isNaN(before.r.aScore[k])) expect(after.r.aScore[k]).toBeGreaterThanOrEqual(before.r.aScore[k]);
        }
      }),
    );
  });

  it('scaling every weight by a constant changes nothing', () => {
    fc.assert(
      fc.property(world, fc.double({ min: 0.01, max: 1000, noNaN: true }), (w, k) => {
        const scaled: World = {
          ...w,
          m: {
            ...w.m,
            categories: w.m.categories.map((c) => ({ ...c, weight: c.weight * k })),
            indicators: w.m.indicators.map((i) => ({ ...i, weight: i.weight * k })),
          },
          orgs: w.orgs.map((o) => ({ ...o, members: o.members * k })),
        };
        const a = run(w).r;
        const b = run(scaled).r;
        expectSameNumbers(a.index, b.index, 1e-9);
        expectSameNumbers(a.category, b.category, 1e-9);
        expect([...b.grade]).toEqual([...a.grade]);
      }),
    );
  });

  it('an organisation with no data in its subtree has no index; one with data has one', () => {
    fc.assert(
      fc.property(world, (w) => {
        const { ds, r } = run(w);
        for (let u = 0; u < ds.orgs.length; u++) {
          const hasData = subtreePositions(ds, u).some((v) => {
            for (let a = ds.orgStart[v]; a < ds.orgStart[v + 1]; a++) if (r.aAlert[a] >= 0) return true;
            return false;
          });
          expect(Number.isNaN(r.index[u])).toBe(!hasData);
          expect(r.rankInTier[u] === 0).toBe(!hasData);
        }
      }),
    );
  });

  it('a report dated after the as-of date changes nothing', () => {
    fc.assert(
      fc.property(world, fc.integer({ min: 1, max: 180 }), fc.double({ min: 0, max: 500, noNaN: true }), (w, later, value) => {
        const date = isoDate(dayNumber(AS_OF) + later);
        const withLate = w.assignments.map((a) => ({ ...a, progress: [...a.progress.filter((e) => e.date <= AS_OF), { date, value }] }));
        const base = w.assignments.map((a) => ({ ...a, progress: a.progress.filter((e) => e.date <= AS_OF) }));
        const a = run({ ...w, assignments: base }).r;
        const b = run({ ...w, assignments: withLate }).r;
        expectSameNumbers(a.index, b.index);
        expectSameNumbers(a.category, b.category);
        expectSameNumbers(a.aScore, b.aScore);
        expect([...b.aAlert]).toEqual([...a.aAlert]);
        expect([...b.subtreeAlerts]).toEqual([...a.subtreeAlerts]);
      }),
    );
  });
});
