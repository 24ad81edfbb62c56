// @vitest-environment node
/**
 * Issue 8's server defects, each against a real socket: malformed requests
 * (1), paths beside dist/ (2), ids with dots (12), headers, compression, 304
 * and caching (13), methods, the in-flight cap and the request timeout.
 */
import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { spawnSync } from 'node:child_process';
import { connect } from 'node:net';
import { readApiData } from '../../server/serve';
import { StaticSite } from '../../server/static';
import { ASSET, ASSET_TEXT, INDEX_HTML, SECRET, errorOf, get, makeSite, raw, start, type Site, type Started } from './helpers';

let site: Site;
let s: Started;
beforeAll(async () => {
  site = makeSite();
  s = await start({ distDir: site.dist, dataDir: site.data });
});
afterAll(async () => {
  await s?.close();
  site?.cleanup();
});

async function stillUp() {
  const r = await get(s.url, '/api/v1/meta');
  expect(r.status).toBe(200);
  expect((r.json() as { district: { id: string } }).district.id).toBe('D');
}

describe('malformed requests get 400 and leave the server up (defect 1)', () => {
  it.each(['/%', '/%E0%A4%A', '/api/v1/%zz', '/a%00b'])('%s', async (path) => {
    const r = await get(s.url, path);
    expect(r.status).toBe(400);
    expect(errorOf(r).code).toBe('bad_request');
    expect(r.headers['x-content-type-options']).toBe('nosniff');
    await stillUp();
  });

  it('a request line with a broken absolute URL (GET http://[::1 HTTP/1.1)', async () => {
    const reply = await raw(s.port, 'GET http://[::1 HTTP/1.1\r\nHost: 127.0.0.1\r\nConnection: close\r\n\r\n');
    expect(reply).toMatch(/^HTTP\/1\.1 400 /);
    expect(reply).toContain('"code":"bad_request"');
    await stillUp();
  });

  it('a request line Node cannot parse at all', async () => {
    const reply = await raw(s.port, 'GET /a b c\r\n\r\n');
    expect(reply).toMatch(/^HTTP\/1\.1 400 /);
    expect(reply).toContain('"error"');
    await stillUp();
  });

  it('an absolute-form target that parses is served like its path', async () => {
    const reply = await raw(s.port, `GET http://127.0.0.1:${s.port}/api/v1/meta HTTP/1.1\r\nHost: 127.0.0.1\r\nConnection: close\r\n\r\n`);
    expect(reply).toMatch(/^HTTP\/1\.1 200 /);
    expect(reply).toContain('"district"');
  });
});

describe('nothing beside dist/ is readable (defect 2)', () => {
  it.each([
    '/..%2fdist-secret%2fkey.txt',
    '/../dist-secret/key.txt',
    '/%2e%2e/dist-secret/key.txt',
    '/assets/..%2f..%2fdist-secret%2fkey.txt',
    '/..%5cdist-secret%5ckey.txt',
    '/..',
  ])('%s', async (path) => {
    const r = await get(s.url, path);
    expect(r.text).not.toContain(SECRET);
    expect(r.status).not.toBe(500);
  });

  it('the escape is refused with the error shape, not the SPA page', async () => {
    const r = await get(s.url, '/..%2fdist-secret%2fkey.txt');
    expect(r.status).toBe(404);
    expect(errorOf(r).code).toBe('not_found');
  });
});

describe('SPA fallback and files (defect 12)', () => {
  it('a route with a dot in an id answers index.html', async () => {
    for (const path of ['/org/G.001', '/org/G.001?asOf=2025-06-30', '/orgs', '/org/T1.x.json']) {
      const r = await get(s.url, path);
      expect(r.status).toBe(200);
      expect(r.headers['content-type']).toBe('text/html; charset=utf-8');
      expect(r.text).toBe(INDEX_HTML);
    }
  });

  it('a real asset is served as itself, a missing one under /assets/ is 404', async () => {
    const js = await get(s.url, ASSET);
    expect(js.status).toBe(200);
    expect(js.headers['content-type']).toBe('text/javascript; charset=utf-8');
    expect(js.text).toBe(ASSET_TEXT);
    const missing = await get(s.url, '/assets/index-gone.js');
    expect(missing.status).toBe(404);
    expect(errorOf(missing).code).toBe('not_found');
  });
});

