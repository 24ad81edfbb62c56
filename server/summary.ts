/**
 * Extension `GET /v1/summary?year=&asOf=` (docs/api.md): the overview's first screen, computed by the browser's own
 * engine and read model (src/data/summary.ts) from the same records, validated by the same function
 * (src/data/prepareYear.ts). A phone paints the district from ~10 KB instead of waiting for the year.
 *
 * Where it is computed: in a worker thread (summaryWorker.ts), never on the event loop — a province year takes
 * seconds to parse, validate, prepare and compute, and the server must keep answering meta and files meanwhile.
 * Each snapshot is handed to the worker when it is loaded, and every year's default summary (unscoped, at its
 * effective as-of date) is prepared at once, then the default year's for the sessions' scopes (users.json), so a
 * phone's first request finds it ready. Other dates and other scopes are computed by the worker on request; a
 * request waits for the answer up to `waitMs`.
 *
 * Caching: per snapshot — a new snapshot (new files, new generatedAt) starts afresh, and the worker drops the old
 * one's work — the serialized answer per (scope, year, asOf); the ETag follows the body, so a revalidation is a 304.
 * If the worker fails, summaries answer 404 summary_unavailable (the app loads the raw year) until the next snapshot.
 */
import type { IncomingMessage, ServerResponse } from 'node:http';
import { Worker } from 'node:worker_threads';
import { metaSchema, type Meta } from '../src/api/schemas';
import { isCalendarDate } from '../src/lib/calendar';
import { effectiveAsOf } from '../src/data/asOf';
import { JSON_TYPE, type Logger, type Snapshot } from './data';
import { Representation } from './representation';
import { sendRepresentation, type RepHeaders } from './respond';
import type { FromWorker, SummaryReply, ToWorker, YearBytes } from './summaryWorker';

type Deny = (status: number, code: string, message: string, headers?: Record<string, string>) => void;

export interface SummaryOptions {
  log: Logger;
  /** How long a request waits for the worker before 503 summary_pending with Retry-After (default 30 s). */
  waitMs?: number;
  /** The worker's module (tests give one that fails); default summaryWorker.ts. */
  workerEntry?: URL;
  /**
   * How many sessions' scopes (users.json, in its order) get the default year's summary prepared at load, after the
   * unscoped ones (default 8, the scoped years the worker keeps): a leader's first screen then finds it ready,
   * where preparing a town of a province on request takes seconds.
   */
  prepareScopes?: number;
}

type Outcome = { kind: 'ready'; rep: Representation } | { kind: 'unavailable'; message: string } | { kind: 'pending'; message: string };

/** Summary bodies kept per snapshot (each ~10 KB): every scope's default and the dates asked for lately. */
const MAX_BODIES = 256;

interface SnapshotState {
  /** The worker's name for this snapshot. */
  id: number;
  loadedAt: number;
  bodies: Map<string, Representation>;
  /** Keys the worker could not compute (bad data): answered 404 without asking again. */
  failed: Map<string, string>;
  inFlight: Map<string, Promise<Outcome>>;
  /** The worker died while this snapshot was its work. */
  broken?: string;
  /** Settles when every year's default summary, and the sessions' scopes' (see `prepareScopes`), is ready (or failed). */
  prepared: Promise<void>;
}

export class Summaries {
  private worker?: Worker;
  /** The snapshot the worker holds. */
  private active?: Snapshot;
  private nextId = 1;
  private readonly replies = new Map<number, (reply: SummaryReply) => void>();
  private readonly states = new WeakMap<Snapshot, SnapshotState>();
  private closed = false;
  readonly waitMs: number;

  constructor(private readonly options: SummaryOptions) {
    this.waitMs = options.waitMs ?? 30_000;
  }

