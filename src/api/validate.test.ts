import { describe, expect, it } from 'vitest';
import { assignment, indicator, meta, methodology, org } from '../../tests/fixtures/build';
import { validateDataset, type DataQualityRule } from './validate';
import { PayloadError } from './errors';
import { methodologyPayloadSchema } from './schemas';

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
    expect(rulesOf(v)).toEqual([
      ['assignments[0].target', 'ratioTarget'],
      ['assignments[2]', 'duplicateAssignment'],
    ]);
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
    expect(rulesOf(v)).toEqual([
      ['orgs[3].tier', 'unknownTier'],
      ['orgs[4]', 'underExcludedOrg'],
    ]);
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
    expect(rulesOf(v)).toEqual([
      ['assignments[0].target', 'ratioTarget'],
      ['assignments[1].target', 'ratioTarget'],
    ]);
  });

  it('inverse target < 0 (0 is a valid limit)', () => {
    const v = validateDataset(meta(), methodology(), baseOrgs, [assignment('G', 'V', { target: -1 }), assignment('T', 'V', { target: 0 })]);
    expect(rulesOf(v)).toEqual([['assignments[0].target', 'inverseTarget']]);
  });

  it('negative progress', () => {
    const v = validateDataset(meta(), methodology(), baseOrgs, [
      assignment('G', 'R', { progress: [ev('2025-02-01', 5), ev('2025-03-01', -1)] }),
    ]);
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
    expect(rulesOf(v)).toEqual([
      ['methodology.indicators[1].penalty', 'inversePenalty'],
      ['assignments[0]', 'unknownIndicator'],
    ]);
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
    expect(rulesOf(v)).toEqual([
      ['methodology.categories[1]', 'duplicateId'],
      ['methodology.indicators[1]', 'duplicateId'],
    ]);
  });
});

describe('dates that do not exist', () => {
  it('exclude the record, not the payload', () => {
    const v = validateDataset(meta(), methodology(), baseOrgs, [
      assignment('G', 'R', { due: '2025-02-30' }),
      assignment('T', 'R', { progress: [ev('2025-04-31', 3)] }),
      assignment('D', 'R', { due: '2024-02-29' }),
    ]);
    expect(rulesOf(v)).toEqual([
      ['assignments[0].due', 'invalidDate'],
      ['assignments[1].progress[0].date', 'invalidDate'],
    ]);
    expect(v.issues[0].detail).toBe('due = 2025-02-30');
  });
});

