import { describe, expect, it } from 'vitest';
import { assignment, compute, indicator, methodology, org } from '../../tests/fixtures/build';
import { orgAssignments, orgScores, subtreeAlertTally, subtreeOrgAlertTally, subtreeStageTally } from './views';
import { computeTrend, orgTrend } from './trend';

const ev = (date: string, value: number) => ({ date, value });

describe('aggregation (§4)', () => {
  it('an organisation with no data has no index, never 0', () => {
    const { ds, r, at } = compute(
      methodology(),
      [org('D', null), org('G1', 'D'), org('G2', 'D')],
      [assignment('G1', 'R', { progress: [ev('2025-03-01', 50)] })],
    );
    const g2 = orgScores(ds, r, at('G2'));
    expect(g2.index).toBeUndefined();
    expect(g2.own).toBeUndefined();
    expect(g2.grade).toBeUndefined();
    expect(g2.rankInTier).toBeUndefined();
    // the parent's subordinate index ignores G2 rather than counting it as 0
    expect(orgScores(ds, r, at('D')).sub).toBe(50);
  });

  it('a missing category is renormalised away, not counted as 0', () => {
    const { ds, r, at } = compute(methodology(), [org('D', null)], [assignment('D', 'R', { progress: [ev('2025-03-01', 80)] })]);
    const d = orgScores(ds, r, at('D'));
    expect(d.own).toBe(80);
    expect(d.categories).toEqual([80, undefined]);
  });

  it('weights within a category are renormalised over present indicators', () => {
    const m = methodology({
      indicators: [indicator('R', 'A', 'ratio', 3), indicator('Y', 'A', 'binary', 1), indicator('S', 'B', 'rating', 1)],
    });
    const { ds, r, at } = compute(
      m,
      [org('D', null)],
      [assignment('D', 'R', { progress: [ev('2025-03-01', 40)] }), assignment('D', 'Y', { target: 1, progress: [ev('2025-03-01', 1)] })],
    );
    expect(orgScores(ds, r, at('D')).own).toBeCloseTo((3 * 40 + 100) / 4, 12);
  });

  it('index mixes own and subordinate by α, or takes the one that is defined', () => {
    const m = methodology({ rollup: { ownWeight: 0.25, childWeighting: 'equal' } });
    const { ds, r, at } = compute(
      m,
      [org('D', null), org('T', 'D', 'town'), org('G', 'T')],
      [assignment('D', 'R', { progress: [ev('2025-03-01', 20)] }), assignment('G', 'R', { progress: [ev('2025-03-01', 60)] })],
    );
    expect(orgScores(ds, r, at('T'))).toMatchObject({ own: undefined, sub: 60, index: 60 });
    expect(orgScores(ds, r, at('D'))).toMatchObject({ own: 20, sub: 60, index: 0.25 * 20 + 0.75 * 60 });
  });

  it('members weighting: each child weighs its members; 0 members weigh nothing', () => {
    const m = methodology({ rollup: { ownWeight: 0, childWeighting: 'members' } });
    const orgs = [org('D', null), org('G1', 'D', 'grassroots', 300), org('G2', 'D', 'grassroots', 100), org('G3', 'D', 'grassroots', 0)];
    const { ds, r, at } = compute(m, orgs, [
      assignment('G1', 'R', { progress: [ev('2025-03-01', 80)] }),
      assignment('G2', 'R', { progress: [ev('2025-03-01', 40)] }),
      assignment('G3', 'R', { progress: [ev('2025-03-01', 0)] }),
    ]);
    expect(orgScores(ds, r, at('D')).sub).toBeCloseTo((300 * 80 + 100 * 40) / 400, 12);
  });

  it('members weighting falls back to equal weights when the averaged children have 0 members in all', () => {
    const m = methodology({ rollup: { ownWeight: 0.4, childWeighting: 'members' } });
    const orgs = [org('D', null), org('G1', 'D', 'grassroots', 0), org('G2', 'D', 'grassroots', 0), org('G3', 'D', 'grassroots', 500)];
    const { ds, r, at } = compute(m, orgs, [
      assignment('G1', 'R', { progress: [ev('2025-03-01', 80)] }),
      assignment('G2', 'R', { progress: [ev('2025-03-01', 40)] }),
    ]);
    // G3 has members but no index: it is not among the children being averaged
    expect(orgScores(ds, r, at('D')).sub).toBe(60);
  });

  it('category scores roll up independently of the index', () => {
    const { ds, r, at } = compute(
      methodology(),
      [org('D', null), org('G1', 'D'), org('G2', 'D')],
      [assignment('G1', 'R', { progress: [ev('2025-03-01', 100)] }), assignment('G2', 'S', { progress: [ev('2025-03-01', 50)] })],
    );
    const d = orgScores(ds, r, at('D'));
    expect(d.categories).toEqual([100, 50]);
    expect(d.index).toBe(75); // mean of the children's indices, not a mix of category scores
  });

  it('works at any tree depth', () => {
    const tiers = ['district', 'town', 'village', 'grassroots'].map((id) => ({ id, name: { zh: id, en: id } }));
    const md = { district: { id: 'D', name: 'D' }, tiers, years: [2025], defaultYear: 2025, asOf: '2025-06-30', generatedAt: '' };
    const orgs = [org('D', null), org('T', 'D', 'town'), org('V', 'T', 'village'), org('G', 'V', 'grassroots')];
    const { ds, r, at } = compute(methodology(), orgs, [assignment('G', 'R', { progress: [ev('2025-03-01', 70)] })], '2025-06-30', md);
    for (const id of ['D', 'T', 'V', 'G']) expect(orgScores(ds, r, at(id)).index).toBe(70);
  });
});