  /** A snapshot became current: hand it to the worker and prepare every year's default summary. */
  load(snapshot: Snapshot): void {
    if (this.closed || this.states.has(snapshot)) return;
    let settle!: () => void;
    const state: SnapshotState = {
      id: this.nextId++,
      loadedAt: performance.now(),
      bodies: new Map(),
      failed: new Map(),
      inFlight: new Map(),
      prepared: new Promise<void>((ok) => (settle = ok)),
    };
    this.states.set(snapshot, state);
    const meta = metaSchema.safeParse(snapshot.meta);
    if (!meta.success) return settle(); // no summaries for this data (handleSummary answers 404)
    const years = [...snapshot.years.keys()].sort((a, b) => (a === meta.data.defaultYear ? -1 : b === meta.data.defaultYear ? 1 : b - a));
    const prepare = (y: number, m: Meta, scopeId: string | undefined) =>
      this.get(snapshot, m, y, scopeId, effectiveAsOf(m, y, undefined)).then((outcome) => {
        this.options.log({
          level: outcome.kind === 'ready' ? 'info' : 'error',
          event: outcome.kind === 'ready' ? 'summary_prepared' : 'summary_not_prepared',
          year: y,
          ...(scopeId === undefined ? {} : { scope: scopeId }),
          ms: Math.round(performance.now() - state.loadedAt),
          ...(outcome.kind === 'ready' ? {} : { error: outcome.message }),
        });
      });
    // the worker answers in arrival order: every unscoped default first, then the sessions' scopes
    const unscoped = Promise.all(years.map((y) => prepare(y, meta.data, undefined)));
    const scopes = this.sessionScopes(snapshot, meta.data.defaultYear);
    const scoped = scopes.flatMap((scopeId) => {
      const m = metaSchema.safeParse({ ...snapshot.meta, scope: { orgId: scopeId } });
      return m.success ? [prepare(meta.data.defaultYear, m.data, scopeId)] : [];
    });
    void Promise.all([unscoped, ...scoped]).then(settle);
  }

  /** The distinct organisations sessions are scoped to that the year holds, in users.json order, up to `prepareScopes`. */
  private sessionScopes(snapshot: Snapshot, year: number): string[] {
    const y = snapshot.years.get(year);
    if (!snapshot.users || !y) return [];
    const out = new Set<string>();
    for (const scope of snapshot.users.values()) {
      if (out.size >= (this.options.prepareScopes ?? 8)) break;
      if (scope.orgId !== undefined && y.ids.has(scope.orgId)) out.add(scope.orgId);
    }
    return [...out];
  }

  /** Settles when the snapshot's default summaries are prepared (benchmarks and tests wait on it). */
  whenPrepared(snapshot: Snapshot): Promise<void> {
    return this.states.get(snapshot)?.prepared ?? Promise.resolve();
  }

  /** The summary for (year, scope, effective asOf) of a snapshot: at once if made, else from the worker. */
  get(snapshot: Snapshot, meta: Meta, year: number, scopeId: string | undefined, asOf: string): Promise<Outcome> {
    this.load(snapshot);
    const state = this.states.get(snapshot);
    if (!state) return Promise.resolve({ kind: 'unavailable', message: 'the server is shutting down' });
    const key = `${year}|${scopeId ?? '*'}|${asOf}`;
    const body = state.bodies.get(key);
    if (body) {
      state.bodies.delete(key);
      state.bodies.set(key, body);
      return Promise.resolve({ kind: 'ready', rep: body });
    }
    const failed = state.failed.get(key);
    if (failed !== undefined) return Promise.resolve({ kind: 'unavailable', message: failed });
    if (state.broken !== undefined) return Promise.resolve({ kind: 'unavailable', message: state.broken });
    let pending = state.inFlight.get(key);
    if (pending) return pending;

    const worker = this.activate(snapshot, state);
    const id = this.nextId++;
    pending = new Promise<SummaryReply>((ok) => this.replies.set(id, ok)).then((reply): Outcome => {
      state.inFlight.delete(key);
      if (reply.ok) {
        const rep = new Representation(Buffer.from(reply.body), JSON_TYPE, true, scopeId ?? '*');
        state.bodies.set(key, rep);
        if (state.bodies.size > MAX_BODIES) state.bodies.delete(state.bodies.keys().next().value!);
        return { kind: 'ready', rep };
      }
      if (reply.reason === 'superseded') return { kind: 'pending', message: reply.message };
      state.failed.set(key, reply.message);
      return { kind: 'unavailable', message: reply.message };
    });
    state.inFlight.set(key, pending);
    const request: ToWorker = { kind: 'summary', id, snapshot: state.id, year, meta, scopeId: scopeId ?? null, asOf };
    worker.postMessage(request);
    return pending;
  }

  close(): void {
    this.closed = true;
    void this.worker?.terminate();
    this.worker = undefined;
  }

