/**
 * The analyst's view data (issue 12) on the worked example (methodology §10):
 * the provenance CSV against an independent computation from the fixture, the
 * what-if codec and simulation, rank intervals in-process.
 */
import { describe, expect, it } from 'vitest';
import { childLeverViews, nextGradeView, orgProvenance, provenanceCsv } from '../../src/data/provenance';
import { RankIntervals, rangeLabel, rankIntervalsFor, rankRobustnessAsync } from '../../src/data/robustness';
import { decodeWhatIf, encodeWhatIf, officialSettings, simulate } from '../../src/data/whatIf';
import { rankRobustness } from '../../src/engine';
import { dashboardOf, exampleDataset } from '../support/dashboard';
import { expectedProvenanceRows } from '../support/provenance';

describe('provenance (worked example)', () => {
  const d = dashboardOf();

  it.each(['D', 'T1', 'T2', 'G1', 'G2', 'G3'])(
    'the CSV of %s: exact header, rows as computed independently from the fixture, contributions summing to the own index',
    (id) => {
      const csv = provenanceCsv(d, id);
      expect(csv.header).toEqual(['indicatorId', 'categoryId', 'target', 'actual', 'score', 'contribution']);
      expect(csv.rows).toEqual(expectedProvenanceRows(id, d.asOf));
      const own = d.model.scores(id).own;
      const sum = csv.rows.reduce((s, r) => s + (r[5] as number), 0);
      if (own === undefined) expect(csv.rows).toEqual([]);
      else expect(Math.abs(sum - own)).toBeLessThanOrEqual(0.005 * csv.rows.length + 1e-9);
      expect(csv.filename).toBe(`provenance-${id}-2025-2025-06-30.csv`);
    },
  );

  it('uses the dashboard date: an earlier as-of gives the actuals of that date', () => {
    const early = dashboardOf(exampleDataset, '2025-03-31');
    expect(provenanceCsv(early, 'D').rows).toEqual(expectedProvenanceRows('D', '2025-03-31'));
    expect(provenanceCsv(early, 'D').rows).not.toEqual(provenanceCsv(d, 'D').rows);
  });

  it('each level adds up to the level above', () => {
    for (const id of ['D', 'T1', 'G1']) {
      const p = orgProvenance(d, id);
      const s = d.model.scores(id);
      expect(p.index).toBeCloseTo(s.index!, 9);
      expect(p.ownShare * (p.own ?? 0) + p.subShare * (p.sub ?? 0)).toBeCloseTo(p.index!, 9);
      if (p.own !== undefined) expect(p.categories.reduce((x, c) => x + c.contribution, 0)).toBeCloseTo(p.own, 9);
      for (const c of p.categories) {
        expect(c.assignments.reduce((x, a) => x + a.weightShare * a.score, 0)).toBeCloseTo(c.score, 9);
        expect(c.assignments.reduce((x, a) => x + a.contribution, 0)).toBeCloseTo(c.contribution, 9);
      }
      if (p.sub !== undefined) expect(p.children.reduce((x, c) => x + c.contribution, 0)).toBeCloseTo(p.sub, 9);
    }
  });

  it('carries each assignment’s workflow dates and progress up to the as-of date only', () => {
    const p = orgProvenance(dashboardOf(exampleDataset, '2025-03-31'), 'D');
    const a1 = p.categories[0].assignments.find((a) => a.indicator.id === 'A1')!;
    expect(a1.workflow.issuedAt).toBe('2025-01-10');
    expect(a1.workflow.claimedAt).toBe('2025-01-12');
    expect(a1.progress).toEqual([{ date: '2025-03-31', value: 85 }]);
  });
});

describe('next grade (worked example)', () => {
  const d = dashboardOf();

  it('T1 (ungraded, 40.44) needs 9.56 points for 1A: completing A2 gets it there', () => {
    const plan = nextGradeView(d, 'T1')!;
    expect(plan.nextGrade).toBe('1A');
    expect(plan.lacking).toBeCloseTo(9.56, 9);
    expect(plan.actions.map((a) => [a.indicator.id, a.newActual])).toEqual([['A2', 1]]);
    expect(plan.reachable).toBe(true);
  });

  it('G1 is in the top band: no plan', () => {
    expect(nextGradeView(d, 'G1')).toBeUndefined();
  });

  it('levers of T1: G2 (index 10) moves it most', () => {
    const levers = childLeverViews(d, 'T1');
    expect(levers.map((c) => c.id)).toEqual(['G2', 'G1']);
    expect(levers[0].leverage).toBeCloseTo(0.3, 9);
  });
});

describe('what-if codec and simulation', () => {
  const d = dashboardOf();
  const m = d.methodology;

  it('encodes only what differs from the official rules, and decodes it back', () => {
    const s = officialSettings(m);
    expect(encodeWhatIf(s, m)).toBeUndefined();
    const changed = {
      ...s,
      ownWeight: 0.8,
      childWeighting: 'members' as const,
      categoryWeights: { ...s.categoryWeights, B: 0.9 },
      gradeMins: { ...s.gradeMins, '5A': 95 },
    };
    const text = encodeWhatIf(changed, m)!;
    expect(text).toBe('a:0.8;c:members;w.B:0.9;g.5A:95');
    expect(decodeWhatIf(text, m)).toEqual(changed);
  });

  it('drops junk, unknown categories and out-of-range values (never throws)', () => {
    expect(decodeWhatIf('a:7;w.Z:0.5;w.A:-1;g.9A:50;c:bogus;nonsense;a:abc', m)).toEqual(officialSettings(m));
    expect(decodeWhatIf('a:0.5;junk', m).ownWeight).toBe(0.5);
  });

  it('α 0.8 lifts D from 3A to 4A; the official result is untouched', () => {
    const before = d.model.scores('D').index;
    const out = simulate(d, decodeWhatIf('a:0.8', m));
    expect(out.changes.map((c) => [c.id, c.gradeBefore, c.gradeAfter])).toEqual([['D', '3A', '4A']]);
    expect(out.gradeChanges).toBe(1);
    expect(out.model.scores('D').index).toBeCloseTo(87.868, 9);
    expect(d.model.scores('D').index).toBe(before);
  });
});

describe('rank intervals (in-process without a Worker)', () => {
  const d = dashboardOf();

  it('runs in-process in jsdom and equals the engine run', async () => {
    expect(typeof Worker).toBe('undefined');
    const r = await rankRobustnessAsync(d.ds, d.result);
    const direct = rankRobustness(d.ds, d.result, { draws: 1000, spread: 0.25, seed: 1 });
    expect(Array.from(r.p5)).toEqual(Array.from(direct.p5));
    expect(Array.from(r.p95)).toEqual(Array.from(direct.p95));
  });

  it('by id, the nominal rank inside its range; one run per result', async () => {
    const first = rankIntervalsFor(d);
    expect(rankIntervalsFor(d)).toBe(first);
    const intervals = await first;
    for (const id of ['D', 'T1', 'T2', 'G1', 'G2', 'G3']) {
      const x = intervals.of(id)!;
      expect(x.p5).toBeLessThanOrEqual(x.nominal);
      expect(x.nominal).toBeLessThanOrEqual(x.p95);
    }
    expect(intervals).toBeInstanceOf(RankIntervals);
  });

  it('labels a range "3–7" and a single rank as itself', () => {
    expect(rangeLabel({ nominal: 4, p5: 3, p95: 7 })).toBe('3–7');
    expect(rangeLabel({ nominal: 2, p5: 2, p95: 2 })).toBe('2');
  });
});
