// @vitest-environment node
/**
 * Extension GET /v1/summary: what the server answers equals what the browser computes for the overview — the
 * same records through the browser's own pipeline (prepareYear → computeIndex → ReadModel and the overview's
 * selectors) — on the mock district at several dates, unscoped and in a scoped session; plus its HTTP behaviour.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { mockDistrict, mockMeta } from '../../mocks/data/district';
import type { Meta } from '../../src/api/schemas';
import { summarySchema, type Summary } from '../../src/api/summary';
import { gradeCounts } from '../../src/data/chartInputs';
import { ReadModel } from '../../src/data/model';
import { prepareYear } from '../../src/data/prepareYear';
import { urgentAlertsVaried } from '../../src/data/selectors';
import { URGENT_COUNT, URGENT_PER_INDICATOR, demandKpi } from '../../src/data/summary';
import { computeDemands, computeIndex, computeTrend, demandTally, orgTrend, prepareDemands } from '../../src/engine';
import type { ApiData } from '../../server/serve';
import { errorOf, get, makeSite, start, type Site, type Started } from './helpers';

const district = mockDistrict(2025);
const meta = mockMeta();
const TOWN = 'T-YINHU';
const data: ApiData = {
  meta,
  years: {
    2025: { methodology: district.methodology, orgs: district.orgs, assignments: district.assignments, demands: district.demands },
  },
  users: { tokens: { all: {}, yinhu: { orgId: TOWN } } },
};

let site: Site;
let s: Started;
beforeAll(async () => {
  site = makeSite();
  s = await start({ distDir: site.dist, data });
});
afterAll(async () => {
  await s?.close();
  site?.cleanup();
});

const bearer = (token: string) => ({ Authorization: `Bearer ${token}` });

/** What the overview reads from the browser's dashboard, written out field by field. */
function browserView(m: Meta, orgs: unknown[], assignments: unknown[], asOf: string, demands?: unknown[]) {
  const prepared = prepareYear(m, district.methodology, orgs, assignments, demands);
  const result = computeIndex(prepared.ds, asOf);
  const model = new ReadModel(prepared.ds, result);
  const org = (id: string) => {
    const x = model.scores(id);
    return {
      id,
      index: x.index ?? null,
      own: x.own ?? null,
      sub: x.sub ?? null,
      grade: x.grade ?? null,
      rankInTier: x.rankInTier ?? null,
      categories: x.categories.map((c) => c ?? null),
      alerts: model.alertTally(id),
      orgAlerts: model.orgAlertTally(id),
      stages: model.stageTally(id),
    };
  };
  const trend = computeTrend(prepared.ds, asOf, result);
  return {
    root: org(model.rootId),
    groups: model.groups().map(org),
    tierCounts: model.tiers.map((_, k) => model.idsInTier(k).length),
    leafGrades: gradeCounts(model, model.idsInTier(model.leafTier)).map((g) => g.count),
    trend: orgTrend(trend, 0).map((v) => v ?? null),
    // the overview's demand card, as the browser's DemandModel computes it (§12 over the root's subtree)
    demands:
      prepared.demands && prepared.methodology.demands
        ? demandKpi(
            demandTally(computeDemands(prepared.ds, prepareDemands(prepared.ds, prepared.methodology.demands, prepared.demands), asOf), 0),
          )
        : null,
    urgent: urgentAlertsVaried({ ds: prepared.ds, result, model }, URGENT_COUNT, URGENT_PER_INDICATOR).map(
      (a) => `${a.orgId}|${a.indicator.id}|${a.alert}|${a.overdueDays}`,
    ),
  };
}

function serverView(x: Summary) {
  const org = (o: Summary['root']) => ({
    id: o.id,
    index: o.index,
    own: o.own,
    sub: o.sub,
    grade: o.grade,
    rankInTier: o.rankInTier,
    categories: o.categories,
    alerts: o.alerts,
    orgAlerts: o.orgAlerts,
    stages: o.stages,
  });
  return {
    root: org(x.root),
    groups: x.groups.map(org),
    tierCounts: x.tierCounts,
    leafGrades: x.leafGrades.map((g) => g.count),
    trend: x.trend.root,
    demands: x.demands ?? null,
    urgent: x.urgent.map((a) => `${a.orgId}|${a.indicatorId}|${a.alert}|${a.overdueDays}`),
  };
}

async function summary(path: string, token = 'all'): Promise<Summary> {
  const r = await get(s.url, path, bearer(token));
  expect(r.status, r.text.slice(0, 200)).toBe(200);
  return summarySchema.parse(r.json());
}

