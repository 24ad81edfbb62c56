/**
 * Random datasets for the engine's property tests (fast-check): a random tree
 * (each org's parent is an earlier org) over three tiers, two categories and
 * one indicator of each scoring, with random assignments dated through 2025.
 * Shared by the engine's property tests.
 */
import fc from 'fast-check';
import type { Assignment, Methodology, Org } from '../../src/api/schemas';
import { assignment, compute, indicator, methodology } from '../fixtures/build';
import { dayNumber, isoDate } from '../../src/engine/dates';

export const AS_OF = '2025-06-30';
const day0 = dayNumber('2025-01-01');
const dateIn2025 = fc.integer({ min: 0, max: 364 }).map((k) => isoDate(day0 + k));
const weight = fc.double({ min: 0.05, max: 5, noNaN: true });
const scorings = ['ratio', 'binary', 'rating', 'inverse'] as const;

export interface World {
  m: Methodology;
  orgs: Org[];
  assignments: Assignment[];
}

export const world: fc.Arbitrary<World> = fc
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
      orgs.push({
        id: `O${k + 1}`,
        name: `O${k + 1}`,
        tier: ['district', 'town', 'grassroots'][Math.min(2, depth[parent] + 1)],
        parentId: orgs[parent].id,
        members: memberCounts[k + 1],
      });
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

export const runWorld = ({ m, orgs, assignments }: World, asOf = AS_OF) => compute(m, orgs, assignments, asOf);
