import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { validateDataset } from '../api/validate';
import { exampleAssignments, exampleMeta, exampleMethodology, exampleOrgs } from '../../tests/fixtures/example';
import { compute, methodology, org, assignment } from '../../tests/fixtures/build';
import { computeIndex, type IndexResult } from './compute';
import { prepareDataset, type PreparedDataset } from './prepare';
import { PROVENANCE_CSV_HEADER, provenance, provenanceCsvRows } from './provenance';
import { runWorld, world } from '../../tests/support/world';

const sum = (xs: number[]) => xs.reduce((s, x) => s + x, 0);

/** Every level adds up to the level above, to 1e-9. */
function expectAddsUp(ds: PreparedDataset, r: IndexResult, u: number) {
  const p = provenance(ds, r, u);
  if (p.own === undefined) expect(p.categories).toEqual([]);
  else {
    expect(Math.abs(sum(provenanceCsvRows(p).map((row) => row[5])) - p.own)).toBeLessThanOrEqual(1e-9);
    expect(Math.abs(sum(p.categories.map((c) => c.contribution)) - p.own)).toBeLessThanOrEqual(1e-9);
    for (const c of p.categories)
      expect(Math.abs(sum(c.assignments.map((a) => a.weightShare * a.score)) - c.score)).toBeLessThanOrEqual(1e-9);
  }
  if (p.sub === undefined) expect(p.children).toEqual([]);
  else expect(Math.abs(sum(p.children.map((c) => c.contribution)) - p.sub)).toBeLessThanOrEqual(1e-9);
  if (p.index === undefined) expect(p.ownShare + p.subShare).toBe(0);
  else expect(Math.abs(p.ownShare * (p.own ?? 0) + p.subShare * (p.sub ?? 0) - p.index)).toBeLessThanOrEqual(1e-9);
}

describe('provenance (§4) on the worked example', () => {
  const valid = validateDataset(exampleMeta, exampleMethodology, exampleOrgs, exampleAssignments);
  const ds = prepareDataset(valid.methodology, exampleMeta.tiers, valid.orgs, valid.assignments);
  const r = computeIndex(ds, '2025-06-30');
  const at = (id: string) => provenance(ds, r, ds.orgIndex.get(id)!);

  it('T1: own 22.2 from A1 15 + A2 0 + B1 0 + B2 7.2; sub 52.6 from G1 and G2 equally; index = 0.4·own + 0.6·sub', () => {
    const p = at('T1');
    expect(p.ownShare).toBe(0.4);
    expect(p.subShare).toBeCloseTo(0.6, 12);
    expect(p.categories.map((c) => [c.categoryId, c.weightShare, c.score])).toEqual([
      ['A', 0.6, 25],
      ['B', 0.4, 18],
    ]);
    const rows = provenanceCsvRows(p);
    expect(rows.map((row) => row.slice(0, 2))).toEqual([
      ['A1', 'A'],
      ['A2', 'A'],
      ['B1', 'B'],
      ['B2', 'B'],
    ]);
    const contributions = rows.map((row) => row[5]);
    [15, 0, 0, 7.2].forEach((v, k) => expect(contributions[k]).toBeCloseTo(v, 12));
    expect(rows[3].slice(2, 5)).toEqual([1, 3, 60]); // B2: target 1, actual 3, score 100 − 20·2
    expect(p.children.map((c) => [ds.orgs[c.position].id, c.weight, c.weightShare])).toEqual([
      ['G1', 1, 0.5],
      ['G2', 1, 0.5],
    ]);
    expect(p.index).toBeCloseTo(40.44, 9);
  });

  it('G2: its exempt B1 is not in its provenance; T2: no own, index = sub', () => {
    expect(provenanceCsvRows(at('G2')).map((row) => row[0])).toEqual(['A1', 'A2']);
    const t2 = at('T2');
    expect([t2.ownShare, t2.subShare, t2.own, t2.categories]).toEqual([0, 1, undefined, []]);
  });

  it('every organisation adds up (1e-9)', () => {
    for (let u = 0; u < ds.orgs.length; u++) expectAddsUp(ds, r, u);
  });

  it('has the CSV header of the issue', () =>
    expect(PROVENANCE_CSV_HEADER.join(',')).toBe('indicatorId,categoryId,target,actual,score,contribution'));
});

describe('provenance of the subordinate index (§4): members weighting', () => {
  const scored = (id: string, value: number) => assignment(id, 'R', { progress: [{ date: '2025-03-01', value }] });
  it('weighs children by members, and equally when their members sum to 0', () => {
    const m = methodology({ rollup: { ownWeight: 0.4, childWeighting: 'members' } });
    const a = compute(
      m,
      [org('D', null), org('G1', 'D', 'grassroots', 300), org('G2', 'D', 'grassroots', 100)],
      [scored('G1', 80), scored('G2', 40)],
    );
    const p = provenance(a.ds, a.r, 0);
    expect(p.children.map((c) => [c.weight, c.weightShare])).toEqual([
      [300, 0.75],
      [100, 0.25],
    ]);
    expect(p.sub).toBeCloseTo(70, 12);
    expect(p.membersFallback).toBe(false);
    const b = compute(
      m,
      [org('D', null), org('G1', 'D', 'grassroots', 0), org('G2', 'D', 'grassroots', 0)],
      [scored('G1', 80), scored('G2', 40)],
    );
    const q = provenance(b.ds, b.r, 0);
    expect(q.membersFallback).toBe(true);
    expect(q.children.map((c) => [c.weight, c.weightShare])).toEqual([
      [1, 0.5],
      [1, 0.5],
    ]);
    expect(q.sub).toBeCloseTo(60, 12);
  });
});

describe('provenance on random datasets (property)', () => {
  it('contributions sum to the own index, children to sub, and own/sub mix to the index', () => {
    fc.assert(
      fc.property(world, (w) => {
        const { ds, r } = runWorld(w);
        for (let u = 0; u < ds.orgs.length; u++) expectAddsUp(ds, r, u);
      }),
      { numRuns: 200 },
    );
  });
});
