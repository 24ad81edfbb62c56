/**
 * The deployment server: the built app from `dist/`, a `config.json` that
 * turns mocks off, and the API resources from JSON files — what a district's
 * IT puts behind its gateway (`npm run serve:api -- <data dir> [port]`, see
 * docs/deploy.md), and what the end-to-end tests and benchmarks run against.
 *
 * Hardened: every request is handled inside a try (a bad request gets 400,
 * never a crash), static paths cannot leave dist/, data is loaded once and
 * swapped atomically when its files change, bodies are precomputed with their
 * ETags and compressed once, security headers go on every response, requests
 * time out, and the number of requests in flight is capped (503 beyond).
 */
import { createServer, type IncomingMessage, type Server, type ServerResponse } from 'node:http';
import type { Socket } from 'node:net';
import { resolve } from 'node:path';
import { handleResource } from './api';
import { buildSnapshot, DataStore, JSON_TYPE, stderrLogger, type ApiData, type Logger, type Snapshot, type StoreOptions } from './data';
import { Representation } from './representation';
import { sendError, sendRepresentation } from './respond';
import { sessionCookie } from './sessions';
import { StaticSite } from './static';
import { Summaries } from './summary';

export { readApiData, type ApiData, type YearData } from './data';
export type { UsersFile, Scope } from './sessions';

export interface ServeOptions {
  distDir: string;
  /** The data, in memory (read once; a function is asked per request, and a new object is a new snapshot). */
  data?: ApiData | (() => ApiData);
  /** Or a data dir, loaded at start and reloaded when its files change. */
  dataDir?: string;
  /** What config.json tells the app: a path on this server (default `/api`) or an absolute URL (another origin). */
  apiBaseUrl?: string;
  /** Overrides: answer a resource path with this status and body (bad-backend tests); may be async (stalls). */
  override?: (path: string, query: URLSearchParams) => OverrideResult | undefined | Promise<OverrideResult | undefined>;
  /** Requests handled at once; beyond, 503 with Retry-After (default 256). */
  maxInFlight?: number;
  /** Open connections; beyond, new ones are closed (default 1024). */
  maxConnections?: number;
  /** Whole request (headers and body) must arrive within this (default 30 s). */
  requestTimeoutMs?: number;
  /** Headers must arrive within this (default 10 s). */
  headersTimeoutMs?: number;
  /** A connection with no bytes moving either way for this long is closed (default 60 s): a client that stopped reading. */
  idleTimeoutMs?: number;
  /** Idle keep-alive connections close after this (default 5 s); behind a gateway that reuses connections, set it above the gateway's idle timeout. */
  keepAliveTimeoutMs?: number;
  log?: Logger;
  /** Data dir watching (tests shorten it). */
  watch?: Pick<StoreOptions, 'pollMs' | 'debounceMs' | 'onReload'>;
  /** The summary worker: how long a request waits for it (default 30 s), and its module (tests give a failing one). */
  summaries?: { waitMs?: number; workerEntry?: URL; prepareScopes?: number };
  /** Compress the first screen's files at start, in the background (the deployment server does; tests need not). */
  warmStatic?: boolean;
}

export interface OverrideResult {
  status: number;
  body: string;
  headers?: Record<string, string>;
}

export interface RunningServer {
  server: Server;
  url: string;
  store?: DataStore;
  /** Settles when the current snapshot's default summaries are prepared (benchmarks and tests wait on it). */
  summariesPrepared: () => Promise<void>;
  /** Settles when the first screen's files are compressed (at once without `warmStatic`). */
  staticWarmed: Promise<void>;
}

/** The production build's policy, served as a header so that frame-ancestors applies (a meta tag cannot carry it). */
export function contentSecurityPolicy(apiBaseUrl: string): string {
  const connect = ["'self'"];
  const origin = absoluteOrigin(apiBaseUrl);
  if (origin) connect.push(origin);
  return [
    "default-src 'self'",
    "script-src 'self'",
    "style-src 'self' 'unsafe-inline'",
    "img-src 'self' data: blob:",
    "font-src 'self'",
    `connect-src ${connect.join(' ')}`,
    "worker-src 'self'",
    "object-src 'none'",
    "base-uri 'self'",
    "form-action 'self'",
    "frame-ancestors 'none'",
  ].join('; ');
}

