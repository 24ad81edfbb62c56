/** Data meets dictionaries: ids and units named like Object.prototype members are plain strings (issue 8 item 5). */
import { describe, expect, it } from 'vitest';
import { assignment, indicator, meta, methodology, org, tiers3 } from '../../tests/fixtures/build';
import { computeIndex, prepareDataset } from '../engine';
import { i18nFor } from '../i18n';
import { validateDataset } from './validate';

const PROTO_NAMES = ['__proto__', 'constructor', 'toString', 'hasOwnProperty', 'valueOf'];

describe('prototype-named strings in i18n', () => {
  it.each(PROTO_NAMES)('unit %s prints as itself in both languages', (unit) => {
    expect(i18nFor('en').unit(unit)).toBe(unit);
    expect(i18nFor('zh').unit(unit)).toBe(unit);
  });

  it.each(PROTO_NAMES)('kind %s prints as itself', (kind) => {
    expect(i18nFor('en').kind(kind)).toBe(kind);
    expect(i18nFor('zh').kind(kind)).toBe(kind);
  });

  it('known units and kinds are still translated', () => {
    expect(i18nFor('en').unit('起')).toBe('cases');
    expect(i18nFor('en').unit('场', 1)).toBe('event');
    expect(i18nFor('en').unit('场', 3)).toBe('events');
    expect(i18nFor('en').kind('street')).toBe('street');
    expect(i18nFor('zh').kind('street')).toBe('街道');
  });
});

describe('prototype-named ids through validation and the engine', () => {
  it('orgs, categories, indicators, tiers, grades and topics named __proto__, constructor… are kept and computed', () => {
    const tiers = tiers3.map((t, k) => ({ ...t, id: ['constructor', '__proto__', 'toString'][k] }));
    const md = meta({ tiers, district: { id: '__proto__', name: 'x' } });
    const m = methodology({
      categories: [{ id: 'constructor', name: { zh: 'c', en: 'c' }, weight: 1 }],
      indicators: [
        indicator('__proto__', 'constructor', 'ratio', 1, { tiers: tiers.map((t) => t.id) }),
        indicator('toString', 'constructor', 'binary', 1, { tiers: tiers.map((t) => t.id) }),
      ],
      grades: [
        { grade: '__proto__', min: 90 },
        { grade: 'constructor', min: 50 },
      ],
      demands: { topics: [{ id: 'valueOf', name: { zh: 'v', en: 'v' } }], triageDays: 5, resolveDays: 30 },
    });
    const orgs = [
      org('__proto__', null, 'constructor'),
      org('constructor', '__proto__', '__proto__'),
      org('toString', 'constructor', 'toString'),
    ];
    const assignments = [
      assignment('toString', '__proto__', { progress: [{ date: '2025-03-01', value: 95 }] }),
      assignment('constructor', 'toString', { progress: [{ date: '2025-03-01', value: 1 }] }),
    ];
    const demands = [
      {
        id: 'hasOwnProperty',
        orgId: 'toString',
        topicId: 'valueOf',
        title: 't',
        reportedAt: '2025-03-01',
        triagedAt: null,
        resolvedAt: null,
        outcome: null,
      },
    ];
    // JSON.parse makes "__proto__" an own key of a record: it is data, not a prototype
    const raw = JSON.parse(
      JSON.stringify({ orgs, assignments, demands }).replace('"members":100', '"__proto__":{"members":-1},"members":100'),
    ) as { orgs: unknown[]; assignments: unknown[]; demands: unknown[] };
    const v = validateDataset(md, m, raw.orgs, raw.assignments, raw.demands);
    expect(v.issues).toEqual([]);
    expect(v.orgs.map((o) => o.id)).toEqual(['__proto__', 'constructor', 'toString']);
    expect(v.assignments).toHaveLength(2);
    expect(v.demands).toHaveLength(1);
    const ds = prepareDataset(v.methodology, md.tiers, v.orgs, v.assignments);
    const r = computeIndex(ds, '2025-06-30');
    expect(Number.isFinite(r.index[ds.orgIndex.get('toString')!])).toBe(true);
  });

  it('an unknown id named like a prototype member is unknown, not found on Object.prototype', () => {
    const v = validateDataset(
      meta(),
      methodology(),
      [org('D', null), org('G', 'constructor')],
      [assignment('toString', 'R'), assignment('G', '__proto__')],
    );
    expect(v.issues.map((i) => [i.path, i.rule])).toEqual([
      ['orgs[1]', 'unknownParent'],
      ['assignments[0]', 'unknownOrg'],
      ['assignments[1]', 'unknownIndicator'],
    ]);
  });
});