describe('issue 8: nothing valid is lost', () => {
  it('an invalid first copy of an id (unknown parent) never excludes the valid second copy or its assignments', () => {
    const orgs = [...baseOrgs, org('G-0502', 'GHOST'), org('G-0502', 'T')];
    const v = validateDataset(meta(), methodology(), orgs, [assignment('G-0502', 'R'), assignment('G-0502', 'Y')]);
    expect(rulesOf(v)).toEqual([['orgs[3]', 'unknownParent']]);
    expect(v.orgs.find((o) => o.id === 'G-0502')?.parentId).toBe('T');
    expect(v.assignments).toHaveLength(2);
  });

  it('an invalid first copy (bad field) never excludes the valid second copy', () => {
    const orgs = [...baseOrgs, { ...org('G-0502', 'T'), members: -1 }, org('G-0502', 'T')];
    const v = validateDataset(meta(), methodology(), orgs, [assignment('G-0502', 'R')]);
    expect(rulesOf(v)).toEqual([['orgs[3].members', 'invalidField']]);
    expect(v.orgs.map((o) => o.id)).toContain('G-0502');
    expect(v.assignments).toHaveLength(1);
  });

  it('one bad field excludes its record, names the record and the field, and keeps the rest', () => {
    const orgs: unknown[] = [...baseOrgs, { ...org('X', 'T'), members: -1 }, org('Y', 'X')];
    const assignments: unknown[] = [
      assignment('G', 'R'),
      assignment('G', 'Y', { due: '2025-13-01' }),
      { ...assignment('G', 'S'), target: '95' },
      assignment('T', 'R', { progress: [ev('2025-02-01', NaN)] }),
      assignment('D', 'R', { progress: [{ date: '2025-02-01' }] as never }),
      { ...assignment('T', 'S'), issuedAt: undefined },
      assignment('X', 'R'),
      assignment('Y', 'R'),
      null,
    ];
    const v = validateDataset(meta(), methodology(), orgs, assignments);
    expect(v.issues.map((i) => [i.path, i.record, i.rule, i.detail])).toEqual([
      ['orgs[3].members', 'X', 'invalidField', 'Too small: expected number to be >=0'],
      ['orgs[4]', 'Y', 'underExcludedOrg', 'X'],
      ['assignments[1].due', 'G · Y', 'invalidDate', 'due = 2025-13-01'],
      ['assignments[2].target', 'G · S', 'invalidField', 'expected number, received string'],
      ['assignments[3].progress[0].value', 'T · R', 'invalidField', 'expected number, received NaN'],
      ['assignments[4].progress[0].value', 'D · R', 'invalidField', 'expected number, received undefined'],
      ['assignments[5].issuedAt', 'T · S', 'invalidField', 'expected string, received undefined'],
      ['assignments[6]', 'X · R', 'underExcludedOrg', 'X'],
      ['assignments[7]', 'Y · R', 'underExcludedOrg', 'Y'],
      ['assignments[8]', 'assignments[8]', 'invalidField', 'expected object, received null'],
    ]);
    expect(v.orgs.map((o) => o.id)).toEqual(['D', 'T', 'G']);
    expect(v.assignments).toEqual([assignment('G', 'R')]);
  });

  it('an org under an excluded org names the excluded ancestor, however deep', () => {
    const orgs = [...baseOrgs, org('X', 'T', 'village'), org('Y', 'X'), org('Z', 'Y')];
    const v = validateDataset(meta(), methodology(), orgs, []);
    expect(v.issues.map((i) => [i.path, i.rule, i.detail])).toEqual([
      ['orgs[3].tier', 'unknownTier', 'village'],
      ['orgs[4]', 'underExcludedOrg', 'X'],
      ['orgs[5]', 'underExcludedOrg', 'X'],
    ]);
  });

  it('under a second root or a cycle is "under an excluded organisation"', () => {
    const orgs = [...baseOrgs, org('R2', null), org('U', 'R2'), org('C1', 'C2'), org('C2', 'C1'), org('W', 'C2')];
    const v = validateDataset(meta(), methodology(), orgs, []);
    expect(v.issues.map((i) => [i.path, i.rule, i.detail])).toEqual([
      ['orgs[3]', 'multipleRoots', 'R2'],
      ['orgs[4]', 'underExcludedOrg', 'R2'],
      ['orgs[5]', 'cycle', 'C2'],
      ['orgs[6]', 'cycle', 'C1'],
      ['orgs[7]', 'underExcludedOrg', 'C2'],
    ]);
  });

  it('with a scope, the scope organisation is the root', () => {
    const v = validateDataset(
      meta({ scope: { orgId: 'T2' } }),
      methodology(),
      [org('D', null), org('T2', null, 'town'), org('G', 'T2')],
      [],
    );
    expect(v.orgs.map((o) => o.id)).toEqual(['T2', 'G']);
    expect(rulesOf(v)).toEqual([['orgs[0]', 'multipleRoots']]);
  });

  it('a root with a bad field fails the payload, naming it (everything hangs on it)', () => {
    expect(() => validateDataset(meta(), methodology(), [{ ...org('D', null), members: 'many' }, org('T', 'D', 'town')], [])).toThrow(
      'orgs[0].members: the root organisation is invalid: expected number, received string',
    );
  });

  it('a duplicate assignment is judged after its own fields and references: a bad first copy never hides a good one', () => {
    const v = validateDataset(meta(), methodology(), baseOrgs, [assignment('G', 'R', { due: '2025-13-01' }), assignment('G', 'R')]);
    expect(rulesOf(v)).toEqual([['assignments[0].due', 'invalidDate']]);
    expect(v.assignments).toHaveLength(1);
  });
});

