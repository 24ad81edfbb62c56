// @vitest-environment node
/** Scoped sessions (issue 13, contract "Scope of the session"): users.json, 401, 403, the subtree with its root. */
import { readFileSync, rmSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { DEMANDS, errorOf, get, makeSite, raw, start, type Site, type Started } from './helpers';

const USERS = { tokens: { 'town-t1': { orgId: 'T1' }, 'union-g3': { orgId: 'G3' }, all: {}, '西街-令牌': { orgId: 'T2' } } };
type Org = { id: string; parentId: string | null };
type Rec = { id?: string; orgId: string };

let site: Site;
let s: Started;
beforeAll(async () => {
  site = makeSite({ users: USERS, demands: DEMANDS });
  s = await start({ distDir: site.dist, dataDir: site.data });
});
afterAll(async () => {
  await s?.close();
  site?.cleanup();
});

const bearer = (token: string) => ({ Authorization: `Bearer ${token}` });
const cookie = (token: string) => ({ Cookie: `theme=dark; jj_session=${token}` });

describe('with users.json', () => {
  it('no token or an unknown one → 401 on every resource', async () => {
    for (const path of [
      '/api/v1/meta',
      '/api/v1/methodology?year=2025',
      '/api/v1/orgs?year=2025',
      '/api/v1/assignments?year=2025',
      '/api/v1/demands?year=2025',
    ]) {
      for (const headers of [{}, bearer('nobody'), cookie('nobody')]) {
        const r = await get(s.url, path, headers);
        expect(r.status, path).toBe(401);
        expect(errorOf(r).code).toBe('unauthorized');
        expect(r.headers['cache-control']).toBe('no-store');
      }
    }
    // the app itself still loads (the app says "signed out", it is not the page that is refused)
    expect((await get(s.url, '/')).status).toBe(200);
  });

  it('a town token: meta.scope, orgs rooted at the town, records of its subtree only', async () => {
    for (const headers of [bearer('town-t1'), cookie('town-t1')]) {
      const meta = (await get(s.url, '/api/v1/meta', headers)).json() as { scope?: { orgId: string }; district: { id: string } };
      expect(meta.scope).toEqual({ orgId: 'T1' });
      expect(meta.district.id).toBe('D');
      const orgs = (await get(s.url, '/api/v1/orgs?year=2025', headers)).json() as Org[];
      expect(orgs.map((o) => o.id).sort()).toEqual(['G1', 'G2', 'T1']);
      expect(orgs.filter((o) => o.parentId === null).map((o) => o.id)).toEqual(['T1']);
      expect(orgs.find((o) => o.id === 'G1')!.parentId).toBe('T1');
      const assignments = (await get(s.url, '/api/v1/assignments?year=2025', headers)).json() as Rec[];
      expect([...new Set(assignments.map((a) => a.orgId))].sort()).toEqual(['G1', 'G2', 'T1']);
      const demands = (await get(s.url, '/api/v1/demands?year=2025', headers)).json() as Rec[];
      expect(demands.map((d) => d.id).sort()).toEqual(['Q-1', 'Q-3']);
      // the methodology is everybody's
      expect((await get(s.url, '/api/v1/methodology?year=2025', headers)).status).toBe(200);
    }
  });

  it('orgId inside the scope narrows; outside it (or unknown) → 403 forbidden', async () => {
    const inside = (await get(s.url, '/api/v1/assignments?year=2025&orgId=G1', bearer('town-t1'))).json() as Rec[];
    expect([...new Set(inside.map((a) => a.orgId))]).toEqual(['G1']);
    for (const path of [
      '/api/v1/assignments?year=2025&orgId=T2',
      '/api/v1/assignments?year=2025&orgId=D',
      '/api/v1/demands?year=2025&orgId=G3',
      '/api/v1/assignments?year=2025&orgId=nope',
    ]) {
      const r = await get(s.url, path, bearer('town-t1'));
      expect(r.status, path).toBe(403);
      expect(errorOf(r).code).toBe('forbidden');
    }
    const own = (await get(s.url, '/api/v1/orgs?year=2025', bearer('union-g3'))).json() as Org[];
    expect(own).toEqual([expect.objectContaining({ id: 'G3', parentId: null })]);
  });

  it('an unscoped token sees the district, without meta.scope', async () => {
    const meta = (await get(s.url, '/api/v1/meta', bearer('all'))).json() as Record<string, unknown>;
    expect(meta).not.toHaveProperty('scope');
    expect(((await get(s.url, '/api/v1/orgs?year=2025', bearer('all'))).json() as Org[]).length).toBe(6);
    expect((await get(s.url, '/api/v1/assignments?year=2025&orgId=T2', bearer('all'))).status).toBe(200);
  });

  it('answers depend on the session: private, Vary on Cookie and Authorization, an ETag per scope', async () => {
    const etags = new Map<string, string>();
    for (const token of ['town-t1', 'union-g3', 'all']) {
      for (const path of ['/api/v1/meta', '/api/v1/orgs?year=2025', '/api/v1/assignments?year=2025']) {
        const r = await get(s.url, path, { ...bearer(token), 'Accept-Encoding': 'gzip' });
        expect(r.headers['cache-control'], path).toBe('private, no-cache');
        expect(r.headers.vary, path).toBe('Accept-Encoding, Cookie, Authorization');
        etags.set(`${token} ${path}`, String(r.headers.etag));
      }
    }
    expect(new Set(etags.values()).size).toBe(etags.size);
    // a validator from another scope never yields a 304
    const town = etags.get('town-t1 /api/v1/orgs?year=2025')!;
    expect((await get(s.url, '/api/v1/orgs?year=2025', { ...bearer('all'), 'If-None-Match': town })).status).toBe(200);
    expect((await get(s.url, '/api/v1/orgs?year=2025', { ...bearer('town-t1'), 'If-None-Match': town })).status).toBe(304);
  });

  it('GET /session?token= sets the cookie and goes to the app; an unknown token sets nothing; empty signs out', async () => {
    const r = await get(s.url, '/session?token=town-t1');
    expect(r.status).toBe(303);
    expect(r.headers.location).toBe('/');
    expect(r.headers['set-cookie']).toEqual(['jj_session=town-t1; HttpOnly; SameSite=Lax; Path=/']);
    const unknown = await get(s.url, '/session?token=nobody');
    expect(unknown.status).toBe(401);
    expect(unknown.headers['set-cookie']).toBeUndefined();
    const out = await get(s.url, '/session?token=');
    expect(out.headers['set-cookie']?.[0]).toMatch(/^jj_session=; Max-Age=0; HttpOnly/);
    // Secure behind a gateway that says https: the first proxy's word, in any case
    for (const [proto, secure] of [
      ['https', true],
      ['HTTPS', true],
      ['https, http', true],
      ['http', false],
      ['http, https', false],
    ] as const) {
      const cookie = (await get(s.url, '/session?token=town-t1', { 'X-Forwarded-Proto': proto })).headers['set-cookie']?.[0];
      expect(cookie?.includes('; Secure'), proto).toBe(secure);
    }
  });

  it('a token in any script: by cookie (percent-encoded) and by Authorization (its UTF-8 bytes)', async () => {
    const set = await get(s.url, `/session?token=${encodeURIComponent('西街-令牌')}`);
    const cookieValue = set.headers['set-cookie']![0].split(';')[0].slice('jj_session='.length);
    expect(((await get(s.url, '/api/v1/meta', cookie(cookieValue))).json() as { scope: unknown }).scope).toEqual({ orgId: 'T2' });
    // Node's client refuses such a header: sent as bytes
    const reply = await raw(s.port, 'GET /api/v1/meta HTTP/1.1\r\nHost: x\r\nAuthorization: Bearer 西街-令牌\r\nConnection: close\r\n\r\n');
    expect(reply).toMatch(/^HTTP\/1\.1 200 /);
    expect(reply).toContain('"scope":{"orgId":"T2"}');
  });

  it("a duplicate of another town's id never widens a scope: each id is its first record's", async () => {
    const dup = makeSite({ users: USERS, demands: DEMANDS });
    const file = join(dup.data, 'orgs-2025.json');
    const orgs = JSON.parse(readFileSync(file, 'utf8')) as Org[];
    writeFileSync(
      file,
      JSON.stringify([
        ...orgs,
        // T2's id again, placed under T1 (a mistyped or hostile number): its children G3 are T2's, not T1's
        { id: 'T2', name: '误填编号', tier: 'grassroots', parentId: 'T1', members: 1 },
        // a copy of T1's G1 that places itself under T2: another part of the tree, its fields not T1's to see
        { id: 'G1', name: '外来记录', tier: 'grassroots', parentId: 'T2', members: 1 },
        // a duplicate inside the scope: sent, so the session's data-quality list names it
        { id: 'G2', name: '乙学校工会（重复）', tier: 'grassroots', parentId: 'T1', members: 1 },
      ]),
    );
    const d = await start({ distDir: dup.dist, dataDir: dup.data });
    try {
      const seen = (await get(d.url, '/api/v1/orgs?year=2025', bearer('town-t1'))).json() as (Org & { name: string })[];
      expect(seen.map((o) => `${o.id} ${o.name}`)).toEqual(['T1 东镇总工会', 'G1 甲公司工会', 'G2 乙学校工会', 'G2 乙学校工会（重复）']);
      const assignments = (await get(d.url, '/api/v1/assignments?year=2025', bearer('town-t1'))).json() as Rec[];
      expect([...new Set(assignments.map((a) => a.orgId))].sort()).toEqual(['G1', 'G2', 'T1']);
      expect(((await get(d.url, '/api/v1/demands?year=2025', bearer('town-t1'))).json() as Rec[]).map((q) => q.id).sort()).toEqual([
        'Q-1',
        'Q-3',
      ]);
      for (const path of ['/api/v1/assignments?year=2025&orgId=T2', '/api/v1/assignments?year=2025&orgId=G3'])
        expect((await get(d.url, path, bearer('town-t1'))).status, path).toBe(403);
    } finally {
      await d.close();
      dup.cleanup();
    }
  });

  it('a broken users.json on reload keeps the previous sessions', async () => {
    const reloads: unknown[] = [];
    const other = await start({
      distDir: site.dist,
      dataDir: site.data,
      watch: { pollMs: 50, debounceMs: 50, onReload: (r) => reloads.push(r) },
    });
    try {
      writeFileSync(join(site.data, 'users.json'), '{"tokens": {"town-t1": {"orgId": 5}}}');
      while (reloads.length < 1) await new Promise((ok) => setTimeout(ok, 20));
      expect(reloads[0]).toMatchObject({ ok: false, error: expect.stringContaining('users.json') });
      expect(((await get(other.url, '/api/v1/meta', bearer('town-t1'))).json() as { scope: unknown }).scope).toEqual({ orgId: 'T1' });
      // gone altogether (a deployment that deletes, then copies): still the same sessions, not an open server
      rmSync(join(site.data, 'users.json'));
      while (reloads.length < 2) await new Promise((ok) => setTimeout(ok, 20));
      expect(reloads[1]).toMatchObject({ ok: false, error: expect.stringContaining('users.json: is gone') });
      expect((await get(other.url, '/api/v1/assignments?year=2025')).status).toBe(401);
      expect(((await get(other.url, '/api/v1/meta', bearer('town-t1'))).json() as { scope: unknown }).scope).toEqual({ orgId: 'T1' });
    } finally {
      writeFileSync(join(site.data, 'users.json'), JSON.stringify(USERS));
      await other.close();
    }
  });
});

describe('without users.json', () => {
  it('everything is open and unscoped, shared caches may keep it', async () => {
    const open = makeSite();
    const o = await start({ distDir: open.dist, dataDir: open.data });
    try {
      const meta = await get(o.url, '/api/v1/meta', bearer('town-t1'));
      expect(meta.status).toBe(200);
      expect(meta.json()).not.toHaveProperty('scope');
      expect(meta.headers['cache-control']).toBe('no-cache');
      expect((await get(o.url, '/api/v1/assignments?year=2025&orgId=T2')).status).toBe(200);
      expect((await get(o.url, '/session?token=x')).status).toBe(404);
    } finally {
      await o.close();
      open.cleanup();
    }
  });
});
