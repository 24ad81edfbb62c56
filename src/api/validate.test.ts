import { describe, expect, it } from 'vitest';
import { assignment, indicator, meta, methodology, org } from '../../tests/fixtures/build';
import { validateDataset, type DataQualityRule } from './validate';
import { PayloadError } from './errors';

const ev = (date: string, value: number) => ({ date, value });
const baseOrgs = [org('D', null), org('T', 'D', 'town'), org('G', 'T')];

function rulesOf(result: ReturnType<typeof validateDataset>): [string, DataQualityRule][] {
  return result.issues.map((i) => [i.path, i.rule]);
}

describe('record-level validation (contract: bad data)', () => {
  it('keeps a clean dataset whole', () => {
    const v = validateDataset(meta(), methodology(), baseOrgs, [assignment('G', 'R')]);
    expect(v.issues).toEqual([]);
    expect(v.orgs.map((o) => o.id)).toEqual(['D', 'T', 'G']);
    expect(v.assignments).toHaveLength(1);
  });

  it('unknown orgId', () => {
    const v = validateDataset(meta(), methodology(), baseOrgs, [assignment('G', 'R'), assignment('NOPE', 'R')]);
    expect(rulesOf(v)).toEqual([['assignments[1]', 'unknownOrg']]);
    expect(v.issues[0]).toMatchObject({ record: 'NOPE · R', detail: 'NOPE' });
    expect(v.assignments).toHaveLength(1);
  });

  it('unknown indicatorId', () => {
    const v = validateDataset(meta(), methodology(), baseOrgs, [assignment('G', 'ZZ')]);
    expect(rulesOf(v)).toEqual([['assignments[0]', 'unknownIndicator']]);
  });

  it('unknown parentId', () => {
    const v = validateDataset(meta(), methodology(), [...baseOrgs, org('X', 'GHOST')], []);
    expect(rulesOf(v)).toEqual([['orgs[3]', 'unknownParent']]);
  });

  it('unknown tier', () => {
    const v = validateDataset(meta(), methodology(), [...baseOrgs, org('X', 'T', 'village')], []);
    expect(rulesOf(v)).toEqual([['orgs[3].tier', 'unknownTier']]);
  });

  it('duplicate org id: the first is kept', () => {
    const dup = { ...org('G', 'D'), name: 'second' };
    const v = validateDataset(meta(), methodology(), [...baseOrgs, dup], []);
    expect(rulesOf(v)).toEqual([['orgs[3]', 'duplicateId']]);
    expect(v.orgs.find((o) => o.id === 'G')!.parentId).toBe('T');
  });

  it('duplicate assignment (orgId, indicatorId): the first valid one is kept', () => {
    const v = validateDataset(meta(), methodology(), baseOrgs, [
      assignment('G', 'R', { target: 0 }),
      assignment('G', 'R', { target: 90 }),
      assignment('G', 'R', { target: 80 }),
    ]);
    expect(rulesOf(v)).toEqual([['assignments[0].target', 'ratioTarget'], ['assignments[2]', 'duplicateAssignment']]);
    expect(v.assignments[0].target).toBe(90);
  });

  it('a cycle in the tree excludes its members and what hangs below them', () => {
    const orgs = [...baseOrgs, org('C1', 'C2'), org('C2', 'C1'), org('C3', 'C1')];
    const v = validateDataset(meta(), methodology(), orgs, [assignment('C3', 'R'), assignment('G', 'R')]);
    expect(rulesOf(v)).toEqual([
      ['orgs[3]', 'cycle'],
      ['orgs[4]', 'cycle'],
      ['orgs[5]', 'underExcludedOrg'],
      ['assignments[0]', 'underExcludedOrg'],
    ]);
    expect(v.assignments).toHaveLength(1);
  });

  it('a self-parented org is a cycle', () => {
    const v = validateDataset(meta(), methodology(), [...baseOrgs, org('S', 'S')], []);
    expect(rulesOf(v)).toEqual([['orgs[3]', 'cycle']]);
  });

  it('children of an excluded org are excluded as under an excluded organisation', () => {
    const v = validateDataset(meta(), methodology(), [...baseOrgs, org('X', 'T', 'village'), org('Y', 'X')], []);
    expect(rulesOf(v)).toEqual([['orgs[3].tier', 'unknownTier'], ['orgs[4]', 'underExcludedOrg']]);
  });

  it('a second root is excluded; the one named by meta stays', () => {
    const v = validateDataset(meta(), methodology(), [org('R2', null), ...baseOrgs], []);
    expect(rulesOf(v)).toEqual([['orgs[0]', 'multipleRoots']]);
    expect(v.orgs[0].id).toBe('D');
  });

  it('no root at all is a payload error', () => {
    expect(() => validateDataset(meta(), methodology(), [org('A', 'B'), org('B', 'A')], [])).toThrow(PayloadError);
  });

  it('ratio target ≤ 0', () => {
    const v = validateDataset(meta(), methodology(), baseOrgs, [assignment('G', 'R', { target: 0 }), assignment('T', 'R', { target: -5 })]);
    expect(rulesOf(v)).toEqual([['assignments[0].target', 'ratioTarget'], ['assignments[1].target', 'ratioTarget']]);
  });

  it('inverse target < 0 (0 is a valid limit)', () => {
    const v = validateDataset(meta(), methodology(), baseOrgs, [assignment('G', 'V', { target: -1 }), assignment('T', 'V', { target: 0 })]);
    expect(rulesOf(v)).toEqual([['assignments[0].target', 'inverseTarget']]);
  });

  it('negative progress', () => {
    const v = validateDataset(meta(), methodology(), baseOrgs, [assignment('G', 'R', { progress: [ev('2025-02-01', 5), ev('2025-03-01', -1)] })]);
    expect(rulesOf(v)).toEqual([['assignments[0].progress[1].value', 'negativeProgress']]);
    expect(v.issues[0].detail).toBe('progress[1].value = -1');
  });

  it('unsorted progress (same-date events are fine)', () => {
    const v = validateDataset(meta(), methodology(), baseOrgs, [
      assignment('G', 'R', { progress: [ev('2025-03-01', 5), ev('2025-02-01', 6)] }),
      assignment('T', 'R', { progress: [ev('2025-03-01', 5), ev('2025-03-01', 6)] }),
    ]);
    expect(rulesOf(v)).toEqual([['assignments[0].progress[1].date', 'unsortedProgress']]);
  });

  it('non-positive weights: the category or indicator goes, and what depends on it', () => {
    const m = methodology({
      categories: [
        { id: 'A', name: { zh: 'A', en: 'A' }, weight: 0.6 },
        { id: 'B', name: { zh: 'B', en: 'B' }, weight: 0 },
      ],
      indicators: [indicator('R', 'A', 'ratio', -1), indicator('Y', 'A', 'binary'), indicator('S', 'B', 'rating')],
    });
    const v = validateDataset(meta(), m, baseOrgs, [assignment('G', 'R'), assignment('G', 'Y'), assignment('G', 'S')]);
    expect(rulesOf(v)).toEqual([
      ['methodology.categories[1].weight', 'nonPositiveWeight'],
      ['methodology.indicators[0].weight', 'nonPositiveWeight'],
      ['methodology.indicators[2]', 'unknownCategory'],
      ['assignments[0]', 'unknownIndicator'],
      ['assignments[2]', 'unknownIndicator'],
    ]);
    expect(v.methodology.indicators.map((i) => i.id)).toEqual(['Y']);
  });

  it('inverse without penalty', () => {
    const m = methodology({ indicators: [indicator('R', 'A', 'ratio'), { ...indicator('V', 'B', 'inverse'), penalty: undefined }] });
    const v = validateDataset(meta(), m, baseOrgs, [assignment('G', 'V')]);
    expect(rulesOf(v)).toEqual([['methodology.indicators[1].penalty', 'inversePenalty'], ['assignments[0]', 'unknownIndicator']]);
  });

  it('duplicate indicator and category ids', () => {
    const m = methodology({
      categories: [
        { id: 'A', name: { zh: 'A', en: 'A' }, weight: 0.6 },
        { id: 'A', name: { zh: 'A2', en: 'A2' }, weight: 0.4 },
      ],
      indicators: [indicator('R', 'A', 'ratio'), indicator('R', 'A', 'binary')],
    });
    const v = validateDataset(meta(), m, baseOrgs, []);
    expect(rulesOf(v)).toEqual([['methodology.categories[1]', 'duplicateId'], ['methodology.indicators[1]', 'duplicateId']]);
  });
});

describe('dates that do not exist', () => {
  it('exclude the record, not the payload', () => {
    const v = validateDataset(meta(), methodology(), baseOrgs, [
      assignment('G', 'R', { due: '2025-02-30' }),
      assignment('T', 'R', { progress: [ev('2025-04-31', 3)] }),
      assignment('D', 'R', { due: '2024-02-29' }),
    ]);
    expect(rulesOf(v)).toEqual([['assignments[0].due', 'invalidDate'], ['assignments[1].progress[0].date', 'invalidDate']]);
    expect(v.issues[0].detail).toBe('due = 2025-02-30');
  });
});
