import { describe, expect, it } from 'vitest';
import { validateDataset } from '../api/validate';
import { exampleAssignments, exampleMeta, exampleMethodology, exampleOrgs } from '../../tests/fixtures/example';
import { assignmentPosition, assignmentRecord, computeIndex, orgScores, prepareDataset, subtreeAlertTally, subtreeStageTally } from '.';

/** Methodology §10, as of 2025-06-30: every number of the table and the tallies. */
describe('worked example (methodology §10)', () => {
  const valid = validateDataset(exampleMeta, exampleMethodology, exampleOrgs, exampleAssignments);
  const ds = prepareDataset(valid.methodology, exampleMeta.tiers, valid.orgs, valid.assignments);
  const r = computeIndex(ds, '2025-06-30');
  const at = (id: string) => orgScores(ds, r, ds.orgIndex.get(id)!);

  it('has no data-quality issues', () => expect(valid.issues).toEqual([]));

  const table: [
    string,
    number | undefined,
    number | undefined,
    number,
    string | undefined,
    number,
    number | undefined,
    number | undefined,
    string,
  ][] = [
    // org, own, sub, index, grade, rank in tier, cat A, cat B, own alert
    ['D', 97, 57.42, 73.252, '3A', 1, 63.8, 80.32, 'none'],
    ['T1', 22.2, 52.6, 40.44, undefined, 2, 43, 60, 'warn'],
    ['T2', undefined, 74.4, 74.4, '3A', 1, undefined, 74.4, 'none'],
    ['G1', 95.2, undefined, 95.2, '5A', 1, 100, 88, 'none'],
    ['G2', 10, undefined, 10, undefined, 3, 10, undefined, 'interview'],
    ['G3', 74.4, undefined, 74.4, '3A', 2, undefined, 74.4, 'warn'],
  ];
  it.each(table)('%s', (id, own, sub, index, grade, rank, catA, catB, alert) => {
    const s = at(id);
    const close = (actual: number | undefined, expected: number | undefined) =>
      expected === undefined ? expect(actual).toBeUndefined() : expect(actual).toBeCloseTo(expected, 9);
    close(s.own, own);
    close(s.sub, sub);
    close(s.index, index);
    expect(s.grade).toBe(grade);
    expect(s.rankInTier).toBe(rank);
    close(s.categories[0], catA);
    close(s.categories[1], catB);
    expect(s.ownAlert).toBe(alert);
  });

  it('subtree alert tallies', () => {
    const tallyOf = (id: string) => subtreeAlertTally(r, ds.orgIndex.get(id)!);
    expect(tallyOf('D')).toMatchObject({ remind: 0, warn: 4, supervise: 0, interview: 1 });
    expect(tallyOf('T1')).toMatchObject({ remind: 0, warn: 3, supervise: 0, interview: 1 });
    expect(tallyOf('T2')).toMatchObject({ remind: 0, warn: 1, supervise: 0, interview: 0 });
    expect(tallyOf('G3')).toMatchObject({ remind: 0, warn: 1, supervise: 0, interview: 0 });
    expect(tallyOf('G2')).toMatchObject({ remind: 0, warn: 1, supervise: 0, interview: 1 });
  });

  it('G2: A1 is 28.2 points behind pace, A2 is 41 days overdue', () => {
    const g2 = ds.orgIndex.get('G2')!;
    const a1 = assignmentPosition(ds, 'G2', 'A1');
    const a2 = assignmentPosition(ds, 'G2', 'A2');
    expect(ds.aOrg[a1]).toBe(g2);
    expect(r.aGap[a1]).toBeCloseTo(28.169, 3);
    expect(r.day - ds.aDue[a2]).toBe(41);
  });

  it('rebuilds every valid assignment record from the prepared arrays', () => {
    for (const a of valid.assignments) expect(assignmentRecord(ds, assignmentPosition(ds, a.orgId, a.indicatorId))).toEqual(a);
    expect(ds.assignmentCount).toBe(valid.assignments.length);
  });

  it('stage tallies for the district', () => {
    expect(subtreeStageTally(r, 0)).toEqual({ issued: 3, claimed: 4, reported: 3, evaluated: 3, exempt: 1 });
  });
});