describe('GET /v1/summary equals what the browser computes', () => {
  it.each(['2025-01-31', '2025-03-15', '2025-06-30'])('the whole district as of %s', async (asOf) => {
    const x = await summary(`/api/v1/summary?year=2025&asOf=${asOf}`);
    expect(x.asOf).toBe(asOf);
    expect(x.scope).toBeNull();
    expect(x.groups.length).toBeGreaterThan(20);
    expect(x.urgent.length).toBeGreaterThan(0);
    expect(x.urgent.length).toBeLessThanOrEqual(12);
    expect(x.demands?.reported).toBeGreaterThan(0);
    expect(serverView(x)).toEqual(browserView(meta, district.orgs, district.assignments, asOf, district.demands));
  });

  it('a scoped session: the town is the root, its unions the groups', async () => {
    const asOf = '2025-05-31';
    const x = await summary(`/api/v1/summary?year=2025&asOf=${asOf}`, 'yinhu');
    expect(x.scope).toBe(TOWN);
    expect(x.root.id).toBe(TOWN);
    // the browser of that session: /v1/orgs and /v1/assignments as the server filters them for the session
    const orgs = (await get(s.url, '/api/v1/orgs?year=2025', bearer('yinhu'))).json() as unknown[];
    const assignments = (await get(s.url, '/api/v1/assignments?year=2025', bearer('yinhu'))).json() as unknown[];
    const demands = (await get(s.url, '/api/v1/demands?year=2025', bearer('yinhu'))).json() as unknown[];
    expect(serverView(x)).toEqual(browserView({ ...meta, scope: { orgId: TOWN } }, orgs, assignments, asOf, demands));
    expect(x.root.index).not.toEqual((await summary(`/api/v1/summary?year=2025&asOf=${asOf}`)).root.index);
  });

  it("a scope computed after the worker swapped the year's parsed records for their bytes: the same as the browser's", async () => {
    // no scope prepared at load: the worker indexes the records when idle, then filters the town's from the bytes
    const other = await start({ distDir: site.dist, data, summaries: { prepareScopes: 0 } });
    try {
      const until = Date.now() + 60_000;
      while (!other.logs.some((l) => l.event === 'summary_records_compacted') && Date.now() < until)
        await new Promise((ok) => setTimeout(ok, 20));
      expect(other.logs.find((l) => l.event === 'summary_records_compacted')).toMatchObject({
        year: 2025,
        records: district.assignments.length,
      });
      const asOf = '2025-06-15';
      const r = await get(other.url, `/api/v1/summary?year=2025&asOf=${asOf}`, bearer('yinhu'));
      const x = summarySchema.parse(r.json());
      const orgs = (await get(s.url, '/api/v1/orgs?year=2025', bearer('yinhu'))).json() as unknown[];
      const assignments = (await get(s.url, '/api/v1/assignments?year=2025', bearer('yinhu'))).json() as unknown[];
      const demands = (await get(s.url, '/api/v1/demands?year=2025', bearer('yinhu'))).json() as unknown[];
      expect(serverView(x)).toEqual(browserView({ ...meta, scope: { orgId: TOWN } }, orgs, assignments, asOf, demands));
    } finally {
      await other.close();
    }
  });

  it('without asOf, and past the data, the date is the one the browser would compute at', async () => {
    expect((await summary('/api/v1/summary?year=2025')).asOf).toBe(meta.asOf);
    expect((await summary('/api/v1/summary?year=2025&asOf=2025-11-30')).asOf).toBe(meta.asOf);
  });
});

describe('GET /v1/summary over HTTP', () => {
  it("is compressed, ETag'd and private per session; 304 on revalidation", async () => {
    const r = await get(s.url, '/api/v1/summary?year=2025', { ...bearer('all'), 'Accept-Encoding': 'br, gzip' });
    expect(r.headers['content-encoding']).toMatch(/br|gzip/);
    expect(r.headers.etag).toBeTruthy();
    expect(r.headers['cache-control']).toContain('private');
    const again = await get(s.url, '/api/v1/summary?year=2025', { ...bearer('all'), 'If-None-Match': String(r.headers.etag) });
    expect(again.status).toBe(304);
    const other = await get(s.url, '/api/v1/summary?year=2025', { ...bearer('yinhu'), 'Accept-Encoding': 'br, gzip' });
    expect(other.headers.etag).not.toBe(r.headers.etag);
  });

  it('checks its parameters and the session', async () => {
    expect((await get(s.url, '/api/v1/summary?year=2025')).status).toBe(401);
    expect((await get(s.url, '/api/v1/summary', bearer('all'))).status).toBe(400);
    expect((await get(s.url, '/api/v1/summary?year=2025&asOf=June', bearer('all'))).status).toBe(400);
    // a date of the right shape that does not exist: refused, not computed as the day it rolls over to
    for (const asOf of ['2025-02-30', '2025-04-31', '2025-02-29']) {
      const r = await get(s.url, `/api/v1/summary?year=2025&asOf=${asOf}`, bearer('all'));
      expect(r.status, asOf).toBe(400);
      expect(errorOf(r).message).toBe('asOf: expected a date YYYY-MM-DD that exists');
    }
    expect((await get(s.url, '/api/v1/summary?year=1999', bearer('all'))).status).toBe(404);
  });
});
