import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import type { Assignment, Methodology, Org } from '../api/schemas';
import { assignment, compute, indicator, methodology } from '../../tests/fixtures/build';
import { indicatorScore } from './assignment';
import { isoDate, dayNumber } from './dates';
import { BINARY, INVERSE, RATING, RATIO } from './levels';
import { subtreePositions } from './views';

const AS_OF = '2025-06-30';
const day0 = dayNumber('2025-01-01');
const dateIn2025 = fc.integer({ min: 0, max: 364 }).map((k) => isoDate(day0 + k));
const weight = fc.double({ min: 0.05, max: 5, noNaN: true });

interface World {
  m: Methodology;
  orgs: Org[];
  assignments: Assignment[];
}

const scorings = ['ratio', 'binary', 'rating', 'inverse'] as const;

/** A random tree (each org's parent is an earlier org) with random assignments dated through 2025. */
const world: fc.Arbitrary<World> = fc
  .record({
    parents: fc.array(fc.nat(), { minLength: 0, maxLength: 14 }),
    categoryWeights: fc.tuple(weight, weight),
    indicatorWeights: fc.tuple(weight, weight, weight, weight),
    alpha: fc.double({ min: 0, max: 1, noNaN: true }),
    members: fc.boolean(),
    cells: fc.array(
      fc.record({
        org: fc.nat(),
        ind: fc.integer({ min: 0, max: 3 }),
        target: fc.double({ min: 0.5, max: 200, noNaN: true }),
        issued: dateIn2025,
        dueOffset: fc.integer({ min: -20, max: 300 }),
        exempt: fc.option(dateIn2025, { nil: null }),
        evaluated: fc.option(dateIn2025, { nil: null }),
        events: fc.array(fc.tuple(dateIn2025, fc.double({ min: 0, max: 250, noNaN: true })), { maxLength: 4 }),
      }),
      { maxLength: 40 },
    ),
    memberCounts: fc.array(fc.integer({ min: 0, max: 500 }), { minLength: 15, maxLength: 15 }),
  })
  .map(({ parents, categoryWeights, indicatorWeights, alpha, members, cells, memberCounts }) => {
    const orgs: Org[] = [{ id: 'O0', name: 'O0', tier: 'district', parentId: null, members: memberCounts[0] }];
    const depth = [0];
    parents.forEach((p, k) => {
      const parent = p % orgs.length;
      depth.push(depth[parent] + 1);
      orgs.push({ id: `O${k + 1}`, name: `O${k + 1}`, tier: ['district', 'town', 'grassroots'][Math.min(2, depth[parent] + 1)], parentId: orgs[parent].id, members: memberCounts[k + 1] });
    });
    const m = methodology({
      categories: [
        { id: 'A', name: { zh: 'A', en: 'A' }, weight: categoryWeights[0] },
        { id: 'B', name: { zh: 'B', en: 'B' }, weight: categoryWeights[1] },
      ],
      indicators: scorings.map((s, k) => indicator(`I${k}`, k < 2 ? 'A' : 'B', s, indicatorWeights[k])),
      rollup: { ownWeight: alpha, childWeighting: members ? 'members' : 'equal' },
    });
    const seen = new Set<string>();
    const assignments: Assignment[] = [];
    for (const c of cells) {
      const o = orgs[c.org % orgs.length].id;
      const key = `${o}/${c.ind}`;
      if (seen.has(key)) continue;
      seen.add(key);
      const scoring = scorings[c.ind];
      const progress = [...c.events].sort((a, b) => (a[0] < b[0] ? -1 : a[0] > b[0] ? 1 : 0)).map(([date, value]) => ({ date, value }));
      assignments.push(
        assignment(o, `I${c.ind}`, {
          target: scoring === 'binary' ? 1 : scoring === 'rating' ? 85 : scoring === 'inverse' ? Math.floor(c.target / 50) : c.target,
          issuedAt: c.issued,
          due: isoDate(dayNumber(c.issued) + c.dueOffset),
          exemptAt: c.exempt,
          evaluatedAt: c.evaluated,
          progress,
        }),
      );
    }
    return { m, orgs, assignments };
  });

const run = ({ m, orgs, assignments }: World, asOf = AS_OF) => compute(m, orgs, assignments, asOf);

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