describe('headers, compression, 304 and caching (defect 13)', () => {
  it('security headers on every response: page, asset, API, errors', async () => {
    for (const path of ['/', ASSET, '/config.json', '/api/v1/meta', '/api/v1/nope', '/assets/gone.js', '/%']) {
      const r = await get(s.url, path);
      expect(r.headers['x-content-type-options'], path).toBe('nosniff');
      expect(r.headers['x-frame-options'], path).toBe('DENY');
      expect(r.headers['referrer-policy'], path).toBe('no-referrer');
      const csp = String(r.headers['content-security-policy']);
      expect(csp, path).toContain("frame-ancestors 'none'");
      expect(csp, path).toContain("script-src 'self'");
      // the API is on this origin: nothing else may be contacted
      expect(
        csp
          .split(';')
          .map((d) => d.trim())
          .find((d) => d.startsWith('connect-src')),
        path,
      ).toBe("connect-src 'self'");
    }
  });

  it('an absolute apiBaseUrl names its origin in connect-src and config.json, and the API answers under its path', async () => {
    const other = await start({ distDir: site.dist, dataDir: site.data, apiBaseUrl: 'https://api.example.gov.cn/jj' });
    try {
      const r = await get(other.url, '/config.json');
      expect(r.json()).toEqual({ apiBaseUrl: 'https://api.example.gov.cn/jj', mocks: false });
      expect(String(r.headers['content-security-policy'])).toContain("connect-src 'self' https://api.example.gov.cn;");
      expect((await get(other.url, '/jj/v1/meta')).status).toBe(200);
    } finally {
      await other.close();
    }
  });

  it('hashed assets are immutable; index.html, config.json and data revalidate', async () => {
    expect((await get(s.url, ASSET)).headers['cache-control']).toBe('public, max-age=31536000, immutable');
    for (const path of ['/', '/org/T1', '/config.json', '/api/v1/meta', '/api/v1/orgs?year=2025']) {
      expect((await get(s.url, path)).headers['cache-control'], path).toBe('no-cache');
    }
  });

  it('the coding the client weighs most (br on a tie), identity without Accept-Encoding; Vary: Accept-Encoding', async () => {
    const path = '/api/v1/assignments?year=2025';
    const plain = await get(s.url, path);
    expect(plain.headers['content-encoding']).toBeUndefined();
    const full = plain.json();
    for (const [accept, encoding] of [
      ['gzip, deflate, br', 'br'],
      ['gzip', 'gzip'],
      ['br;q=0, gzip', 'gzip'],
      ['identity', undefined],
      // a coding's own entry wins over *, and the weights rank (RFC 9110)
      ['br;q=0, *', 'gzip'],
      ['gzip, br;q=0, *;q=1', 'gzip'],
      ['br;q=0.0001, gzip;q=1', 'gzip'],
      ['*', 'br'],
      ['gzip;q=0, br;q=0, *', undefined],
      ['gzip;q=abc', undefined],
    ] as const) {
      const r = await get(s.url, path, { 'Accept-Encoding': accept });
      expect(r.headers['content-encoding'], accept).toBe(encoding);
      expect(r.headers.vary, accept).toBe('Accept-Encoding');
      expect(r.json(), accept).toEqual(full);
      if (encoding) expect(r.body.length).toBeLessThan(plain.body.length / 3);
    }
    const js = await get(s.url, ASSET, { 'Accept-Encoding': 'br' });
    expect(js.headers['content-encoding']).toBe('br');
    expect(js.text).toBe(ASSET_TEXT);
  });

  it('ETag and If-None-Match → 304 on data (any encoding of the same bytes), 200 when it does not match', async () => {
    const path = '/api/v1/orgs?year=2025';
    const first = await get(s.url, path, { 'Accept-Encoding': 'gzip' });
    const etag = String(first.headers.etag);
    expect(etag).toMatch(/^"[^"]+"$/);
    const again = await get(s.url, path, { 'Accept-Encoding': 'gzip', 'If-None-Match': etag });
    expect(again.status).toBe(304);
    expect(again.body.length).toBe(0);
    expect(again.headers.etag).toBe(etag);
    // the browser switched to br: still the same bytes underneath
    expect((await get(s.url, path, { 'Accept-Encoding': 'br', 'If-None-Match': etag })).status).toBe(304);
    expect((await get(s.url, path, { 'If-None-Match': '"something-else"' })).status).toBe(200);
    // another resource has another validator
    expect((await get(s.url, '/api/v1/assignments?year=2025', { 'If-None-Match': etag })).status).toBe(200);
  });

  it('HEAD has the headers without the body', async () => {
    const r = await get(s.url, '/api/v1/orgs?year=2025', {}, 'HEAD');
    expect(r.status).toBe(200);
    expect(Number(r.headers['content-length'])).toBeGreaterThan(100);
    expect(r.body.length).toBe(0);
  });
});