describe('methodology entries (issue 8 item 11)', () => {
  const grades = (...bands: [string, number][]) => bands.map(([grade, min]) => ({ grade, min }));

  it('grade bands with a repeated name or minimum: the later one is excluded and listed', () => {
    const m = methodology({ grades: grades(['5A', 90], ['5A', 85], ['4A', 80], ['3A', 80], ['2A', 60]) });
    const v = validateDataset(meta(), m, baseOrgs, []);
    expect(v.issues.map((i) => [i.path, i.record, i.rule])).toEqual([
      ['methodology.grades[1]', '5A', 'duplicateGrade'],
      ['methodology.grades[3].min', '3A', 'duplicateGradeMin'],
    ]);
    expect(v.methodology.grades.map((g) => g.grade)).toEqual(['5A', '4A', '2A']);
  });

  it('a malformed indicator or category entry is excluded and listed, the rest kept', () => {
    const m = methodology();
    const payload = {
      ...m,
      categories: [...m.categories, { id: 'C', name: 'no names', weight: 1 }],
      indicators: [...m.indicators, { ...indicator('Q', 'A', 'ratio'), scoring: 'sqrt' }, 42],
      grades: [...m.grades, { grade: '0A' }],
    };
    const v = validateDataset(meta(), payload, baseOrgs, [assignment('G', 'Q'), assignment('G', 'R')]);
    expect(v.issues.map((i) => [i.path, i.record, i.rule])).toEqual([
      ['methodology.categories[2].name', 'C', 'invalidField'],
      ['methodology.indicators[4].scoring', 'Q', 'invalidField'],
      ['methodology.indicators[5]', 'methodology.indicators[5]', 'invalidField'],
      ['methodology.grades[5].min', '0A', 'invalidField'],
      ['assignments[0]', 'G · Q', 'unknownIndicator'],
    ]);
    expect(v.methodology.indicators.map((i) => i.id)).toEqual(['R', 'Y', 'S', 'V']);
    expect(v.assignments).toHaveLength(1);
  });

  it('a bad top-level field of the methodology still fails the whole payload', () => {
    const parsed = methodologyPayloadSchema.safeParse({ ...methodology(), rollup: { ownWeight: 2, childWeighting: 'equal' } });
    expect(parsed.success).toBe(false);
  });
});

