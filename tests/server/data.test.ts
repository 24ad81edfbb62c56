// @vitest-environment node
/**
 * The data dir: loaded once (defect 3), a half-written file keeps the previous
 * data and is logged, then swapped in when fixed (defect 4); demands (v1.1,
 * 404 when absent); `orgId` subtree filters.
 */
import { execFileSync } from 'node:child_process';
import { readFileSync, rmSync, symlinkSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { DEMANDS, errorOf, get, makeSite, start, type Site, type Started } from './helpers';

let site: Site | undefined;
let s: Started | undefined;
afterEach(async () => {
  await s?.close();
  site?.cleanup();
  s = site = undefined;
});

type Row = { id: string; orgId: string; name: string; parentId: string | null };
const ids = (rows: unknown) => (rows as Row[]).map((r) => r.id).sort();
const orgIds = (rows: unknown) => [...new Set((rows as Row[]).map((r) => r.orgId))].sort();

describe('data loaded once (defect 3)', () => {
  it('meta does not reread a large data dir per request', async () => {
    site = makeSite();
    // ~12 MB of assignments: a server that rereads and parses it per request needs ≥ 50 ms each
    const bulk = Array.from({ length: 40_000 }, (_, i) => ({
      orgId: 'G1',
      indicatorId: `X${i}`,
      target: 95,
      due: '2025-12-31',
      issuedAt: '2025-01-10',
      claimedAt: null,
      reportedAt: null,
      evaluatedAt: null,
      exemptAt: null,
      progress: Array.from({ length: 6 }, (__, k) => ({ date: `2025-0${k + 1}-15`, value: k * 10 + 0.5 })),
    }));
    writeFileSync(join(site.data, 'assignments-2025.json'), JSON.stringify(bulk));
    s = await start({ distDir: site.dist, dataDir: site.data });
    const t0 = performance.now();
    for (let i = 0; i < 100; i++) expect((await get(s.url, '/api/v1/meta')).status).toBe(200);
    // measured: ~0.1 s here, ≥ 5 s when every request parses the files
    expect(performance.now() - t0).toBeLessThan(2000);
  });
});

describe('a half-written file keeps the previous data (defect 4)', () => {
  it('logs why, serves the previous snapshot, then swaps in the fixed file', async () => {
    site = makeSite();
    const reloads: ({ ok: true } | { ok: false; error: string })[] = [];
    const waitReload = async (n: number) => {
      const until = Date.now() + 5000;
      while (reloads.length < n && Date.now() < until) await new Promise((ok) => setTimeout(ok, 20));
      return reloads[n - 1];
    };
    s = await start({ distDir: site.dist, dataDir: site.data, watch: { pollMs: 50, debounceMs: 50, onReload: (r) => reloads.push(r) } });
    const before = await get(s.url, '/api/v1/orgs?year=2025');
    expect(ids(before.json())).toEqual(['D', 'G1', 'G2', 'G3', 'T1', 'T2']);

    const file = join(site.data, 'orgs-2025.json');
    const good = JSON.parse((await get(s.url, '/api/v1/orgs?year=2025')).text) as Row[];
    writeFileSync(file, JSON.stringify(good).slice(0, 150)); // a copy cut short
    const failed = await waitReload(1);
    expect(failed).toMatchObject({ ok: false });
    expect(s.logs.find((l) => l.event === 'data_load_failed')).toMatchObject({
      level: 'error',
      error: expect.stringContaining('orgs-2025.json: invalid JSON'),
    });

    const during = await get(s.url, '/api/v1/orgs?year=2025', { 'If-None-Match': String(before.headers.etag) });
    expect(during.status).toBe(304); // the very same data
    expect((await get(s.url, '/api/v1/assignments?year=2025')).status).toBe(200);

    good.find((o) => o.id === 'T1')!.name = '东镇总工会（新）';
    writeFileSync(file, JSON.stringify(good));
    expect(await waitReload(2)).toEqual({ ok: true });
    const after = await get(s.url, '/api/v1/orgs?year=2025', { 'If-None-Match': String(before.headers.etag) });
    expect(after.status).toBe(200);
    expect((after.json() as Row[]).find((o) => o.id === 'T1')!.name).toBe('东镇总工会（新）');
  });

  it('a top level that is not a list, or meta without years, is a failed load too', async () => {
    site = makeSite();
    const reloads: unknown[] = [];
    s = await start({ distDir: site.dist, dataDir: site.data, watch: { pollMs: 50, debounceMs: 50, onReload: (r) => reloads.push(r) } });
    writeFileSync(join(site.data, 'assignments-2025.json'), '{"not":"a list"}');
    while (reloads.length < 1) await new Promise((ok) => setTimeout(ok, 20));
    expect(reloads[0]).toMatchObject({ ok: false, error: 'assignments-2025.json: expected an array' });
    expect(Array.isArray((await get(s.url, '/api/v1/assignments?year=2025')).json())).toBe(true);
  });

  it('a FIFO put in place of a data file is refused at once, and the server keeps answering', async () => {
    site = makeSite();
    const reloads: unknown[] = [];
    s = await start({ distDir: site.dist, dataDir: site.data, watch: { pollMs: 50, debounceMs: 50, onReload: (r) => reloads.push(r) } });
    const fifo = join(site.root, 'fifo');
    execFileSync('mkfifo', [fifo]);
    rmSync(join(site.data, 'orgs-2025.json'));
    symlinkSync(fifo, join(site.data, 'orgs-2025.json'));
    const until = Date.now() + 5000;
    while (reloads.length < 1 && Date.now() < until) await new Promise((ok) => setTimeout(ok, 20));
    // opening it waited for a writer that never came: the event loop, and every request, with it
    expect(reloads[0]).toMatchObject({ ok: false, error: 'orgs-2025.json: not a regular file' });
    expect((await get(s.url, '/api/v1/orgs?year=2025')).status).toBe(200);
  });

  it('a reload reads the assignments off the event loop (a province stalled it 6–9 s) and filters them from their bytes', async () => {
    site = makeSite({ demands: DEMANDS });
    const reloads: unknown[] = [];
    s = await start({ distDir: site.dist, dataDir: site.data, watch: { pollMs: 50, debounceMs: 50, onReload: (r) => reloads.push(r) } });
    const file = join(site.data, 'assignments-2025.json');
    const records = JSON.parse((await get(s.url, '/api/v1/assignments?year=2025')).text) as { orgId: string; target: number }[];
    records[0] = { ...records[0], target: 12.5 };
    // a text this thread never parses itself (the test reads the answers below as text): its length marks it
    const text = `${JSON.stringify(records)}${' '.repeat(7)}`;
    const parse = vi.spyOn(JSON, 'parse');
    try {
      writeFileSync(file, text);
      while (reloads.length < 1) await new Promise((ok) => setTimeout(ok, 20));
      expect(reloads[0]).toEqual({ ok: true });
      expect(parse.mock.calls.filter(([t]) => typeof t === 'string' && t.length === text.length)).toEqual([]);
    } finally {
      parse.mockRestore();
    }
    expect((await get(s.url, '/api/v1/assignments?year=2025')).text).toBe(text);
    const under = (await get(s.url, `/api/v1/assignments?year=2025&orgId=T1`)).json() as { orgId: string; target: number }[];
    const t1 = new Set(['T1', 'G1', 'G2']);
    expect(under).toEqual(records.filter((r) => t1.has(r.orgId)));
    expect(ids((await get(s.url, '/api/v1/demands?year=2025&orgId=T1')).json())).toEqual(['Q-1', 'Q-3']);
  });

  it('a data dir that cannot be loaded at start refuses to start', async () => {
    site = makeSite();
    writeFileSync(join(site.data, 'meta.json'), '{');
    await expect(start({ distDir: site.dist, dataDir: site.data })).rejects.toThrow(/meta\.json: invalid JSON/);
  });
});

describe('orgId: the subtree only', () => {
  it('assignments of an organisation and everything under it', async () => {
    site = makeSite();
    s = await start({ distDir: site.dist, dataDir: site.data });
    expect(orgIds((await get(s.url, '/api/v1/assignments?year=2025&orgId=T1')).json())).toEqual(['G1', 'G2', 'T1']);
    expect(orgIds((await get(s.url, '/api/v1/assignments?year=2025&orgId=G3')).json())).toEqual(['G3']);
    expect(orgIds((await get(s.url, '/api/v1/assignments?year=2025&orgId=D')).json())).toEqual(['D', 'G1', 'G2', 'G3', 'T1']); // T2 has no assignments of its own
    // a parent named by a record but not an organisation itself is unknown too
    const orgs = JSON.parse((await get(s.url, '/api/v1/orgs?year=2025')).text) as Row[];
    orgs.push({ id: 'G9', orgId: '', name: 'orphan', parentId: 'T9' });
    writeFileSync(join(site.data, 'orgs-2025.json'), JSON.stringify(orgs));
    await s.close();
    s = await start({ distDir: site.dist, dataDir: site.data });
    const unknown = await get(s.url, '/api/v1/assignments?year=2025&orgId=T9');
    expect(unknown.status).toBe(404);
    expect(errorOf(unknown)).toEqual({ code: 'not_found', message: 'no organisation T9 in year 2025' });
    // a filtered body has its own validator
    const a = await get(s.url, '/api/v1/assignments?year=2025&orgId=T1');
    const b = await get(s.url, '/api/v1/assignments?year=2025&orgId=T2');
    expect(a.headers.etag).not.toBe(b.headers.etag);
  });
});

describe('filtered answers are the records as they came', () => {
  it('one record nested 5,000 deep is sent like the others, not a 500 for the whole subtree', async () => {
    site = makeSite();
    const file = join(site.data, 'assignments-2025.json');
    const records = JSON.parse(readFileSync(file, 'utf8')) as unknown[];
    const deep = `{"orgId":"G1","indicatorId":"ORG-01","target":1,"note":${'['.repeat(5000)}${']'.repeat(5000)}}`;
    writeFileSync(file, `[${deep},${records.map((r) => JSON.stringify(r)).join(',')}]`);
    s = await start({ distDir: site.dist, dataDir: site.data });
    const r = await get(s.url, '/api/v1/assignments?year=2025&orgId=T1');
    expect(r.status).toBe(200);
    // the deep record's bytes, first, then T1's subtree's records in their order
    expect(r.text.startsWith(`[${deep},`)).toBe(true);
    const rest = JSON.parse(`[${r.text.slice(deep.length + 2)}`) as Row[];
    expect(orgIds(rest)).toEqual(['G1', 'G2', 'T1']);
    expect(rest).toEqual((records as Row[]).filter((a) => ['T1', 'G1', 'G2'].includes(a.orgId)));
  });
});

describe('demands (v1.1)', () => {
  it('absent demands-<year>.json → 404 with the error shape', async () => {
    site = makeSite();
    s = await start({ distDir: site.dist, dataDir: site.data });
    const r = await get(s.url, '/api/v1/demands?year=2025');
    expect(r.status).toBe(404);
    expect(errorOf(r).code).toBe('not_found');
  });

  it('present: the list, and with orgId the subtree', async () => {
    site = makeSite({ demands: DEMANDS });
    s = await start({ distDir: site.dist, dataDir: site.data });
    expect((await get(s.url, '/api/v1/demands?year=2025')).json()).toEqual(DEMANDS);
    expect(ids((await get(s.url, '/api/v1/demands?year=2025&orgId=T1')).json())).toEqual(['Q-1', 'Q-3']);
    expect(ids((await get(s.url, '/api/v1/demands?year=2025&orgId=T2')).json())).toEqual(['Q-2']);
    expect((await get(s.url, '/api/v1/demands?year=2025&orgId=nope')).status).toBe(404);
  });
});

describe('in-memory data and the bad-backend override (end-to-end tests use both)', () => {
  it('serves an ApiData object and lets override answer a resource', async () => {
    site = makeSite();
    const { readApiData } = await import('../../server/serve');
    const data = readApiData(site.data);
    s = await start({
      distDir: site.dist,
      data,
      override: (path) => (path === 'orgs' ? { status: 500, body: '{"error":{"code":"boom","message":"down"}}' } : undefined),
    });
    expect((await get(s.url, '/api/v1/meta')).json()).toEqual(data.meta);
    const forced = await get(s.url, '/api/v1/orgs?year=2025');
    expect(forced.status).toBe(500);
    expect(errorOf(forced).code).toBe('boom');
  });
});
