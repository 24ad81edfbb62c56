import { describe, expect, it } from 'vitest';
import type { Demand, DemandConfig } from '../api/schemas';
import { compute, methodology, org } from '../../tests/fixtures/build';
import {
  computeDemands,
  demandHeatmap,
  demandTally,
  overdueDemands,
  policyOutcomes,
  prepareDemands,
  responseTimeHistogram,
  subtreeDemands,
} from './demands';

const config: DemandConfig = {
  topics: [
    { id: 'WAGE', name: { zh: '工资待遇', en: 'Pay' } },
    { id: 'SITE', name: { zh: '阵地建设', en: 'Service sites' } },
  ],
  triageDays: 5,
  resolveDays: 30,
};

let serial = 0;
function demand(orgId: string, reportedAt: string, extra: Partial<Demand> = {}): Demand {
  serial++;
  return {
    id: `Q-${serial}`,
    orgId,
    topicId: 'WAGE',
    title: '诉求',
    reportedAt,
    triagedAt: null,
    resolvedAt: null,
    outcome: null,
    ...extra,
  };
}

// D ─ T1 ─ G1, G2; D ─ T2 ─ G3
const orgs = [org('D', null), org('T1', 'D', 'town'), org('T2', 'D', 'town'), org('G1', 'T1'), org('G2', 'T1'), org('G3', 'T2')];
const { ds } = compute(methodology(), orgs, []);
const AS_OF = '2025-06-30';

function run(demands: Demand[], asOf = AS_OF) {
  const dp = prepareDemands(ds, config, demands);
  return { dp, res: computeDemands(ds, dp, asOf) };
}
const pos = (id: string) => ds.orgIndex.get(id)!;

describe('demand state at D (§12)', () => {
  it('gives each state: not yet, untriaged, analysing, and each outcome', () => {
    const list = [
      demand('G1', '2025-07-01'), // after D
      demand('G1', '2025-06-28'),
      demand('G1', '2025-06-01', { triagedAt: '2025-06-03' }),
      demand('G1', '2025-05-01', { triagedAt: '2025-05-02', resolvedAt: '2025-05-20', outcome: 'service' }),
      demand('G1', '2025-05-01', { triagedAt: '2025-05-02', resolvedAt: '2025-06-30', outcome: 'policy' }),
      demand('G1', '2025-05-01', { triagedAt: '2025-05-02', resolvedAt: '2025-05-10', outcome: 'declined' }),
      // dates after D do not count yet: analysing at D although resolved later
      demand('G1', '2025-06-01', { triagedAt: '2025-06-30', resolvedAt: '2025-07-02', outcome: 'service' }),
      // untriaged at D although triaged later
      demand('G1', '2025-06-29', { triagedAt: '2025-07-01', resolvedAt: '2025-07-02', outcome: 'service' }),
    ];
    const { dp, res } = run(list);
    const states = subtreeDemands(ds, dp, res, 0).map((d) => [d.demand.id, d.state]);
    const id = (k: number) => list[k].id;
    expect(Object.fromEntries(states)).toEqual({
      [id(1)]: 'untriaged',
      [id(2)]: 'analysing',
      [id(3)]: 'service',
      [id(4)]: 'policy',
      [id(5)]: 'declined',
      [id(6)]: 'analysing',
      [id(7)]: 'untriaged',
    });
    expect(demandTally(res, pos('G1'))).toMatchObject({ reported: 7, untriaged: 2, analysing: 2, service: 1, policy: 1, declined: 1 });
  });

  it('ignores demands reported after D everywhere', () => {
    const { res } = run([demand('G1', '2025-07-01', { triagedAt: '2025-07-01', resolvedAt: '2025-07-01', outcome: 'service' })]);
    expect(demandTally(res, 0)).toEqual({
      reported: 0,
      untriaged: 0,
      analysing: 0,
      service: 0,
      policy: 0,
      declined: 0,
      triageOverdue: 0,
      resolveOverdue: 0,
    });
    expect(res.responseDays[0]).toBe(-1);
  });
});

describe('overdue at D (§12): strictly more than the allowed days', () => {
  it('triage-overdue only when untriaged for more than triageDays', () => {
    const { dp, res } = run([
      demand('G1', '2025-06-25'), // 5 days: not overdue
      demand('G1', '2025-06-24'), // 6 days: overdue
      demand('G1', '2025-06-01', { triagedAt: '2025-06-20' }), // triaged: never triage-overdue
    ]);
    expect([...res.triageOverdue]).toEqual([0, 1, 0]);
    expect(overdueDemands(ds, dp, res, 0, 'triage').map((d) => d.demand.reportedAt)).toEqual(['2025-06-24']);
  });

  it('resolve-overdue when not resolved for more than resolveDays; a demand can be both', () => {
    const { res } = run([
      demand('G1', '2025-05-31'), // 30 days, untriaged: triage-overdue only
      demand('G1', '2025-05-30'), // 31 days, untriaged: both
      demand('G1', '2025-05-01', { triagedAt: '2025-05-02' }), // analysing, 60 days: resolve-overdue
      demand('G1', '2025-03-01', { triagedAt: '2025-03-02', resolvedAt: '2025-06-01', outcome: 'service' }), // resolved: neither
    ]);
    expect([...res.triageOverdue]).toEqual([1, 1, 0, 0]);
    expect([...res.resolveOverdue]).toEqual([0, 1, 1, 0]);
    expect(demandTally(res, 0)).toMatchObject({ triageOverdue: 2, resolveOverdue: 2 });
  });

  it('lists the resolve-overdue oldest first', () => {
    const { dp, res } = run([demand('G1', '2025-05-01', { triagedAt: '2025-05-02' }), demand('G3', '2025-03-01')]);
    expect(overdueDemands(ds, dp, res, 0, 'resolve').map((d) => [d.demand.orgId, d.ageDays])).toEqual([
      ['G3', 121],
      ['G1', 60],
    ]);
    expect(overdueDemands(ds, dp, res, pos('T1'), 'resolve').map((d) => d.demand.orgId)).toEqual(['G1']);
  });
});