describe('state at D (§2)', () => {
  const orgs = [org('D', null), org('G', 'D')];
  it('an assignment issued after D is ignored everywhere', () => {
    const { ds, r, at } = compute(methodology(), orgs, [
      assignment('G', 'R', { issuedAt: '2025-07-01', due: '2025-07-10', exemptAt: '2025-06-01', progress: [ev('2025-06-01', 10)] }),
    ]);
    expect(orgScores(ds, r, at('G')).index).toBeUndefined();
    expect(subtreeStageTally(r, at('D'))).toEqual({ issued: 0, claimed: 0, reported: 0, evaluated: 0, exempt: 0 });
    expect(orgAssignments(ds, r, at('G'))).toEqual([]);
  });

  it('an exempt assignment counts only in the stage tallies', () => {
    const { ds, r, at } = compute(methodology(), orgs, [
      assignment('G', 'R', { due: '2025-02-01', exemptAt: '2025-03-01', progress: [] }),
      assignment('G', 'S', { progress: [ev('2025-03-01', 90)] }),
    ]);
    expect(orgScores(ds, r, at('G'))).toMatchObject({ own: 90, ownAlert: 'none' });
    expect(subtreeStageTally(r, at('D')).exempt).toBe(1);
    expect(subtreeAlertTally(r, at('D'))).toMatchObject({ none: 1, remind: 0, warn: 0, supervise: 0, interview: 0 });
  });

  it('before the exempt date the same assignment scores and alerts', () => {
    const { ds, r, at } = compute(methodology(), orgs, [assignment('G', 'R', { due: '2025-02-01', exemptAt: '2025-03-01' })], '2025-02-20');
    expect(orgScores(ds, r, at('G'))).toMatchObject({ own: 0, ownAlert: 'supervise' });
  });

  it('a report dated after D is ignored', () => {
    const { ds, r, at } = compute(methodology(), orgs, [assignment('G', 'R', { progress: [ev('2025-03-01', 40), ev('2025-07-15', 97)] })]);
    expect(orgScores(ds, r, at('G')).own).toBe(40);
  });

  it('no progress event means an actual of 0', () => {
    const { ds, r, at } = compute(methodology(), orgs, [assignment('G', 'V', { target: 0 }), assignment('G', 'R')]);
    const states = orgAssignments(ds, r, at('G'));
    expect(states.map((s) => [s.indicator.id, s.actual, s.score])).toEqual([
      ['V', 0, 100],
      ['R', 0, 0],
    ]);
  });
});

