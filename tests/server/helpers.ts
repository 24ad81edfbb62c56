/** Temp sites and data dirs from the worked example, and an HTTP client that sends paths as they are. */
import { cpSync, mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { request as httpRequest, type IncomingHttpHeaders } from 'node:http';
import { connect } from 'node:net';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { brotliDecompressSync, gunzipSync } from 'node:zlib';
import { startServer, type ServeOptions } from '../../server/serve';
import type { LogEntry } from '../../server/data';

const EXAMPLE = new URL('../fixtures/example/', import.meta.url);

export const SECRET = 'the-key-beside-dist';
/** A hashed asset big enough to be compressed. */
export const ASSET = '/assets/index-Ab12Cd34.js';
export const ASSET_TEXT = `export const rows = ${JSON.stringify(Array.from({ length: 200 }, (_, i) => `row ${i}`))};\n`;
export const INDEX_HTML =
  '<!doctype html><html><head><meta charset="UTF-8" /><title>建家指数</title></head><body><div id="root"></div></body></html>';

export interface Site {
  root: string;
  dist: string;
  data: string;
  cleanup: () => void;
}

/** root/dist (index.html, one asset), root/dist-secret/key.txt beside it, root/data (the example, 2025). */
export function makeSite(extra: { demands?: unknown; users?: unknown } = {}): Site {
  const root = mkdtempSync(join(tmpdir(), 'jj-server-'));
  const dist = join(root, 'dist');
  mkdirSync(join(dist, 'assets'), { recursive: true });
  writeFileSync(join(dist, 'index.html'), INDEX_HTML);
  writeFileSync(join(dist, ASSET), ASSET_TEXT);
  mkdirSync(join(root, 'dist-secret'));
  writeFileSync(join(root, 'dist-secret', 'key.txt'), SECRET);
  const data = join(root, 'data');
  mkdirSync(data);
  cpSync(new URL('meta.json', EXAMPLE), join(data, 'meta.json'));
  for (const r of ['methodology', 'orgs', 'assignments']) cpSync(new URL(`${r}.json`, EXAMPLE), join(data, `${r}-2025.json`));
  if (extra.demands !== undefined) writeFileSync(join(data, 'demands-2025.json'), JSON.stringify(extra.demands));
  if (extra.users !== undefined) writeFileSync(join(data, 'users.json'), JSON.stringify(extra.users));
  return { root, dist, data, cleanup: () => rmSync(root, { recursive: true, force: true }) };
}

/** Demands of the example's organisations (T1 subtree: T1, G1, G2; T2 subtree: T2, G3). */
export const DEMANDS = [
  {
    id: 'Q-1',
    orgId: 'G1',
    topicId: 'WAGE',
    title: '高温补贴',
    reportedAt: '2025-03-02',
    triagedAt: '2025-03-05',
    resolvedAt: '2025-03-28',
    outcome: 'service',
  },
  {
    id: 'Q-2',
    orgId: 'G3',
    topicId: 'SITE',
    title: '缺少职工驿站',
    reportedAt: '2025-06-11',
    triagedAt: null,
    resolvedAt: null,
    outcome: null,
  },
  {
    id: 'Q-3',
    orgId: 'T1',
    topicId: 'WAGE',
    title: '欠薪',
    reportedAt: '2025-04-01',
    triagedAt: '2025-04-03',
    resolvedAt: null,
    outcome: null,
  },
];

export interface Started {
  url: string;
  port: number;
  logs: LogEntry[];
  close: () => Promise<void>;
}

export async function start(options: Omit<ServeOptions, 'log'>): Promise<Started> {
  const logs: LogEntry[] = [];
  const { server, url } = await startServer({ ...options, log: (e) => logs.push(e) });
  return {
    url,
    port: Number(new URL(url).port),
    logs,
    close: () => {
      server.closeAllConnections();
      return new Promise((ok) => server.close(() => ok()));
    },
  };
}

export interface Reply {
  status: number;
  headers: IncomingHttpHeaders;
  body: Buffer;
  /** The body decoded by its Content-Encoding, as text. */
  text: string;
  json: () => unknown;
}

/** GET (or another method) with the path sent exactly as written (no normalisation of `..` or `%`). */
export function get(base: string, path: string, headers: Record<string, string> = {}, method = 'GET'): Promise<Reply> {
  const { hostname, port } = new URL(base);
  return new Promise((ok, fail) => {
    const req = httpRequest({ host: hostname, port, path, method, headers, agent: false }, (res) => {
      const chunks: Buffer[] = [];
      res.on('data', (c: Buffer) => chunks.push(c));
      res.on('error', fail);
      res.on('end', () => {
        const body = Buffer.concat(chunks);
        const enc = res.headers['content-encoding'];
        const decoded = enc === 'br' ? brotliDecompressSync(body) : enc === 'gzip' ? gunzipSync(body) : body;
        const text = decoded.toString('utf8');
        ok({ status: res.statusCode ?? 0, headers: res.headers, body, text, json: () => JSON.parse(text) as unknown });
      });
    });
    req.on('error', fail);
    req.end();
  });
}

/** Bytes straight onto a socket (request lines no HTTP client would send); resolves with what came back. */
export function raw(port: number, bytes: string, { endAfterMs = 3000 } = {}): Promise<string> {
  return new Promise((ok, fail) => {
    const chunks: Buffer[] = [];
    const socket = connect(port, '127.0.0.1', () => socket.write(bytes));
    const timer = setTimeout(() => socket.destroy(), endAfterMs);
    socket.on('data', (c: Buffer) => chunks.push(c));
    socket.on('error', fail);
    socket.on('close', () => {
      clearTimeout(timer);
      ok(Buffer.concat(chunks).toString('utf8'));
    });
  });
}

/** The error shape of the contract. */
export function errorOf(r: Reply): { code: string; message: string } {
  expectJson(r);
  return (r.json() as { error: { code: string; message: string } }).error;
}

function expectJson(r: Reply): void {
  if (!String(r.headers['content-type']).startsWith('application/json'))
    throw new Error(`expected JSON, got ${r.headers['content-type']}: ${r.text.slice(0, 200)}`);
}
