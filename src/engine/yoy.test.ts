import { describe, expect, it } from 'vitest';
import type { Org } from '../api/schemas';
import { assignment, compute, meta, methodology, org } from '../../tests/fixtures/build';
import { commendationCandidates, compareYears, comparisonDate, exitCandidates, orgYearOverYear } from './yoy';

describe('comparison date (§13)', () => {
  it('is the same month and day of the year before; Feb 29 becomes Feb 28', () => {
    expect(comparisonDate('2025-06-30')).toBe('2024-06-30');
    expect(comparisonDate('2025-03-01')).toBe('2024-03-01');
    expect(comparisonDate('2024-02-29')).toBe('2023-02-28');
    expect(comparisonDate('2025-02-28')).toBe('2024-02-28');
  });
});

/** A grassroots union scoring `score` on one ratio indicator as of mid-year. */
const scoring = (year: number, orgId: string, score: number) =>
  assignment(orgId, 'R', { issuedAt: `${year}-01-01`, due: `${year}-12-31`, progress: [{ date: `${year}-03-01`, value: score }] });

function year(y: number, orgs: Org[], scores: Record<string, number>) {
  const m = methodology({ year: y });
  const c = compute(
    m,
    orgs,
    Object.entries(scores).map(([id, s]) => scoring(y, id, s)),
    `${y}-06-30`,
    meta({ years: [y], defaultYear: y }),
  );
  return { ds: c.ds, r: c.r };
}

describe('year over year (§13)', () => {
  // 2024: G2 was a town directly under the district; GONE closed in 2025; NEW founded in 2025
  const prev = year(
    2024,
    [
      org('D', null),
      org('T1', 'D', 'town'),
      org('T2', 'D', 'town'),
      org('G2', 'D', 'town'),
      org('G1', 'T1'),
      org('GONE', 'T1'),
      org('U', 'T2'),
      org('LOW', 'T2'),
    ],
    { G1: 95, GONE: 92, U: 50, LOW: 40, G2: 60 },
  );
  const now = year(
    2025,
    [
      org('D', null),
      org('T1', 'D', 'town'),
      org('T2', 'D', 'town'),
      org('G1', 'T1'),
      org('G2', 'T1'),
      org('NEW', 'T2'),
      org('U', 'T2'),
      org('LOW', 'T2'),
    ],
    { G1: 85, G2: 91, NEW: 70, LOW: 30 },
  );
  const yoy = compareYears(now, prev);
  const at = (id: string) => orgYearOverYear(prev, yoy, now.ds.orgIndex.get(id)!);

  it('index, grade and rank changes of an organisation present in both years', () => {
    expect(at('G1')).toEqual({ prevIndex: 95, indexChange: -10, prevGrade: '5A', prevRank: 1, rankChange: -1, gradeChange: -1 });
    // towns: 2024 T1 93.5, G2 60, T2 45 (ungraded) → 2025 T1 88, T2 50 (1A)
    const t2 = at('T2');
    expect(t2.prevIndex).toBeCloseTo(45, 9);
    expect(t2).toMatchObject({ prevRank: 3, rankChange: 1, gradeChange: 1 });
    expect(t2.prevGrade).toBeUndefined();
    expect(at('LOW')).toMatchObject({ prevIndex: 40, indexChange: -10, rankChange: 0, gradeChange: 0 });
  });

  it('no rank change when the tier changed (the grade change still counts)', () => {
    expect(at('G2')).toEqual({ prevIndex: 60, indexChange: 31, prevGrade: '2A', prevRank: 2, rankChange: undefined, gradeChange: 3 });
  });

  it('an organisation missing last year has no comparison', () => {
    expect(at('NEW')).toEqual({
      prevIndex: undefined,
      indexChange: undefined,
      prevGrade: undefined,
      prevRank: undefined,
      rankChange: undefined,
      gradeChange: undefined,
    });
    expect(yoy.prevPosition[now.ds.orgIndex.get('NEW')!]).toBe(-1);
  });

  it('an undefined index now leaves change, rank change and grade change undefined', () => {
    expect(at('U')).toEqual({
      prevIndex: 50,
      indexChange: undefined,
      prevGrade: '1A',
      prevRank: 3,
      rankChange: undefined,
      gradeChange: undefined,
    });
  });

  it('表彰: the top band now, per tier; 退出: top band last year and not now (closed ones too)', () => {
    const tiers = commendationCandidates(now.ds, now.r).map((list) => list.map((u) => now.ds.orgs[u].id));
    expect(tiers).toEqual([[], [], ['G2']]);
    const exits = exitCandidates(now, prev).map((e) => [
      prev.ds.orgs[e.prevPosition].id,
      e.position >= 0 ? now.ds.orgs[e.position].id : null,
    ]);
    expect(exits).toEqual([
      ['T1', 'T1'],
      ['G1', 'G1'],
      ['GONE', null],
    ]); // towns first; T1 went 93.5 → 88
  });
});
