import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import type { Assignment } from '../api/schemas';
import { validateDataset } from '../api/validate';
import { exampleAssignments, exampleMeta, exampleMethodology, exampleOrgs } from '../../tests/fixtures/example';
import { computeIndex } from './compute';
import { EPSILON } from './levels';
import { childLevers, nextGradePlan, type NextGradePlan } from './nextGrade';
import { prepareDataset, type PreparedDataset } from './prepare';
import { AS_OF, runWorld, world, type World } from '../../tests/support/world';

describe('distance to the next grade on the worked example', () => {
  const valid = validateDataset(exampleMeta, exampleMethodology, exampleOrgs, exampleAssignments);
  const ds = prepareDataset(valid.methodology, exampleMeta.tiers, valid.orgs, valid.assignments);
  const r = computeIndex(ds, '2025-06-30');
  const plan = (id: string) => nextGradePlan(ds, r, ds.orgIndex.get(id)!)!;

  it('T1 (40.44, ungraded) lacks 9.56 to 1A; holding the re-election (A2) gets it there, counted at α = 0.4', () => {
    const p = plan('T1');
    expect([p.grade, p.nextGrade, p.nextMin, p.ownShare]).toEqual([undefined, '1A', 50, 0.4]);
    expect(p.lacking).toBeCloseTo(9.56, 9);
    expect(p.actions.map((a) => [a.indicatorId, a.actual, a.newActual])).toEqual([['A2', 0, 1]]);
    expect(p.actions[0].points).toBeCloseTo(12, 9); // 0.4 · 0.6 · 0.5 · 100
    expect(p.reachable).toBe(true);
    expect(p.reachedIndex).toBeCloseTo(52.44, 9);
  });

  it('the district (3A) cannot reach 4A by its own work: its own index is 97 already', () => {
    const p = plan('D');
    expect([p.grade, p.nextGrade, p.reachable]).toEqual(['3A', '4A', false]);
    expect(p.actions.map((a) => [a.indicatorId, a.newActual])).toEqual([['A1', 95]]);
    expect(p.reachedIndex).toBeCloseTo(73.252 + 0.4 * 0.6 * 5, 9);
  });

  it('G1 in the top band has no plan', () => expect(nextGradePlan(ds, r, ds.orgIndex.get('G1')!)).toBeUndefined());

  it('for the district, improving T1 moves it most: each town weighs 0.6 × 0.5', () => {
    const levers = childLevers(ds, r, 0);
    expect(levers.map((l) => ds.orgs[l.position].id)).toEqual(['T1', 'T2']);
    expect(levers[0].leverage).toBeCloseTo(0.3, 12);
    expect(levers[0].gainAtNextBand).toBeCloseTo(0.3 * 9.56, 9);
    expect(levers[1].potential).toBeCloseTo(0.3 * 25.6, 9);
  });
});

/** Report each action's new actual as a progress event at D (after any event already dated D). */
function applyPlan(w: World, ds: PreparedDataset, plan: NextGradePlan): World {
  const changes = new Map(plan.actions.map((a) => [`${ds.orgs[ds.aOrg[a.position]].id}/${a.indicatorId}`, a.newActual]));
  const assignments = w.assignments.map((a): Assignment => {
    const value = changes.get(`${a.orgId}/${a.indicatorId}`);
    if (value === undefined) return a;
    const k = a.progress.filter((e) => e.date <= AS_OF).length;
    return { ...a, progress: [...a.progress.slice(0, k), { date: AS_OF, value }, ...a.progress.slice(k)] };
  });
  return { ...w, assignments };
}

describe('next-grade plans on random datasets (property)', () => {
  it('applying the proposed actions and recomputing reaches the next grade; an unreachable plan really falls short', () => {
    fc.assert(
      fc.property(world, (w) => {
        const { ds, r } = runWorld(w);
        for (let u = 0; u < ds.orgs.length; u++) {
          const plan = nextGradePlan(ds, r, u);
          if (!plan) continue;
          const after = runWorld(applyPlan(w, ds, plan)).r;
          expect(Math.abs(after.index[u] - plan.reachedIndex)).toBeLessThanOrEqual(1e-9);
          const band = r.gradeBands.findIndex((b) => b.grade === plan.nextGrade);
          if (plan.reachable) {
            expect(after.grade[u]).toBeGreaterThanOrEqual(0);
            expect(after.grade[u]).toBeLessThanOrEqual(band);
          } else {
            expect(after.index[u]).toBeLessThan(plan.nextMin - EPSILON);
          }
          for (const a of plan.actions) {
            expect(a.points).toBeGreaterThan(0);
            // never an inverse count (what it counts cannot be undone)
            expect(a.scoring).not.toBe('inverse');
            if (a.newScore >= 100) continue;
            // an action stopped at the band asks what can be reported, as the page prints it: a whole count, else two
            // decimals (and reporting it reaches the band: above)
            expect(Math.abs(a.newActual * 100 - Math.round(a.newActual * 100))).toBeLessThan(1e-6);
            if (Number.isInteger(a.target) && Number.isInteger(a.actual)) expect(Number.isInteger(a.newActual)).toBe(true);
          }
        }
      }),
      { numRuns: 150 },
    );
  });
});