describe('methods, errors and limits', () => {
  it('only GET and HEAD: 405 with Allow and the error shape', async () => {
    for (const method of ['POST', 'PUT', 'DELETE', 'OPTIONS']) {
      const r = await get(s.url, '/api/v1/meta', {}, method);
      expect(r.status, method).toBe(405);
      expect(r.headers.allow).toBe('GET, HEAD');
      expect(errorOf(r).code).toBe('method_not_allowed');
    }
  });

  it('CONNECT and a request without Host get the error shape and the security headers, not a closed socket', async () => {
    for (const [request, status, code] of [
      ['CONNECT 127.0.0.1:80 HTTP/1.1\r\nHost: 127.0.0.1:80\r\n\r\n', 405, 'method_not_allowed'],
      ['GET /api/v1/meta HTTP/1.1\r\nConnection: close\r\n\r\n', 400, 'bad_request'],
    ] as const) {
      const reply = await raw(s.port, request);
      expect(reply, request).toMatch(new RegExp(`^HTTP/1\\.1 ${status} `));
      expect(reply).toMatch(/\r\nX-Content-Type-Options: nosniff\r\n/i);
      expect(reply).toContain(`"code":"${code}"`);
      if (status === 405) expect(reply).toMatch(/\r\nAllow: GET, HEAD\r\n/i);
    }
    // HTTP/1.0 needs no Host
    expect(await raw(s.port, 'GET /api/v1/meta HTTP/1.0\r\n\r\n')).toMatch(/^HTTP\/1\.1 200 /);
  });

  it('unknown resources, years and bad years answer the error shape', async () => {
    expect(errorOf(await get(s.url, '/api/v1/nope')).code).toBe('not_found');
    expect((await get(s.url, '/api/v2/meta')).status).toBe(404);
    const noYear = await get(s.url, '/api/v1/orgs');
    expect(noYear.status).toBe(400);
    expect(errorOf(noYear).code).toBe('bad_request');
    expect((await get(s.url, '/api/v1/orgs?year=20x5')).status).toBe(400);
    const unknown = await get(s.url, '/api/v1/orgs?year=2019');
    expect(unknown.status).toBe(404);
    expect(errorOf(unknown).message).toContain('2019');
  });

  it('requests beyond the in-flight cap get 503 with Retry-After; the held ones still finish', async () => {
    let release!: () => void;
    const gate = new Promise<void>((ok) => (release = ok));
    const capped = await start({
      distDir: site.dist,
      dataDir: site.data,
      maxInFlight: 2,
      // a stalled backend: the two held requests occupy the cap
      override: async (path) => {
        if (path === 'methodology') await gate;
        return undefined;
      },
    });
    try {
      const held = [get(capped.url, '/api/v1/methodology?year=2025'), get(capped.url, '/api/v1/methodology?year=2025')];
      await new Promise((ok) => setTimeout(ok, 150));
      const over = await get(capped.url, '/api/v1/meta');
      expect(over.status).toBe(503);
      expect(over.headers['retry-after']).toBe('1');
      expect(errorOf(over).code).toBe('overloaded');
      release();
      expect((await Promise.all(held)).map((r) => r.status)).toEqual([200, 200]);
      expect((await get(capped.url, '/api/v1/meta')).status).toBe(200);
    } finally {
      release();
      await capped.close();
    }
  });

  it('clients that never read their answer hold no slot, and are cut off once nothing moves', async () => {
    // an answer far bigger than what a socket buffers, asked for uncompressed: it cannot all be delivered
    const example = readApiData(site.data);
    const note = 'x'.repeat(1000);
    const assignments = Array.from({ length: 30_000 }, (_, k) => ({ orgId: 'G1', indicatorId: `I-${k}`, target: 1, note }));
    const big = await start({
      distDir: site.dist,
      data: { ...example, years: { 2025: { ...example.years[2025], assignments } } },
      maxInFlight: 2,
      idleTimeoutMs: 800,
    });
    try {
      const sockets = Array.from({ length: 3 }, () => {
        const socket = connect(big.port, '127.0.0.1', () => socket.write('GET /api/v1/assignments?year=2025 HTTP/1.1\r\nHost: x\r\n\r\n'));
        socket.pause(); // never reads
        socket.on('error', () => undefined);
        return socket;
      });
      await new Promise((ok) => setTimeout(ok, 300));
      // three stalled readers over a cap of two: everybody else is still answered
      expect((await get(big.url, '/api/v1/meta')).status).toBe(200);
      // once nothing has moved for the idle timeout the server closes them: reading now finds the answer cut short
      await new Promise((ok) => setTimeout(ok, 2000));
      const bodyBytes = Buffer.byteLength(JSON.stringify(assignments));
      const received = await Promise.all(
        sockets.map(
          (socket) =>
            new Promise<number>((ok) => {
              let n = 0;
              socket.on('data', (c: Buffer) => (n += c.length));
              socket.on('close', () => ok(n));
              socket.resume();
            }),
        ),
      );
      for (const n of received) expect(n).toBeLessThan(bodyBytes);
    } finally {
      await big.close();
    }
  });

  it('serve:api refuses a count or a time it cannot use, naming the setting (was: the cap off, or a crash)', () => {
    for (const [name, value] of [
      ['JJ_MAX_IN_FLIGHT', 'abc'],
      ['JJ_MAX_IN_FLIGHT', '0'],
      ['JJ_REQUEST_TIMEOUT_MS', '1.5'],
    ]) {
      const run = spawnSync(process.execPath, ['--import', 'tsx', 'server/serve.ts', site.data, '0'], {
        env: { ...process.env, [name]: value },
        encoding: 'utf8',
        timeout: 30_000,
      });
      expect(run.status, `${name}=${value}`).toBe(1);
      const line = JSON.parse(run.stderr.trim().split('\n').at(-1)!) as { event: string; error: string };
      expect(line).toMatchObject({ event: 'start_failed', error: expect.stringContaining(name) });
    }
  });

  it('a client that never finishes its headers is cut off (headers timeout)', async () => {
    const slow = await start({ distDir: site.dist, dataDir: site.data, headersTimeoutMs: 300, requestTimeoutMs: 600 });
    try {
      const t0 = Date.now();
      const reply = await raw(slow.port, 'GET /api/v1/meta HTTP/1.1\r\nHost: x\r\n', { endAfterMs: 5000 });
      expect(Date.now() - t0).toBeLessThan(4000);
      expect(reply).toMatch(/^HTTP\/1\.1 408 /);
    } finally {
      await slow.close();
    }
  });
});