function absoluteOrigin(apiBaseUrl: string): string | undefined {
  if (!/^[a-z][a-z0-9+.-]*:/i.test(apiBaseUrl)) return undefined;
  try {
    return new URL(apiBaseUrl).origin;
  } catch {
    return undefined;
  }
}

/** The request target as a decoded path and a query; undefined if it cannot be one (→ 400). */
export function parseTarget(target: string): { path: string; query: URLSearchParams } | undefined {
  let rawPath: string;
  let rawQuery: string;
  if (target.startsWith('/')) {
    const q = target.indexOf('?');
    rawPath = q < 0 ? target : target.slice(0, q);
    rawQuery = q < 0 ? '' : target.slice(q + 1);
  } else {
    // absolute-form (`GET http://host/path`), which a proxy may send; anything unparsable is a bad request
    try {
      const url = new URL(target);
      if (url.protocol !== 'http:' && url.protocol !== 'https:') return undefined;
      rawPath = url.pathname;
      rawQuery = url.search.slice(1);
    } catch {
      return undefined;
    }
  }
  let path: string;
  try {
    path = decodeURIComponent(rawPath);
  } catch {
    return undefined;
  }
  if (path.includes('\0')) return undefined;
  return { path, query: new URLSearchParams(rawQuery) };
}

const SECURITY_HEADERS = {
  'X-Content-Type-Options': 'nosniff',
  'X-Frame-Options': 'DENY',
  'Referrer-Policy': 'no-referrer',
};

