/**
 * A small production-like server: the built app from `dist/`, a `config.json`
 * that turns mocks off, and the four API resources from JSON files — the
 * deployment path without MSW, used by the end-to-end tests and by
 * `npm run serve:api -- <data dir>`.
 *
 * Data dir layout: meta.json, and per year methodology-<year>.json,
 * orgs-<year>.json, assignments-<year>.json (the API's exact shapes).
 */
import { createServer, type Server } from 'node:http';
import { existsSync, readFileSync, statSync } from 'node:fs';
import { extname, join, normalize, resolve } from 'node:path';
import { subtreeIds } from '../src/api/subtree';

export interface ApiData {
  meta: unknown;
  years: Record<number, { methodology: unknown; orgs: unknown; assignments: unknown }>;
}

export interface ServeOptions {
  distDir: string;
  data: ApiData | (() => ApiData);
  /** Base path of the API, as written into config.json. */
  apiBaseUrl?: string;
  /** Overrides: answer a resource path with this status and body (bad-backend tests). */
  override?: (path: string) => { status: number; body: string } | undefined;
}

const TYPES: Record<string, string> = {
  '.html': 'text/html; charset=utf-8',
  '.js': 'text/javascript; charset=utf-8',
  '.css': 'text/css; charset=utf-8',
  '.json': 'application/json; charset=utf-8',
  '.svg': 'image/svg+xml',
  '.png': 'image/png',
  '.ico': 'image/x-icon',
  '.map': 'application/json',
};

export function readApiData(dir: string): ApiData {
  const read = (f: string) => JSON.parse(readFileSync(join(dir, f), 'utf8')) as unknown;
  const meta = read('meta.json') as { years: number[] };
  const years: ApiData['years'] = {};
  for (const y of meta.years) years[y] = { methodology: read(`methodology-${y}.json`), orgs: read(`orgs-${y}.json`), assignments: read(`assignments-${y}.json`) };
  return { meta, years };
}

export function startServer({ distDir, data, apiBaseUrl = '/api', override }: ServeOptions, port = 0): Promise<{ server: Server; url: string }> {
  const dist = resolve(distDir);
  const server = createServer((req, res) => {
    const url = new URL(req.url ?? '/', 'http://localhost');
    const send = (status: number, body: string | Buffer, type = 'application/json; charset=utf-8') => {
      res.writeHead(status, { 'Content-Type': type, 'Cache-Control': 'no-store' });
      res.end(body);
    };
    const json = (status: number, body: unknown) => send(status, JSON.stringify(body));
    const error = (status: number, code: string, message: string) => json(status, { error: { code, message } });

    if (url.pathname === '/config.json') return json(200, { apiBaseUrl, mocks: false });
    if (url.pathname.startsWith(`${apiBaseUrl}/v1/`)) {
      const resource = url.pathname.slice(`${apiBaseUrl}/v1/`.length);
      const forced = override?.(resource);
      if (forced) return send(forced.status, forced.body);
      const d = typeof data === 'function' ? data() : data;
      if (resource === 'meta') return json(200, d.meta);
      const year = Number(url.searchParams.get('year'));
      const y = d.years[year];
      if (!y) return error(404, 'not_found', `no data for year ${url.searchParams.get('year')}`);
      if (resource === 'methodology') return json(200, y.methodology);
      if (resource === 'orgs') return json(200, y.orgs);
      if (resource === 'assignments') {
        const orgId = url.searchParams.get('orgId');
        const list = y.assignments as { orgId: string }[];
        if (!orgId) return json(200, list);
        const ids = subtreeIds(y.orgs as { id: string; parentId: string | null }[], orgId);
        return json(200, list.filter((a) => ids.has(a.orgId)));
      }
      return error(404, 'not_found', `no resource ${resource}`);
    }
    // static files, with the SPA's index.html for client-side routes
    const file = normalize(join(dist, decodeURIComponent(url.pathname)));
    if (file.startsWith(dist) && existsSync(file) && statSync(file).isFile()) {
      return send(200, readFileSync(file), TYPES[extname(file)] ?? 'application/octet-stream');
    }
    if (extname(url.pathname)) return send(404, 'not found', 'text/plain');
    return send(200, readFileSync(join(dist, 'index.html')), TYPES['.html']);
  });
  return new Promise((ok) => server.listen(port, '127.0.0.1', () => {
    const address = server.address();
    const p = typeof address === 'object' && address ? address.port : port;
    ok({ server, url: `http://127.0.0.1:${p}` });
  }));
}

// `tsx server/serve.ts <data dir> [port]`: serve dist/ against JSON files
if (process.argv[1] && resolve(process.argv[1]) === resolve(import.meta.filename ?? '')) {
  const [dir, port] = process.argv.slice(2);
  if (!dir) {
    console.error('usage: npm run serve:api -- <data dir> [port]');
    process.exit(2);
  }
  void startServer({ distDir: 'dist', data: () => readApiData(dir) }, Number(port ?? 8080)).then(({ url }) => console.log(`serving dist/ with the API from ${dir} at ${url}`));
}