describe('the first screen compressed at start (warmStatic)', () => {
  it('compresses index.html and the scripts and stylesheets it names, and nothing else', async () => {
    const dist = mkdtempSync(join(tmpdir(), 'jj-warm-'));
    try {
      mkdirSync(join(dist, 'assets'));
      const big = (name: string) => `/* ${name} */ ${ASSET_TEXT}`;
      const named = ['/boot.js', '/assets/index-A1.js', '/assets/react-B2.js', '/assets/index-C3.css'];
      writeFileSync(
        join(dist, 'index.html'),
        `${INDEX_HTML.replace('</head>', `<script async src="/boot.js"></script><script type="module" src="/assets/index-A1.js"></script><link rel="modulepreload" href="/assets/react-B2.js"><link rel="stylesheet" href="/assets/index-C3.css"></head>`)}${'<!-- padding -->'.repeat(80)}`,
      );
      for (const f of [...named, '/assets/echarts-D4.js']) writeFileSync(join(dist, f), big(f));
      const site = new StaticSite(dist);
      const warmed = (path: string) => {
        const r = site.lookup(path);
        return r.kind === 'file' && r.rep.warmed;
      };
      expect(warmed('/')).toBe(false);
      await site.warmFirstScreen();
      for (const path of ['/', ...named]) expect(warmed(path), path).toBe(true);
      // a chunk the first screen does not name waits for its first request
      expect(warmed('/assets/echarts-D4.js')).toBe(false);
    } finally {
      rmSync(dist, { recursive: true, force: true });
    }
  });

  it('a server told to warm a dist/ that is not there starts and answers as without it', async () => {
    const other = await start({ distDir: `${site.root}/no-such-dist`, dataDir: site.data, warmStatic: true });
    try {
      expect((await get(other.url, '/api/v1/meta')).status).toBe(200);
      expect((await get(other.url, '/')).status).toBe(404);
    } finally {
      await other.close();
    }
  });
});
