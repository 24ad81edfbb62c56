import { describe, expect, it } from 'vitest';
import { validateDataset } from '../../src/api/validate';
import {
  computeDemands,
  computeIndex,
  demandTally,
  orgScores,
  policyOutcomes,
  prepareDataset,
  prepareDemands,
  subtreeAlertTally,
  subtreeStageTally,
} from '../../src/engine';
import { generateDistrict, mockDistrict, TOWNS } from './district';

describe('the mock Fuyang district', () => {
  const d = mockDistrict(2025);
  const v = validateDataset(d.meta, d.methodology, d.orgs, d.assignments);
  const ds = prepareDataset(v.methodology, d.meta.tiers, v.orgs, v.assignments);
  const r = computeIndex(ds, d.meta.asOf);

  it('is deterministic', () => {
    const again = generateDistrict(2025);
    expect(again.orgs).toEqual(d.orgs);
    expect(again.assignments.slice(0, 500)).toEqual(d.assignments.slice(0, 500));
    expect(again.assignments.length).toBe(d.assignments.length);
  });

  it('is a valid dataset: no data-quality issue', () => expect(v.issues).toEqual([]));

  it('has the district, 24 towns and streets, system unions and about 1,800 grassroots unions', () => {
    const byTier = (t: string) => d.orgs.filter((o) => o.tier === t);
    expect(byTier('district')).toHaveLength(1);
    expect(byTier('town').filter((o) => o.kind !== 'system')).toHaveLength(24);
    expect(byTier('town').filter((o) => o.kind === 'system').length).toBeGreaterThanOrEqual(3);
    expect(byTier('grassroots').length).toBeGreaterThan(1700);
    expect(byTier('grassroots').length).toBeLessThan(1900);
    expect(new Set(d.orgs.map((o) => o.name)).size).toBe(d.orgs.length);
  });

  it('spreads unions by economic weight: 银湖 largest, 湖源 and 上官 smallest', () => {
    const size = (id: string) => d.orgs.filter((o) => o.parentId === id).length;
    const sizes = TOWNS.filter((t) => t.kind !== 'system')
      .map((t) => size(t.id))
      .sort((a, b) => a - b);
    expect(size('T-YINHU')).toBe(sizes[sizes.length - 1]);
    expect(sizes.slice(0, 2)).toContain(size('T-HUYUAN'));
    expect(sizes.slice(0, 3)).toContain(size('T-SHANGGUAN'));
  });

  it('follows the catalog tiers and keeps workflow dates in order', () => {
    const tierOf = new Map(d.orgs.map((o) => [o.id, o.tier]));
    const ind = new Map(d.methodology.indicators.map((i) => [i.id, i]));
    for (const a of d.assignments) {
      expect(ind.get(a.indicatorId)!.tiers).toContain(tierOf.get(a.orgId));
      const steps = [a.issuedAt, a.claimedAt, a.reportedAt, a.evaluatedAt].filter((x): x is string => x !== null);
      expect([...steps].sort()).toEqual(steps);
      expect(a.progress.every((e) => e.date <= d.meta.asOf)).toBe(true);
    }
  });

  it('tells a story: bottom-heavy grades, towns ahead and behind, alerts at every level, every stage', () => {
    const grassroots = ds.orgs.map((o, u) => (o.tier === 'grassroots' ? orgScores(ds, r, u).grade : null)).filter((g) => g !== null);
    const count = (g: string | undefined) => grassroots.filter((x) => x === g).length;
    expect(count('5A')).toBeLessThan(count('3A'));
    expect(count('4A') + count('5A')).toBeLessThan(count('1A') + count(undefined));
    const idx = (id: string) => orgScores(ds, r, ds.orgIndex.get(id)!).index!;
    expect(idx('T-YINHU')).toBeGreaterThan(idx('T-HUYUAN') + 15);
    const cats = orgScores(ds, r, 0).categories as number[];
    expect(Math.max(...cats) - Math.min(...cats)).toBeGreaterThan(20);
    const alerts = subtreeAlertTally(r, 0);
    for (const level of ['remind', 'warn', 'supervise', 'interview'] as const) expect(alerts[level]).toBeGreaterThan(10);
    const stages = subtreeStageTally(r, 0);
    for (const s of ['issued', 'claimed', 'reported', 'evaluated', 'exempt'] as const) expect(stages[s]).toBeGreaterThan(10);
  });

  it('generates the same demands every time, ids unique and in report order, every record valid (§12)', () => {
    expect(generateDistrict(2025).demands).toEqual(d.demands);
    expect(new Set(d.demands.map((q) => q.id)).size).toBe(d.demands.length);
    const orgIds = new Set(d.orgs.map((o) => o.id));
    const topics = new Set(d.methodology.demands!.topics.map((t) => t.id));
    for (const q of d.demands) {
      expect(orgIds.has(q.orgId) && topics.has(q.topicId)).toBe(true);
      expect(q.reportedAt <= d.meta.asOf).toBe(true);
      if (q.triagedAt !== null) expect(q.reportedAt <= q.triagedAt && q.triagedAt <= d.meta.asOf).toBe(true);
      if (q.resolvedAt !== null) expect(q.triagedAt !== null && q.triagedAt <= q.resolvedAt && q.resolvedAt <= d.meta.asOf).toBe(true);
      expect(q.outcome === null).toBe(q.resolvedAt === null);
    }
    expect([...d.demands.map((q) => q.reportedAt)]).toEqual([...d.demands.map((q) => q.reportedAt)].sort());
  });

  it('tells a demand story at the as-of date: most resolved, some of each overdue kind, policy changes, weak towns slower', () => {
    const dp = prepareDemands(ds, d.methodology.demands!, d.demands);
    const res = computeDemands(ds, dp, d.meta.asOf);
    const all = demandTally(res, 0);
    expect(all.reported).toBe(d.demands.length);
    expect(all.reported).toBeGreaterThan(2500);
    expect(all.reported).toBeLessThan(4000);
    expect(all.untriaged + all.analysing + all.service + all.policy + all.declined).toBe(all.reported);
    expect(all.service).toBeGreaterThan(all.reported / 2);
    expect(all.policy).toBeGreaterThan(50);
    expect(all.declined).toBeGreaterThan(50);
    expect(all.untriaged).toBeGreaterThan(20);
    expect(all.analysing).toBeGreaterThan(all.untriaged);
    expect(all.triageOverdue).toBeGreaterThan(10);
    expect(all.resolveOverdue).toBeGreaterThan(all.triageOverdue);
    expect(all.medianDays).toBeGreaterThan(7);
    expect(all.medianDays).toBeLessThan(30);
    expect(policyOutcomes(ds, dp, res)).toHaveLength(all.policy);
    const median = (id: string) => demandTally(res, ds.orgIndex.get(id)!).medianDays!;
    expect(median('T-HUYUAN')).toBeGreaterThan(median('T-YINHU') + 5);
    // 2024 is complete to year end: far more demands, the old ones long resolved
    const y = mockDistrict(2024);
    expect(y.demands.length).toBeGreaterThan(all.reported * 1.4);
    expect(y.demands.filter((q) => q.reportedAt < '2024-10-01' && q.resolvedAt === null).length).toBeLessThan(y.demands.length * 0.05);
  });

  it('has a 2024 year complete to year end with its own catalog', () => {
    const y = mockDistrict(2024);
    expect(y.methodology.indicators.map((i) => i.id)).not.toContain('ORG-05');
    expect(y.assignments.some((a) => a.evaluatedAt?.startsWith('2024-12'))).toBe(true);
  });
});