  /** The worker, holding `snapshot` (started, or handed the snapshot, if needed). */
  private activate(snapshot: Snapshot, state: SnapshotState): Worker {
    const worker = (this.worker ??= this.spawn());
    if (this.active !== snapshot) {
      this.active = snapshot;
      const years: YearBytes[] = [];
      for (const [year, y] of snapshot.years) {
        const { methodology, orgs, assignments, demands } = y.full;
        // shared-memory bodies (data.ts) cross without a copy; any other buffer is copied
        if (methodology && orgs && assignments)
          years.push({
            year,
            methodology: methodology.body,
            orgs: orgs.body,
            assignments: assignments.body,
            ...(demands ? { demands: demands.body } : {}),
          });
      }
      const message: ToWorker = { kind: 'snapshot', snapshot: state.id, years, scoped: snapshot.users !== null };
      worker.postMessage(message);
    }
    return worker;
  }

  private spawn(): Worker {
    const entry = this.options.workerEntry ?? new URL('./summaryWorker.ts', import.meta.url);
    const worker = new Worker(new URL('./summaryWorker.boot.mjs', import.meta.url), { workerData: { entry: entry.href } });
    // the worker must not keep a process alive that is otherwise done (tests, benchmarks)
    worker.unref();
    worker.on('message', (reply: FromWorker) => {
      if (reply.kind === 'compacted') {
        this.options.log({ level: 'info', event: 'summary_records_compacted', year: reply.year, records: reply.records });
        return;
      }
      const done = this.replies.get(reply.id);
      this.replies.delete(reply.id);
      done?.(reply);
    });
    const fail = (why: string) => {
      if (this.worker !== worker) return;
      this.worker = undefined;
      const broken = this.active;
      this.active = undefined;
      if (this.closed) return;
      const message = `the summary worker failed: ${why.slice(0, 200)}`;
      this.options.log({ level: 'error', event: 'summary_worker_failed', error: message });
      const state = broken && this.states.get(broken);
      // the snapshot it held answers 404 from now on; the next snapshot starts a new worker
      if (state) state.broken = message;
      for (const [id, done] of this.replies) done({ kind: 'summary', id, ok: false, reason: 'unavailable', message });
      this.replies.clear();
    };
    worker.on('error', (e) => fail(e.message));
    worker.on('exit', (code) => fail(`exited with code ${code}`));
    return worker;
  }
}

export async function handleSummary(
  req: IncomingMessage,
  res: ServerResponse,
  summaries: Summaries,
  snapshot: Snapshot,
  scopeId: string | undefined,
  query: URLSearchParams,
  headers: RepHeaders,
  deny: Deny,
): Promise<void> {
  const yearParam = query.get('year');
  if (yearParam === null || !/^\d{1,6}$/.test(yearParam)) return deny(400, 'bad_request', 'year: expected ?year=<year>');
  const asOfParam = query.get('asOf');
  if (asOfParam !== null && !isCalendarDate(asOfParam)) return deny(400, 'bad_request', 'asOf: expected a date YYYY-MM-DD that exists');
  const year = snapshot.years.get(Number(yearParam));
  if (!year) return deny(404, 'not_found', `no data for year ${yearParam}`);
  if (scopeId !== undefined && !year.ids.has(scopeId))
    return deny(403, 'forbidden', `the session's organisation ${scopeId} is not in year ${yearParam}`);

  const metaParsed = metaSchema.safeParse(scopeId === undefined ? snapshot.meta : { ...snapshot.meta, scope: { orgId: scopeId } });
  // data the browser could not read either: no summary, the app falls back to the raw year and reports it there
  if (!metaParsed.success) return deny(404, 'summary_unavailable', 'meta does not follow the contract');
  const meta = metaParsed.data;
  const y = Number(yearParam);
  const asOf = effectiveAsOf(meta, y, asOfParam ?? undefined);

  let timer: NodeJS.Timeout | undefined;
  const outcome = await Promise.race([
    summaries.get(snapshot, meta, y, scopeId, asOf),
    new Promise<Outcome>((ok) => {
      timer = setTimeout(() => ok({ kind: 'pending', message: 'the summary is still being computed' }), summaries.waitMs);
    }),
  ]);
  clearTimeout(timer);
  if (outcome.kind === 'unavailable') return deny(404, 'summary_unavailable', outcome.message);
  if (outcome.kind === 'pending') return deny(503, 'summary_pending', `${outcome.message}; retry shortly`, { 'Retry-After': '5' });
  if (res.destroyed) return;
  return sendRepresentation(req, res, outcome.rep, headers);
}