describe('demands (methodology §12 bad records)', () => {
  const topics = [
    { id: 'WAGE', name: { zh: '工资待遇', en: 'Pay' } },
    { id: 'SITE', name: { zh: '阵地', en: 'Sites' } },
  ];
  const m = methodology({ demands: { topics, triageDays: 5, resolveDays: 30 } });
  const demand = (id: string, extra: Record<string, unknown> = {}) => ({
    id,
    orgId: 'G',
    topicId: 'WAGE',
    title: `需求 ${id}`,
    reportedAt: '2025-03-02',
    triagedAt: '2025-03-05',
    resolvedAt: '2025-03-28',
    outcome: 'service',
    ...extra,
  });
  const check = (demands: unknown[], orgs: unknown[] = baseOrgs) => validateDataset(meta(), m, orgs, [], demands);

  it('keeps valid demands in every state', () => {
    const open = demand('Q2', { triagedAt: null, resolvedAt: null, outcome: null });
    const analysing = demand('Q3', { resolvedAt: null, outcome: null });
    const v = check([
      demand('Q1'),
      open,
      analysing,
      demand('Q4', { outcome: 'policy', triagedAt: '2025-03-02', resolvedAt: '2025-03-02' }),
    ]);
    expect(v.issues).toEqual([]);
    expect(v.demands?.map((d) => d.id)).toEqual(['Q1', 'Q2', 'Q3', 'Q4']);
  });

  it('no demands given: none in the result', () => {
    expect(validateDataset(meta(), m, baseOrgs, []).demands).toBeUndefined();
  });

  it('each bad-record rule, excluded and listed with its own name', () => {
    const v = check([
      demand('Q1', { orgId: 'NOPE' }),
      demand('Q2', { topicId: 'ZZ' }),
      demand('Q3', { triagedAt: '2025-03-01' }),
      demand('Q4', { triagedAt: '2025-03-29' }),
      demand('Q5', { triagedAt: null }),
      demand('Q6', { resolvedAt: null }),
      demand('Q7', { outcome: null }),
      demand('Q8', { outcome: 'ignored' }),
      demand('Q9', { reportedAt: '2025-02-30' }),
      demand('Q10', { resolvedAt: '2025-13-01' }),
      demand('Q11', { title: 7 }),
      demand('Q12'),
      demand('Q12', { title: 'second copy' }),
    ]);
    expect(v.issues.map((i) => [i.path, i.record, i.rule])).toEqual([
      ['demands[0]', 'Q1', 'unknownOrg'],
      ['demands[1]', 'Q2', 'unknownTopic'],
      ['demands[2].triagedAt', 'Q3', 'triagedBeforeReported'],
      ['demands[3].resolvedAt', 'Q4', 'resolvedBeforeTriaged'],
      ['demands[4].resolvedAt', 'Q5', 'resolvedWithoutTriage'],
      ['demands[5].outcome', 'Q6', 'outcomeWithoutResolution'],
      ['demands[6].outcome', 'Q7', 'resolutionWithoutOutcome'],
      ['demands[7].outcome', 'Q8', 'invalidOutcome'],
      ['demands[8].reportedAt', 'Q9', 'invalidDate'],
      ['demands[9].resolvedAt', 'Q10', 'invalidDate'],
      ['demands[10].title', 'Q11', 'invalidField'],
      ['demands[12]', 'Q12', 'duplicateId'],
    ]);
    expect(v.demands?.map((d) => [d.id, d.title])).toEqual([['Q12', '需求 Q12']]);
  });

  it('a duplicate id keeps the first valid record, not the first copy', () => {
    const v = check([demand('Q1', { outcome: 'maybe' }), demand('Q1', { title: 'valid copy' }), demand('Q1', { title: 'third' })]);
    expect(v.issues.map((i) => [i.path, i.rule])).toEqual([
      ['demands[0].outcome', 'invalidOutcome'],
      ['demands[2]', 'duplicateId'],
    ]);
    expect(v.demands?.[0].title).toBe('valid copy');
  });

  it('demands of an organisation excluded from the tree are under an excluded organisation, not unknown', () => {
    const v = check(
      [demand('Q1', { orgId: 'X' }), demand('Q2', { orgId: 'Y' })],
      [...baseOrgs, { ...org('X', 'T'), members: -1 }, org('Y', 'X')],
    );
    expect(v.issues.filter((i) => i.resource === 'demands').map((i) => [i.path, i.rule, i.detail])).toEqual([
      ['demands[0]', 'underExcludedOrg', 'X'],
      ['demands[1]', 'underExcludedOrg', 'Y'],
    ]);
  });

  it('a malformed topic is excluded from the methodology, and its demands with it', () => {
    const bad = { ...m, demands: { ...m.demands!, topics: [...topics, { id: 'HOME' }] } };
    const v = validateDataset(meta(), bad, baseOrgs, [], [demand('Q1', { topicId: 'HOME' })]);
    expect(v.issues.map((i) => [i.path, i.rule])).toEqual([
      ['methodology.demands.topics[2].name', 'invalidField'],
      ['demands[0]', 'unknownTopic'],
    ]);
    expect(v.methodology.demands?.topics.map((t) => t.id)).toEqual(['WAGE', 'SITE']);
  });
});