export function startServer(options: ServeOptions, port = 0, host = '127.0.0.1'): Promise<RunningServer> {
  const { distDir, data, dataDir, apiBaseUrl = '/api', override, maxInFlight = 256, log = stderrLogger } = options;
  const site = new StaticSite(distDir);
  // a missing or unreadable dist/ is answered per request as ever: the warm-up reports nothing
  const staticWarmed = options.warmStatic ? site.warmFirstScreen().catch(() => undefined) : Promise.resolve();
  const csp = contentSecurityPolicy(apiBaseUrl);
  // where this server answers the API: the base URL's path (an absolute base may still point back here)
  const apiPath = (absoluteOrigin(apiBaseUrl) ? new URL(apiBaseUrl).pathname : apiBaseUrl).replace(/\/+$/, '');
  const config = new Representation(Buffer.from(JSON.stringify({ apiBaseUrl, mocks: false })), JSON_TYPE, false);

  // every snapshot is handed to the summary worker as it becomes current: its default summaries are prepared at once
  const summaries = new Summaries({ log, ...options.summaries });
  let store: DataStore | undefined;
  let snapshotOf: () => Snapshot;
  if (dataDir) {
    const s = new DataStore(dataDir, { log, ...options.watch, onSnapshot: (snapshot) => summaries.load(snapshot) }).watch();
    store = s;
    snapshotOf = () => s.current;
  } else if (data) {
    // a function may hand back a new object (tests change the data between requests): one snapshot per object
    const snapshots = new WeakMap<ApiData, Snapshot>();
    const get = (d: ApiData) => {
      let s = snapshots.get(d);
      if (!s) {
        snapshots.set(d, (s = buildSnapshot(d)));
        summaries.load(s);
      }
      return s;
    };
    snapshotOf = typeof data === 'function' ? () => get(data()) : () => get(data);
    // fixed data is a snapshot from the start (a function's data is asked for per request)
    if (typeof data !== 'function') get(data);
  } else {
    throw new Error('startServer: give data or dataDir');
  }

  let inFlight = 0;

  async function handle(req: IncomingMessage, res: ServerResponse): Promise<void> {
    for (const [k, v] of Object.entries(SECURITY_HEADERS)) res.setHeader(k, v);
    res.setHeader('Content-Security-Policy', csp);
    if (req.method !== 'GET' && req.method !== 'HEAD')
      return sendError(res, 405, 'method_not_allowed', 'only GET and HEAD', { Allow: 'GET, HEAD' });
    if (req.httpVersionMajor === 1 && req.httpVersionMinor >= 1 && !req.headers.host)
      return sendError(res, 400, 'bad_request', 'an HTTP/1.1 request needs a Host header');
    const target = parseTarget(req.url ?? '/');
    if (!target) return sendError(res, 400, 'bad_request', 'malformed request target');
    const { path, query } = target;

    if (path === '/config.json') return sendRepresentation(req, res, config, { cacheControl: 'no-cache' });
    if (path === '/session') return signIn(req, res, query, snapshotOf());
    if (path === apiPath || path.startsWith(`${apiPath}/`)) {
      const resource = path.startsWith(`${apiPath}/v1/`) ? path.slice(apiPath.length + 4) : undefined;
      if (!resource) return sendError(res, 404, 'not_found', `no resource at ${path.slice(0, 200)}`);
      const forced = await override?.(resource, query);
      if (forced) {
        res.writeHead(forced.status, { 'Content-Type': JSON_TYPE, 'Cache-Control': 'no-store', ...forced.headers });
        res.end(forced.body);
        return;
      }
      return handleResource(req, res, snapshotOf(), resource, query, summaries);
    }
    const found = site.lookup(path);
    if (found.kind === 'not_found') return sendError(res, 404, 'not_found', `no file ${path.slice(0, 200)}`);
    return sendRepresentation(req, res, found.rep, { cacheControl: found.immutable ? 'public, max-age=31536000, immutable' : 'no-cache' });
  }

  /** `GET /session?token=<t>`: sets the session cookie and goes to the app (an empty token signs out). */
  function signIn(req: IncomingMessage, res: ServerResponse, query: URLSearchParams, snapshot: Snapshot): void {
    if (!snapshot.users) return sendError(res, 404, 'not_found', 'sessions are not enabled (no users.json)');
    const token = query.get('token') ?? '';
    if (token && !snapshot.users.has(token)) return sendError(res, 401, 'unauthorized', 'unknown token');
    // the first proxy's word (a chain sends "https, http"), in any case
    const proto = String(req.headers['x-forwarded-proto'] ?? '')
      .split(',')[0]
      .trim()
      .toLowerCase();
    const secure = proto === 'https';
    res.writeHead(303, { Location: '/', 'Set-Cookie': sessionCookie(token, secure), 'Cache-Control': 'no-store' });
    res.end();
  }

  const server = createServer(
    {
      requestTimeout: options.requestTimeoutMs ?? 30_000,
      headersTimeout: options.headersTimeoutMs ?? 10_000,
      // how often Node checks the two timeouts above (its default, 30 s, would make them late by that much)
      connectionsCheckingInterval: Math.min(1000, options.headersTimeoutMs ?? 1000),
      // an HTTP/1.1 request without Host is answered below in the contract's shape (Node's own 400 has neither the
      // error body nor the security headers)
      requireHostHeader: false,
    },
    (req, res) => {
      if (inFlight >= maxInFlight) {
        res.setHeader('Content-Security-Policy', csp);
        for (const [k, v] of Object.entries(SECURITY_HEADERS)) res.setHeader(k, v);
        return sendError(res, 503, 'overloaded', 'too many requests at once; retry shortly', { 'Retry-After': '1' });
      }
      // the cap bounds work, not bytes in transit: a request's slot is free once its answer is handed to the socket
      // (a client that never read its answer kept the slot while it stayed connected: 256 of them shut out the rest)
      inFlight++;
      let held = true;
      const release = () => {
        if (held) inFlight--;
        held = false;
      };
      res.once('close', release);
      handle(req, res)
        .catch((e: unknown) => {
          log({
            level: 'error',
            event: 'request_failed',
            method: req.method,
            url: req.url?.slice(0, 200),
            error: e instanceof Error ? e.message : String(e),
          });
          try {
            sendError(res, 500, 'internal', 'internal error');
          } catch {
            res.destroy();
          }
        })
        .finally(release);
    },
  );
  // a connection on which nothing moves either way for this long is closed (Node destroys the socket): a client
  // that stopped reading its answer, or went away without a word
  server.timeout = options.idleTimeoutMs ?? 60_000;
  server.keepAliveTimeout = options.keepAliveTimeoutMs ?? 5000;
  server.maxConnections = options.maxConnections ?? 1024;
  /** An error answered on the bare socket (no response object there), in the contract's shape, then closed. */
  const endWithError = (socket: Socket, status: string, code: string, message: string, extra: string[] = []) => {
    const body = JSON.stringify({ error: { code, message } });
    const head = [
      `HTTP/1.1 ${status}`,
      `Content-Type: ${JSON_TYPE}`,
      `Content-Length: ${Buffer.byteLength(body)}`,
      'Cache-Control: no-store',
      ...extra,
      ...Object.entries(SECURITY_HEADERS).map(([k, v]) => `${k}: ${v}`),
      `Content-Security-Policy: ${csp}`,
      'Connection: close',
    ];
    socket.end(`${head.join('\r\n')}\r\n\r\n${body}`);
  };
  // what Node cannot even parse (a broken request line, a timeout): answer 400/408 and close, never throw
  server.on('clientError', (err: NodeJS.ErrnoException, socket: Socket) => {
    if (err.code === 'ECONNRESET' || !socket.writable) {
      socket.destroy();
      return;
    }
    if (err.code === 'ERR_HTTP_REQUEST_TIMEOUT') endWithError(socket, '408 Request Timeout', 'timeout', 'request took too long');
    else endWithError(socket, '400 Bad Request', 'bad_request', 'malformed request');
  });
  // CONNECT never reaches the request handler (Node hands it the socket, and closed it unanswered without this)
  server.on('connect', (_req: IncomingMessage, socket: Socket) =>
    endWithError(socket, '405 Method Not Allowed', 'method_not_allowed', 'only GET and HEAD', ['Allow: GET, HEAD']),
  );
  server.on('close', () => {
    store?.close();
    summaries.close();
  });

  return new Promise((ok, fail) => {
    server.once('error', fail);
    server.listen(port, host, () => {
      const address = server.address();
      const p = typeof address === 'object' && address ? address.port : port;
      const shown = host.includes(':') ? `[${host}]` : host;
      ok({ server, url: `http://${shown}:${p}`, store, summariesPrepared: () => summaries.whenPrepared(snapshotOf()), staticWarmed });
    });
  });
}

