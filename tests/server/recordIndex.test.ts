// @vitest-environment node
/**
 * The summary worker's scoped filtering from bytes (server/recordIndex.ts) gives the records `filtered` gives from
 * the parsed array — same objects, same order — including records whose strings hold brackets, commas, quotes,
 * escapes and non-ASCII text, elements that are not records, and records without an orgId.
 */
import { describe, expect, it } from 'vitest';
import { mockDistrict } from '../../mocks/data/district';
import { filtered, indexTree, subtree } from '../../server/data';
import { arrayElementRanges, RecordIndex } from '../../server/recordIndex';

const bytesOf = (text: string) => new Uint8Array(Buffer.from(text, 'utf8'));
const elements = (text: string) => {
  const bytes = bytesOf(text);
  const ranges = arrayElementRanges(bytes);
  if (!ranges) return undefined;
  const out: unknown[] = [];
  for (let k = 0; k < ranges.length; k += 2) out.push(JSON.parse(Buffer.from(bytes.subarray(ranges[k], ranges[k + 1])).toString('utf8')));
  return out;
};

describe('arrayElementRanges', () => {
  it('finds each top-level element of a JSON array, whatever its strings hold', () => {
    const tricky = [
      { orgId: 'a', note: 'x], {y: "z"}, [' },
      { orgId: 'b"\\', note: '工会 “建家” \\"]}' },
      [1, [2, { three: [3] }]],
      'plain, string',
      42,
      null,
      { orgId: 'c', nested: { list: [{}, [], ''] } },
    ];
    for (const text of [JSON.stringify(tricky), JSON.stringify(tricky, null, 2), ` \n${JSON.stringify(tricky, null, '\t')}\r\n `])
      expect(elements(text)).toEqual(tricky);
    expect(elements('[]')).toEqual([]);
    expect(elements(' [ ] ')).toEqual([]);
  });

  it('answers undefined for what is not one JSON array', () => {
    for (const text of ['{}', '[1,]', '[,1]', '[1', '[1] x', '"[1]"']) expect(arrayElementRanges(bytesOf(text))).toBeUndefined();
  });
});

describe('RecordIndex', () => {
  it('filters the mock district by subtree exactly as the parsed array is filtered', () => {
    const district = mockDistrict(2025);
    // records the contract rejects still travel: filtering is not validation
    const assignments: unknown[] = [...district.assignments, { orgId: 42 }, 'not a record', { orgId: 'T-YINHU', note: '],["' }];
    const text = JSON.stringify(assignments);
    const index = RecordIndex.of(bytesOf(text), JSON.parse(text) as unknown[]);
    expect(index).toBeDefined();
    const year = { data: { methodology: district.methodology, orgs: district.orgs, assignments }, ...indexTree(district.orgs) };
    const roots = [
      district.orgs[0].id,
      'T-YINHU',
      ...district.orgs
        .filter((o) => o.tier === 'grassroots')
        .slice(0, 3)
        .map((o) => o.id),
    ];
    for (const root of roots) {
      const expected = filtered(year, 'assignments', root, root);
      expect(expected.length).toBeGreaterThan(0);
      expect(index!.filter(subtree(year, root)!)).toEqual(expected);
    }
    expect(index!.filter(new Set(['nobody']))).toEqual([]);
  });

  it('builds in steps: a province-sized array pauses between chunks, and ends as the one-go build', () => {
    const records = Array.from({ length: 40_000 }, (_, k) => ({ orgId: `O${k % 97}`, note: 'x'.repeat(200), k }));
    const text = JSON.stringify(records);
    const bytes = bytesOf(text);
    const work = RecordIndex.build(bytes, records);
    let pauses = 0;
    let step = work.next();
    while (!step.done) {
      pauses++;
      step = work.next();
    }
    expect(pauses).toBeGreaterThan(1);
    const ids = new Set(['O3', 'O50']);
    expect(step.value!.filter(ids)).toEqual(records.filter((r) => ids.has(r.orgId)));
  });

  it('declines bytes and a parse that do not line up', () => {
    expect(RecordIndex.of(bytesOf('[{"orgId":"a"}]'), [{ orgId: 'a' }, { orgId: 'b' }])).toBeUndefined();
  });
});