describe('grades (§5)', () => {
  const gradeOf = (value: number) => {
    const { ds, r, at } = compute(methodology(), [org('D', null)], [assignment('D', 'S', { progress: [ev('2025-03-01', value)] })]);
    return orgScores(ds, r, at('D')).grade;
  };
  it('is the band with the highest min that the index reaches', () => {
    expect(gradeOf(90)).toBe('5A');
    expect(gradeOf(89.99)).toBe('4A');
    expect(gradeOf(50)).toBe('1A');
    expect(gradeOf(49.9)).toBeUndefined();
  });
  it('floating-point noise below 1e-9 does not drop a grade', () => {
    expect(gradeOf(90 - 1e-10)).toBe('5A');
    expect(gradeOf(90 - 1e-8)).toBe('4A');
  });
  it('bands need not arrive sorted', () => {
    const m = methodology({
      grades: [
        { grade: 'B', min: 50 },
        { grade: 'A', min: 80 },
      ],
    });
    const { ds, r, at } = compute(m, [org('D', null)], [assignment('D', 'S', { progress: [ev('2025-03-01', 85)] })]);
    expect(orgScores(ds, r, at('D')).grade).toBe('A');
  });
});

describe('ranks (§6)', () => {
  const values = { G1: 80, G2: 90, G3: 80, G4: 70, G5: 80 + 1e-10 };
  const orgs = [
    org('D', null),
    org('T1', 'D', 'town'),
    org('T2', 'D', 'town'),
    org('G1', 'T1'),
    org('G2', 'T1'),
    org('G3', 'T2'),
    org('G4', 'T2'),
    org('G5', 'T2'),
    org('G6', 'T2'),
  ];
  const { ds, r, at } = compute(
    methodology(),
    orgs,
    Object.entries(values).map(([id, v]) => assignment(id, 'S', { progress: [ev('2025-03-01', v)] })),
  );
  it('standard competition ranking within the tier, ties within 1e-9', () => {
    const rank = (id: string) => orgScores(ds, r, at(id)).rankInTier;
    expect([rank('G2'), rank('G1'), rank('G3'), rank('G5'), rank('G4')]).toEqual([1, 2, 2, 2, 5]);
  });
  it('no index, no rank', () => expect(orgScores(ds, r, at('G6')).rankInTier).toBeUndefined());
  it('rank among siblings', () => {
    const sib = (id: string) => orgScores(ds, r, at(id)).rankAmongSiblings;
    expect([sib('G2'), sib('G1')]).toEqual([1, 2]);
    expect([sib('G3'), sib('G5'), sib('G4'), sib('G6')]).toEqual([1, 1, 3, undefined]);
  });
  it('counts the ranked orgs per tier', () => expect([...r.rankedPerTier]).toEqual([1, 2, 5]));
});

describe('alerts and tallies (§7, §8)', () => {
  it("an org's own level is the highest of its own active assignments; subtree tallies count orgs and assignments", () => {
    const orgs = [org('D', null), org('G1', 'D'), org('G2', 'D')];
    const { ds, r, at } = compute(methodology(), orgs, [
      assignment('G1', 'Y', { target: 1, due: '2025-05-01' }), // 60 days overdue: interview
      assignment('G1', 'V', { target: 0, progress: [ev('2025-02-01', 1)] }), // breach: warn
      assignment('G2', 'S', { claimedAt: '2025-01-05' }),
    ]);
    expect(orgScores(ds, r, at('G1')).ownAlert).toBe('interview');
    expect(orgScores(ds, r, at('D')).ownAlert).toBe('none');
    expect(subtreeAlertTally(r, at('D'))).toEqual({ none: 1, remind: 0, warn: 1, supervise: 0, interview: 1 });
    expect(subtreeOrgAlertTally(r, at('D'))).toEqual({ none: 2, remind: 0, warn: 0, supervise: 0, interview: 1 });
    expect(subtreeStageTally(r, at('D'))).toEqual({ issued: 2, claimed: 1, reported: 0, evaluated: 0, exempt: 0 });
  });
});

describe('trend (§9)', () => {
  it("is the org's index as of each month end, then D", () => {
    const { ds, r, at } = compute(
      methodology(),
      [org('D', null)],
      [assignment('D', 'S', { progress: [ev('2025-02-10', 40), ev('2025-04-30', 70)] })],
      '2025-05-15',
    );
    const trend = computeTrend(ds, '2025-05-15', r);
    expect(trend.dates).toEqual(['2025-01-31', '2025-02-28', '2025-03-31', '2025-04-30', '2025-05-15']);
    expect(orgTrend(trend, at('D'))).toEqual([0, 40, 40, 70, 70]);
    expect(trend.results[4]).toBe(r);
  });
});