// `tsx server/serve.ts <data dir> [port]`: serve dist/ against JSON files (options from the environment, docs/deploy.md)
if (process.argv[1] && resolve(process.argv[1]) === resolve(import.meta.filename ?? '')) {
  const [dir, port] = process.argv.slice(2);
  if (!dir) {
    console.error('usage: npm run serve:api -- <data dir> [port]');
    process.exit(2);
  }
  const env = process.env;
  const failed = (e: unknown): never => {
    stderrLogger({ level: 'error', event: 'start_failed', dir, error: e instanceof Error ? e.message : String(e) });
    process.exit(1);
  };
  // a count or a time from the environment: a whole number ≥ 1, or the setting is refused (not silently dropped:
  // JJ_MAX_IN_FLIGHT=abc turned the cap off, =0 refused every request)
  const num = (name: string): number | undefined => {
    const v = env[name];
    if (v === undefined || v === '') return undefined;
    if (!/^\d+$/.test(v) || Number(v) < 1 || !Number.isSafeInteger(Number(v)))
      return failed(new Error(`${name}: expected a whole number of at least 1, got ${JSON.stringify(v.slice(0, 40))}`));
    return Number(v);
  };
  startServer(
    {
      distDir: env.JJ_DIST_DIR ?? 'dist',
      dataDir: dir,
      apiBaseUrl: env.JJ_API_BASE_URL ?? '/api',
      maxInFlight: num('JJ_MAX_IN_FLIGHT'),
      maxConnections: num('JJ_MAX_CONNECTIONS'),
      requestTimeoutMs: num('JJ_REQUEST_TIMEOUT_MS'),
      headersTimeoutMs: num('JJ_HEADERS_TIMEOUT_MS'),
      keepAliveTimeoutMs: num('JJ_KEEP_ALIVE_TIMEOUT_MS'),
      idleTimeoutMs: num('JJ_IDLE_TIMEOUT_MS'),
      warmStatic: true,
    },
    Number(port ?? env.PORT ?? 8080),
    env.JJ_HOST ?? '127.0.0.1',
  ).then(({ url }) => console.log(`serving ${env.JJ_DIST_DIR ?? 'dist'}/ with the API from ${dir} at ${url}`), failed);
}
