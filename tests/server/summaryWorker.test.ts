// @vitest-environment node
/**
 * Summaries are computed in a worker thread, prepared per snapshot as it loads (server/summary.ts): the event loop
 * keeps answering while a large year is prepared; a new snapshot's summary carries its generatedAt; a worker that
 * dies or hangs costs the summary only (404 summary_unavailable / 503 summary_pending), never the server.
 */
import { readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { generateDistrict, mockDistrict, mockMeta } from '../../mocks/data/district';
import type { ApiData } from '../../server/serve';
import { errorOf, get, makeSite, start, type Site, type Started } from './helpers';

let site: Site | undefined;
let s: Started | undefined;
afterEach(async () => {
  await s?.close();
  site?.cleanup();
  s = site = undefined;
});

const timed = async (url: string, path: string) => {
  const t0 = performance.now();
  const r = await get(url, path);
  return { ...r, ms: performance.now() - t0 };
};

describe('the summary is prepared off the event loop', () => {
  it('while a large year is prepared, meta is answered promptly; the summary waits for it', async () => {
    // ~20,000 unions, ~300,000 assignments: seconds of parse, validation, preparation and 7 computations
    const big = generateDistrict(2025, 20_000);
    const data: ApiData = {
      meta: { ...mockMeta(), years: [2025], defaultYear: 2025 },
      years: { 2025: { methodology: big.methodology, orgs: big.orgs, assignments: big.assignments } },
    };
    site = makeSite();
    s = await start({ distDir: site.dist, data, summaries: { waitMs: 120_000 } });
    const summary = timed(s.url, '/api/v1/summary?year=2025');
    let done = false;
    void summary.finally(() => (done = true));
    const metaMs: number[] = [];
    while (!done) {
      const r = await timed(s.url, '/api/v1/meta');
      expect(r.status).toBe(200);
      metaMs.push(r.ms);
      await new Promise((ok) => setTimeout(ok, 10));
    }
    const answered = await summary;
    expect(answered.status, answered.text.slice(0, 200)).toBe(200);
    // on the event loop, the first meta request would wait for the whole computation
    expect(metaMs.length).toBeGreaterThan(3);
    expect(Math.max(...metaMs)).toBeLessThan(answered.ms / 4);
  }, 120_000);

  it('is ready before it is asked for: prepared when the data is loaded', async () => {
    site = makeSite();
    s = await start({ distDir: site.dist, dataDir: site.data });
    const until = Date.now() + 30_000;
    while (!s.logs.some((l) => l.event === 'summary_prepared') && Date.now() < until) await new Promise((ok) => setTimeout(ok, 20));
    expect(s.logs.find((l) => l.event === 'summary_prepared')).toMatchObject({ level: 'info', year: 2025 });
    expect((await get(s.url, '/api/v1/summary?year=2025')).status).toBe(200);
  });
});

describe("the sessions' scopes are prepared at load too", () => {
  it('prepares the default year for the first `prepareScopes` distinct scopes of users.json, after the unscoped one', async () => {
    const district = mockDistrict(2025);
    const towns = district.orgs.filter((o) => o.parentId === district.orgs[0].id).map((o) => o.id);
    const data: ApiData = {
      meta: mockMeta(),
      years: { 2025: { methodology: district.methodology, orgs: district.orgs, assignments: district.assignments } },
      users: {
        tokens: {
          all: {},
          a: { orgId: towns[0] },
          a2: { orgId: towns[0] },
          gone: { orgId: 'NOT-IN-THE-YEAR' },
          b: { orgId: towns[1] },
          c: { orgId: towns[2] },
        },
      },
    };
    site = makeSite();
    s = await start({ distDir: site.dist, data, summaries: { prepareScopes: 2 } });
    const until = Date.now() + 60_000;
    const prepared = () => s!.logs.filter((l) => l.event === 'summary_prepared');
    while (prepared().length < 3 && Date.now() < until) await new Promise((ok) => setTimeout(ok, 20));
    await new Promise((ok) => setTimeout(ok, 200)); // nothing more comes
    expect(prepared().map((l) => l.scope ?? '*')).toEqual(['*', towns[0], towns[1]]);
    const scoped = await get(s.url, '/api/v1/summary?year=2025', { Authorization: 'Bearer b' });
    expect(scoped.status).toBe(200);
    expect((scoped.json() as { scope: string }).scope).toBe(towns[1]);
  }, 120_000);
});

describe('a new snapshot supersedes the old summaries', () => {
  it("after a data reload, the summary carries the new snapshot's generatedAt", async () => {
    site = makeSite();
    const reloads: unknown[] = [];
    s = await start({ distDir: site.dist, dataDir: site.data, watch: { pollMs: 50, debounceMs: 50, onReload: (r) => reloads.push(r) } });
    const before = await get(s.url, '/api/v1/summary?year=2025');
    expect(before.status).toBe(200);
    const meta = JSON.parse(readFileSync(join(site.data, 'meta.json'), 'utf8')) as { generatedAt: string };
    const old = (before.json() as { generatedAt: string }).generatedAt;
    expect(old).toBe(meta.generatedAt);

    const next = '2025-07-01T09:00:00+08:00';
    writeFileSync(join(site.data, 'meta.json'), JSON.stringify({ ...meta, generatedAt: next }));
    const until = Date.now() + 5000;
    while (reloads.length === 0 && Date.now() < until) await new Promise((ok) => setTimeout(ok, 20));
    expect(reloads).toEqual([{ ok: true }]);
    const after = await get(s.url, '/api/v1/summary?year=2025', { 'If-None-Match': String(before.headers.etag) });
    expect(after.status).toBe(200);
    expect((after.json() as { generatedAt: string }).generatedAt).toBe(next);
  });
});

describe('a failing worker costs the summary only', () => {
  it('a year that cannot be computed: 404 summary_unavailable naming the first failing path, as the browser does', async () => {
    site = makeSite();
    const file = join(site.data, 'methodology-2025.json');
    const methodology = JSON.parse(readFileSync(file, 'utf8')) as { rollup: object };
    writeFileSync(file, JSON.stringify({ ...methodology, rollup: { ...methodology.rollup, ownWeight: 2 } }));
    s = await start({ distDir: site.dist, dataDir: site.data });
    const r = await get(s.url, '/api/v1/summary?year=2025');
    expect(r.status).toBe(404);
    const { code, message } = errorOf(r);
    expect(code).toBe('summary_unavailable');
    expect(message).toMatch(/^the year's data cannot be computed: methodology\.rollup\.ownWeight: [^\n]+$/);
  });

  it('a worker that dies: 404 summary_unavailable, logged, and the server keeps serving', async () => {
    site = makeSite();
    s = await start({
      distDir: site.dist,
      dataDir: site.data,
      summaries: { workerEntry: new URL('./fixtures/crashingSummaryWorker.ts', import.meta.url) },
    });
    const r = await get(s.url, '/api/v1/summary?year=2025');
    expect(r.status).toBe(404);
    expect(errorOf(r).code).toBe('summary_unavailable');
    expect(s.logs.find((l) => l.event === 'summary_worker_failed')).toMatchObject({ level: 'error' });
    // the other resources, and the summary again (answered at once, not a new worker per request)
    expect((await get(s.url, '/api/v1/meta')).status).toBe(200);
    expect((await get(s.url, '/api/v1/orgs?year=2025')).status).toBe(200);
    expect((await get(s.url, '/')).status).toBe(200);
    expect(errorOf(await get(s.url, '/api/v1/summary?year=2025&asOf=2025-03-31')).code).toBe('summary_unavailable');
  });

  it('a worker that does not answer in time: 503 summary_pending with Retry-After', async () => {
    site = makeSite();
    s = await start({
      distDir: site.dist,
      dataDir: site.data,
      summaries: { waitMs: 200, workerEntry: new URL('./fixtures/silentSummaryWorker.ts', import.meta.url) },
    });
    const r = await get(s.url, '/api/v1/summary?year=2025');
    expect(r.status).toBe(503);
    expect(errorOf(r).code).toBe('summary_pending');
    expect(r.headers['retry-after']).toBeTruthy();
    expect((await get(s.url, '/api/v1/meta')).status).toBe(200);
  });
});
