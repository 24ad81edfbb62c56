/**
 * A bounded load test of the deployment server (issue 8), loopback only:
 * - 20 keep-alive clients on /api/v1/meta, at most 20,000 requests or 10 s,
 *   while one more client times `GET /` (the page must stay fast under load);
 * - 10 clients on the 2025 assignments with Accept-Encoding: br, at most 400 requests or 10 s.
 * Prints requests/s, p50/p99 latency and failures beside the issue's target
 * (meta ≥ 1,000 req/s with p99 ≤ 50 ms); asserts nothing.
 *
 * The server runs as `npm run serve:api` does, in its own Node process, so the
 * clients here do not share its event loop. The data is the mock Fuyang district.
 *
 * `npx tsx tests/bench/load.ts [dataDir]`, or `runLoadBench()` from another bench.
 */
import { spawn, type ChildProcess } from 'node:child_process';
import { existsSync, mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { connect, type Socket } from 'node:net';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { mockDistrict, mockMeta, type MockDistrict } from '../../mocks/data/district';

export interface RunFigures {
  label: string;
  requests: number;
  failures: number;
  seconds: number;
  perSecond: number;
  p50: number;
  p99: number;
  /** Bytes of one response body as sent (compressed when asked). */
  bodyBytes?: number;
}

export interface LoadBenchResult {
  meta: RunFigures;
  pageUnderLoad: RunFigures;
  assignmentsBr: RunFigures;
  /** The issue's target for meta: ≥ 1,000 req/s, p99 ≤ 50 ms, no failures. */
  metTarget: boolean;
}

export interface LoadBenchOptions {
  /** A data dir in serve:api's layout; default: the mock district written to a temp dir. */
  dataDir?: string;
  /** The built app; default dist/ if it exists, else a one-page stand-in (then `GET /` measures the server, not the build). */
  distDir?: string;
  print?: (line: string) => void;
}

/** The mock district as serve:api's data dir (meta.json, <resource>-<year>.json; demands when the mocks have them). */
export function writeMockDataDir(dir: string): void {
  mkdirSync(dir, { recursive: true });
  const meta = mockMeta();
  writeFileSync(join(dir, 'meta.json'), JSON.stringify(meta));
  for (const y of meta.years) {
    const d: MockDistrict & { demands?: unknown } = mockDistrict(y);
    writeFileSync(join(dir, `methodology-${y}.json`), JSON.stringify(d.methodology));
    writeFileSync(join(dir, `orgs-${y}.json`), JSON.stringify(d.orgs));
    writeFileSync(join(dir, `assignments-${y}.json`), JSON.stringify(d.assignments));
    if (d.demands !== undefined) writeFileSync(join(dir, `demands-${y}.json`), JSON.stringify(d.demands));
  }
}

const ROOT = fileURLToPath(new URL('../../', import.meta.url));

/** serve:api in a child process on a free loopback port. */
async function spawnServer(dataDir: string, distDir: string): Promise<{ url: string; child: ChildProcess }> {
  const child = spawn(process.execPath, ['--import', 'tsx', join(ROOT, 'server/serve.ts'), dataDir, '0'], {
    cwd: ROOT,
    env: { ...process.env, JJ_DIST_DIR: distDir, JJ_HOST: '127.0.0.1' },
    stdio: ['ignore', 'pipe', 'inherit'],
  });
  const url = await new Promise<string>((ok, fail) => {
    let out = '';
    const timer = setTimeout(() => fail(new Error(`serve:api did not start: ${out}`)), 30_000);
    child.stdout!.on('data', (c: Buffer) => {
      out += c.toString();
      const m = /at (http:\/\/127\.0\.0\.1:\d+)/.exec(out);
      if (m) {
        clearTimeout(timer);
        ok(m[1]);
      }
    });
    child.once('exit', (code) => fail(new Error(`serve:api exited (${code}): ${out}`)));
  });
  return { url, child };
}

interface Sample {
  ms: number;
  ok: boolean;
  bytes: number;
}

/**
 * One keep-alive connection speaking just enough HTTP/1.1 to time requests
 * (Content-Length bodies, as the server always sends): a client as cheap as
 * autocannon's, so that on a 2-core machine the figures are the server's and
 * not the client's own parsing.
 */
class Connection {
  private socket?: Socket;
  private buffer: Buffer = Buffer.alloc(0);
  private pending?: { t0: number; expectEncoding?: string; done: (s: Sample) => void };

  constructor(private readonly port: number) {}

  private open(): Socket {
    const socket = connect(this.port, '127.0.0.1');
    socket.setNoDelay(true);
    socket.on('data', (c: Buffer) => {
      this.buffer = this.buffer.length ? Buffer.concat([this.buffer, c]) : c;
      this.parse();
    });
    const fail = () => {
      this.socket = undefined;
      this.buffer = Buffer.alloc(0);
      const p = this.pending;
      this.pending = undefined;
      p?.done({ ms: performance.now() - p.t0, ok: false, bytes: 0 });
    };
    socket.on('error', fail);
    socket.on('close', fail);
    return socket;
  }

  private parse(): void {
    const p = this.pending;
    if (!p) return;
    const end = this.buffer.indexOf('\r\n\r\n');
    if (end < 0) return;
    const head = this.buffer.subarray(0, end).toString('latin1');
    const bodiless = /^HTTP\/1\.1 (1\d\d|204|304) /.test(head);
    const length = bodiless ? 0 : Number(/\r\ncontent-length: *(\d+)/i.exec(head)?.[1] ?? NaN);
    if (!Number.isFinite(length)) {
      // chunked or close-delimited: not what this client times (the project's server always sends a length)
      this.socket?.destroy();
      return;
    }
    if (this.buffer.length < end + 4 + length) return;
    this.buffer = this.buffer.subarray(end + 4 + length);
    this.pending = undefined;
    const encoding = /\r\ncontent-encoding: *(\S+)/i.exec(head)?.[1];
    const ok = head.startsWith('HTTP/1.1 200 ') && (!p.expectEncoding || encoding === p.expectEncoding);
    p.done({ ms: performance.now() - p.t0, ok, bytes: length });
  }

  get(path: string, headers: Record<string, string>, expectEncoding?: string): Promise<Sample> {
    this.socket ??= this.open();
    const lines = [`GET ${path} HTTP/1.1`, 'Host: 127.0.0.1', ...Object.entries(headers).map(([k, v]) => `${k}: ${v}`)];
    return new Promise((done) => {
      this.pending = { t0: performance.now(), expectEncoding, done };
      this.socket!.write(`${lines.join('\r\n')}\r\n\r\n`);
    });
  }

  close(): void {
    this.socket?.destroy();
  }
}

const quantile = (sorted: number[], q: number) =>
  sorted.length ? sorted[Math.min(sorted.length - 1, Math.floor(q * sorted.length))] : NaN;

function figures(label: string, samples: Sample[], seconds: number): RunFigures {
  const ms = samples.map((s) => s.ms).sort((a, b) => a - b);
  return {
    label,
    requests: samples.length,
    failures: samples.filter((s) => !s.ok).length,
    seconds,
    perSecond: samples.length / seconds,
    p50: quantile(ms, 0.5),
    p99: quantile(ms, 0.99),
    bodyBytes: samples.find((s) => s.ok)?.bytes,
  };
}

/** `clients` loops, each sending its next request when the last one ends, until `total` requests or `maxMs`. */
async function drive(
  label: string,
  port: number,
  path: string,
  clients: number,
  total: number,
  maxMs: number,
  headers: Record<string, string>,
  expectEncoding?: string,
): Promise<RunFigures> {
  const connections = Array.from({ length: clients }, () => new Connection(port));
  const samples: Sample[] = [];
  let sent = 0;
  const t0 = performance.now();
  const deadline = t0 + maxMs;
  await Promise.all(
    connections.map(async (c) => {
      while (sent < total && performance.now() < deadline) {
        sent++;
        samples.push(await c.get(path, headers, expectEncoding));
      }
    }),
  );
  const seconds = (performance.now() - t0) / 1000;
  for (const c of connections) c.close();
  return figures(label, samples, seconds);
}

export async function runLoadBench({ dataDir, distDir, print = console.log }: LoadBenchOptions = {}): Promise<LoadBenchResult> {
  const temp = mkdtempSync(join(tmpdir(), 'jj-load-'));
  const data = dataDir ?? join(temp, 'data');
  if (!dataDir) writeMockDataDir(data);
  let dist = distDir ?? resolve(ROOT, 'dist');
  if (!existsSync(join(dist, 'index.html'))) {
    dist = join(temp, 'dist');
    mkdirSync(dist);
    writeFileSync(join(dist, 'index.html'), '<!doctype html><title>建家指数</title><div id="root"></div>');
    print('  (no dist/index.html: GET / serves a one-line stand-in page)');
  }
  const { url, child } = await spawnServer(data, dist);
  try {
    // warm: the first br request compresses the assignments once (the server also warms in the background)
    const port = Number(new URL(url).port);
    const warm = new Connection(port);
    await warm.get('/api/v1/meta', {});
    await warm.get('/api/v1/assignments?year=2025', { 'Accept-Encoding': 'br' });
    await warm.get('/', {});
    warm.close();

    // GET / timed every 20 ms, on its own connection, while the meta load runs
    const pageConnection = new Connection(port);
    const page: Sample[] = [];
    let loading = true;
    const pageT0 = performance.now();
    const prober = (async () => {
      while (loading) {
        page.push(await pageConnection.get('/', { 'Accept-Encoding': 'br, gzip' }));
        await new Promise((ok) => setTimeout(ok, 20));
      }
    })();
    const meta = await drive('meta, 20 clients', port, '/api/v1/meta', 20, 20_000, 10_000, {});
    loading = false;
    await prober;
    pageConnection.close();
    const pageUnderLoad = figures('GET / during the meta load', page, (performance.now() - pageT0) / 1000);

    const assignmentsBr = await drive(
      'assignments 2025, br, 10 clients',
      port,
      '/api/v1/assignments?year=2025',
      10,
      400,
      10_000,
      { 'Accept-Encoding': 'br' },
      'br',
    );

    const metTarget = meta.perSecond >= 1000 && meta.p99 <= 50 && meta.failures === 0;
    const ms = (x: number) => `${x.toFixed(1)} ms`;
    const line = (f: RunFigures) =>
      `  ${f.label.padEnd(34)} ${f.requests} requests in ${f.seconds.toFixed(2)} s → ${Math.round(f.perSecond)} req/s, p50 ${ms(f.p50)}, p99 ${ms(f.p99)}, failures ${f.failures}${f.bodyBytes !== undefined ? `, body ${(f.bodyBytes / 1024).toFixed(1)} KB` : ''}`;
    print('Server load (serve:api in its own process, loopback, keep-alive):');
    print(`${line(meta)}  (target ≥ 1,000 req/s, p99 ≤ 50 ms, no failures: ${metTarget ? 'met' : 'MISSED'})`);
    print(line(pageUnderLoad));
    print(line(assignmentsBr));
    return { meta, pageUnderLoad, assignmentsBr, metTarget };
  } finally {
    child.kill();
    rmSync(temp, { recursive: true, force: true });
  }
}

if (process.argv[1] && resolve(process.argv[1]) === fileURLToPath(import.meta.url)) {
  runLoadBench({ dataDir: process.argv[2] }).catch((e: unknown) => {
    console.error(e);
    process.exitCode = 1;
  });
}