describe('subtree tallies and median response time (§12)', () => {
  const resolved = (orgId: string, reportedAt: string, resolvedAt: string, outcome: Demand['outcome'] = 'service') =>
    demand(orgId, reportedAt, { triagedAt: reportedAt, resolvedAt, outcome });
  const list = [
    resolved('G1', '2025-06-01', '2025-06-11'), // 10
    resolved('G1', '2025-06-01', '2025-06-05', 'policy'), // 4
    resolved('G2', '2025-06-01', '2025-06-21', 'declined'), // 20
    resolved('T1', '2025-06-01', '2025-06-02'), // 1
    resolved('G3', '2025-05-01', '2025-06-30'), // 60
    demand('G3', '2025-06-29'),
    demand('D', '2025-06-30', { topicId: 'SITE' }),
  ];
  const { dp, res } = run(list);

  it('adds up over the organisation and all its descendants', () => {
    expect(demandTally(res, pos('T1'))).toEqual({
      reported: 4,
      untriaged: 0,
      analysing: 0,
      service: 2,
      policy: 1,
      declined: 1,
      triageOverdue: 0,
      resolveOverdue: 0,
      medianDays: 7,
    });
    expect(demandTally(res, pos('T2'))).toMatchObject({ reported: 2, untriaged: 1, service: 1, medianDays: 60 });
    expect(demandTally(res, 0)).toMatchObject({ reported: 7, untriaged: 2, service: 3, policy: 1, declined: 1 });
  });

  it('median: middle value for an odd count, mean of the two middle for even, undefined for none', () => {
    expect(res.medianResponseDays[0]).toBe(10); // 1, 4, 10, 20, 60
    expect(res.medianResponseDays[pos('T1')]).toBe(7); // 1, 4, 10, 20
    expect(res.medianResponseDays[pos('G1')]).toBe(7); // 4, 10
    expect(res.medianResponseDays[pos('G2')]).toBe(20);
    const none = run([demand('G1', '2025-06-01')]).res;
    expect(demandTally(none, 0).medianDays).toBeUndefined();
  });

  it('median of every subtree equals sorting its resolved demands (random demands, ties, odd and even counts)', () => {
    // the definition, spelled out: the subtree's response days sorted, the middle one or the mean of the middle two
    const reference = (res: ReturnType<typeof run>['res'], dp: ReturnType<typeof run>['dp'], u: number) => {
      const days: number[] = [];
      for (let q = 0; q < dp.count; q++) {
        if (res.responseDays[q] < 0) continue;
        for (let a = dp.dOrg[q]; a >= 0; a = ds.parent[a]) if (a === u) days.push(res.responseDays[q]);
      }
      days.sort((a, b) => a - b);
      const k = days.length;
      return k === 0 ? NaN : k % 2 ? days[k >> 1] : (days[k / 2 - 1] + days[k / 2]) / 2;
    };
    let seed = 7;
    const rand = (k: number) => ((seed = (seed * 1103515245 + 12345) % 2 ** 31), seed % k);
    const at = (day: number) => new Date(Date.UTC(2025, 0, 1 + day)).toISOString().slice(0, 10);
    for (let trial = 0; trial < 20; trial++) {
      const list = Array.from({ length: 1 + rand(40) }, () => {
        const reported = rand(150);
        const triaged = reported + rand(4);
        const resolved = triaged + rand(12); // a few distinct values: many ties
        const settled = rand(3) > 0;
        return demand(['G1', 'G2', 'G3', 'T1', 'T2', 'D'][rand(6)], at(reported), {
          triagedAt: at(triaged),
          resolvedAt: settled ? at(resolved) : null,
          outcome: settled ? (['service', 'policy', 'declined'] as const)[rand(3)] : null,
        });
      });
      const { dp, res } = run(list, at(140));
      for (let u = 0; u < ds.orgs.length; u++)
        expect(res.medianResponseDays[u], `trial ${trial}, ${ds.orgs[u].id}`).toEqual(reference(res, dp, u));
    }
  });

  it('histogram of response times', () => {
    expect(responseTimeHistogram(ds, dp, res, pos('T1'), 7)).toEqual([
      { from: 0, to: 7, count: 2 },
      { from: 7, to: 14, count: 1 },
      { from: 14, to: 21, count: 1 },
    ]);
    expect(responseTimeHistogram(ds, dp, res, pos('G2'), 7).reduce((s, b) => s + b.count, 0)).toBe(1);
  });

  it('topic × town heatmap and the policy outcomes with who raised them', () => {
    const h = demandHeatmap(ds, dp, res);
    expect(h.columns.map((u) => ds.orgs[u].id)).toEqual(['T1', 'T2']);
    expect(h.reported).toEqual([
      [4, 2],
      [0, 0],
    ]); // the root's SITE demand is under no town
    expect(h.open).toEqual([
      [0, 1],
      [0, 0],
    ]);
    expect(policyOutcomes(ds, dp, res).map((p) => [ds.orgs[p.orgPosition].id, p.responseDays])).toEqual([['G1', 4]]);
    expect(policyOutcomes(ds, dp, res, pos('T2'))).toEqual([]);
  });

  it('response time of a resolved demand', () => {
    expect([...res.responseDays]).toEqual(expect.arrayContaining([10, 4, 20, 1, 60, -1]));
  });
});
