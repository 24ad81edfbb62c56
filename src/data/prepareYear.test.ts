import { describe, expect, it } from 'vitest';
import { assignment, meta, methodology, org } from '../../tests/fixtures/build';
import { validateDataset } from '../api/validate';
import { prepareDataset, type PreparedDataset } from '../engine';
import { prepareYear } from './prepareYear';

const ev = (date: string, value: number) => ({ date, value });

/** Plain arrays of every field, so two prepared datasets compare by value whatever buffers hold them. */
function plain(ds: PreparedDataset): Record<string, unknown> {
  const out: Record<string, unknown> = {};
  for (const [k, v] of Object.entries(ds))
    out[k] = ArrayBuffer.isView(v) ? Array.from(v as Int32Array) : k === 'children' ? (v as Int32Array[]).map((c) => Array.from(c)) : v;
  return out;
}

describe('prepareYear: validation and preparation in one pass', () => {
  // payload order differs from the tree's (G2 before T), orgs' records are split into runs, and records are
  // excluded before, between and after kept ones — the kept ones must be indexed as prepareDataset indexes them
  const orgs = [org('D', null), org('G2', 'T'), org('T', 'D', 'town'), org('G', 'T'), org('X', 'GHOST'), org('G3', 'X')];
  const assignments: unknown[] = [
    assignment('G', 'R', { progress: [ev('2025-02-01', 3), ev('2025-03-01', 5)] }),
    assignment('G2', 'R', { progress: [ev('2025-01-15', 1)] }),
    assignment('G', 'Y', { due: '2025-02-30' }), // invalidDate
    assignment('G3', 'R', { progress: [ev('2025-01-15', 9)] }), // under an excluded org
    assignment('T', 'R', { progress: [ev('2025-04-01', 7), ev('2025-05-01', 8), ev('2025-06-01', 9)] }),
    assignment('G', 'R'), // duplicateAssignment
    assignment('G2', 'Y', { claimedAt: '2025-01-20', reportedAt: '2025-03-03', progress: [ev('2025-03-03', 1)] }),
    assignment('G', 'R', { progress: [ev('2025-03-01', 5), ev('2025-02-01', 3)] }), // unsortedProgress
    assignment('D', 'R', { exemptAt: '2025-05-05', progress: [ev('2025-02-01', 2)] }),
    { orgId: 'G2' }, // invalidField
    assignment('G', 'Y', { evaluatedAt: '2025-06-06', progress: [ev('2025-06-01', 4)] }),
    assignment('T', 'Y', { target: 'x' as unknown as number, progress: [ev('2025-06-01', 4)] }), // invalidField
  ];

  it('gives the issues of validateDataset and the dataset prepareDataset makes of its records', () => {
    const valid = validateDataset(meta(), methodology(), orgs, assignments);
    expect(valid.issues.map((i) => i.rule)).toEqual([
      'unknownParent',
      'underExcludedOrg',
      'invalidDate',
      'underExcludedOrg',
      'duplicateAssignment',
      'unsortedProgress',
      'invalidField',
      'invalidField',
    ]);
    const year = prepareYear(meta(), methodology(), orgs, assignments);
    expect(year.issues).toEqual(valid.issues);
    expect(year.methodology).toEqual(valid.methodology);
    expect(plain(year.ds)).toEqual(plain(prepareDataset(valid.methodology, meta().tiers, valid.orgs, valid.assignments)));
    expect(year.ds.assignmentCount).toBe(6);
    expect(year.ds.progressDay).toHaveLength(9);
  });

  it('indexes a clean payload whole', () => {
    const clean = assignments.filter((_, i) => [0, 1, 4, 6, 8, 10].includes(i));
    const year = prepareYear(meta(), methodology(), orgs.slice(0, 4), clean);
    const valid = validateDataset(meta(), methodology(), orgs.slice(0, 4), clean);
    expect(year.issues).toEqual([]);
    expect(plain(year.ds)).toEqual(plain(prepareDataset(valid.methodology, meta().tiers, valid.orgs, valid.assignments)));
  });
});
