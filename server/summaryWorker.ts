/**
 * The summary worker (a node:worker_threads Worker, started by summary.ts through summaryWorker.boot.mjs): parses a
 * snapshot's year files, validates and prepares each year, and computes summaries — seconds of CPU per province
 * year, kept off the event loop that answers meta, static files and the raw resources.
 *
 * One snapshot at a time: a new one drops the old one's prepared years and any of its requests still queued
 * (answered `superseded`). Requests run one after another, in arrival order, with a turn of the event loop between
 * them so that a new snapshot or request is seen as soon as the current computation ends.
 */
import { parentPort } from 'node:worker_threads';
import { payloadErrorFromZod } from '../src/api/errors';
import { methodologyPayloadSchema, type Meta } from '../src/api/schemas';
import { prepareYear, type PreparedYear } from '../src/data/prepareYear';
import { buildSummary } from '../src/data/summary';
import { computeIndex, type IndexResult } from '../src/engine';
import { filtered, indexTree, subtree, type SnapshotYear, type YearData } from './data';
import { RecordIndex } from './recordIndex';
import { scopeYear } from './scopeYear';

/** The bytes of one year's files, as the API serves them (shared memory: no copy on the way in). */
export interface YearBytes {
  year: number;
  methodology: Uint8Array;
  orgs: Uint8Array;
  assignments: Uint8Array;
  /** v1.1 demands, when the year has them (the summary's demand card). */
  demands?: Uint8Array;
}

export type ToWorker =
  | {
      kind: 'snapshot';
      snapshot: number;
      years: YearBytes[];
      /** Sessions exist (users.json): scoped summaries filter the parsed records, so they are kept. */
      scoped: boolean;
    }
  | {
      kind: 'summary';
      id: number;
      snapshot: number;
      year: number;
      /** The meta as the browser of this session sees it (scope included), already checked by the contract's schema. */
      meta: Meta;
      scopeId: string | null;
      /** The effective as-of date (effectiveAsOf), so that equal requests share one key. */
      asOf: string;
    };

export type SummaryReply =
  | { kind: 'summary'; id: number; ok: true; body: string; ms: number }
  | { kind: 'summary'; id: number; ok: false; reason: 'unavailable' | 'superseded'; message: string };

export type FromWorker =
  | SummaryReply
  /** A year's parsed assignments were swapped for the byte index (logged; tests wait for it). */
  | { kind: 'compacted'; year: number; records: number };

type SummaryRequest = Extract<ToWorker, { kind: 'summary' }>;

interface Ready {
  prepared: PreparedYear;
  /** Results by as-of date: every summary's trend reuses the month ends. */
  results: Map<string, IndexResult>;
}

/** A province's result is tens of MB: a year of month ends and a few as-of dates per prepared year. */
const MAX_RESULTS = 16;
/** Scoped sessions' prepared years kept besides the unscoped ones (least recently used dropped). */
const MAX_SCOPED = 8;

const decode = (bytes: Uint8Array): unknown => JSON.parse(Buffer.from(bytes.buffer, bytes.byteOffset, bytes.byteLength).toString('utf8'));

type ParsedYear = Pick<SnapshotYear, 'data' | 'ids' | 'children'> & {
  /**
   * With sessions, once the year's unscoped summary is prepared: the assignments as bytes for scoped filtering
   * (recordIndex.ts), and `data.assignments` dropped — parsed, they were most of the worker's heap.
   */
  assignmentIndex?: RecordIndex;
};

class SnapshotWork {
  private readonly parsed = new Map<number, ParsedYear>();
  private readonly prepared = new Map<string, Ready | Error>();
  /** Years whose parsed assignments `compact` replaces when the queue is idle. */
  private readonly toCompact = new Set<number>();

  constructor(
    readonly id: number,
    private readonly bytes: Map<number, YearBytes>,
    private readonly scoped: boolean,
  ) {}

  /** The year's records, parsed once from the served bytes (the main thread checked their top level). */
  private year(y: number): ParsedYear {
    let year = this.parsed.get(y);
    if (!year) {
      const b = this.bytes.get(y);
      if (!b) throw new Error(`no data for year ${y}`);
      const data: YearData = { methodology: decode(b.methodology), orgs: decode(b.orgs), assignments: decode(b.assignments) };
      if (b.demands) data.demands = decode(b.demands);
      if (!Array.isArray(data.orgs) || !Array.isArray(data.assignments)) throw new Error('orgs and assignments must be arrays');
      year = { data, ...indexTree(data.orgs) };
      this.parsed.set(y, year);
    }
    return year;
  }

  private ready(r: SummaryRequest): Ready | Error {
    const key = `${r.year}|${r.scopeId ?? '*'}`;
    let prep = this.prepared.get(key);
    if (prep) {
      this.prepared.delete(key);
      this.prepared.set(key, prep);
      return prep;
    }
    try {
      const scope = r.scopeId ?? undefined;
      // a scope of a year whose unscoped records were all valid: cut out of the unscoped prepared year (scopeYear.ts)
      const unscoped = scope === undefined ? undefined : this.prepared.get(`${r.year}|*`);
      const cut = unscoped && !(unscoped instanceof Error) && scope !== undefined ? scopeYear(unscoped.prepared, scope) : undefined;
      if (cut) return this.keep(key, { prepared: cut, results: new Map() });
      const year = this.year(r.year);
      // as the browser reports it: the first failing path and what was expected (a ZodError's message is a JSON dump)
      const parsed = methodologyPayloadSchema.safeParse(year.data.methodology);
      if (!parsed.success) throw payloadErrorFromZod('methodology', parsed.error);
      const methodology = parsed.data;
      // the records go to validateDataset as fetched (`unknown[]`): it checks each one, as in the browser
      const orgs = (scope === undefined ? year.data.orgs : filtered(year, 'orgs', scope, scope)) as unknown[];
      const assignments = (
        scope === undefined
          ? this.allAssignments(r.year, year)
          : year.assignmentIndex
            ? year.assignmentIndex.filter(subtree(year, scope) ?? new Set())
            : filtered(year, 'assignments', scope, scope)
      ) as unknown[];
      // demands as the browser gets them: the scope's subtree, and only where the methodology configures them
      const demands =
        year.data.demands === undefined || !methodology.demands
          ? undefined
          : ((scope === undefined ? year.data.demands : filtered(year, 'demands', scope, scope)) as unknown[]);
      prep = { prepared: prepareYear(r.meta, methodology, orgs, assignments, demands), results: new Map() };
      // without sessions nothing filters the records again: drop them (1.5M objects in a province); with sessions
      // keep only what filtering needs, off the heap
      if (!this.scoped) this.parsed.delete(r.year);
      else if (scope === undefined && !year.assignmentIndex) this.toCompact.add(r.year);
    } catch (e) {
      prep = e instanceof Error ? e : new Error(String(e));
    }
    return this.keep(key, prep);
  }

  private keep(key: string, prep: Ready | Error): Ready | Error {
    this.prepared.set(key, prep);
    const scoped = [...this.prepared.keys()].filter((k) => !k.endsWith('|*'));
    if (scoped.length > MAX_SCOPED) this.prepared.delete(scoped[0]);
    return prep;
  }

  /**
   * With sessions: swap each prepared year's parsed assignments for the byte index — seconds of scanning at
   * province scale, so it runs in small steps (`yield`) while no request waits (see `compactSoon`).
   */
  *compaction(): Generator<void, void> {
    for (const y of this.toCompact) {
      this.toCompact.delete(y);
      const year = this.parsed.get(y);
      const bytes = this.bytes.get(y);
      if (!year || !bytes || year.assignmentIndex || !Array.isArray(year.data.assignments)) continue;
      const records: unknown[] = year.data.assignments;
      const index = yield* RecordIndex.build(bytes.assignments, records);
      // bytes and parse disagree (keep filtering the parsed records), or the year was parsed afresh meanwhile
      if (!index || year.data.assignments !== records) continue;
      year.assignmentIndex = index;
      year.data.assignments = undefined;
      const done: FromWorker = { kind: 'compacted', year: y, records: records.length };
      port.postMessage(done);
    }
  }

  /** The year's assignments, parsed again if they were dropped for the index (the unscoped year prepared anew). */
  private allAssignments(y: number, year: ParsedYear): unknown {
    if (year.data.assignments === undefined) {
      year.data.assignments = decode(this.bytes.get(y)!.assignments);
      year.assignmentIndex = undefined;
    }
    return year.data.assignments;
  }

  summary(r: SummaryRequest): SummaryReply {
    const prep = this.ready(r);
    if (prep instanceof Error)
      return {
        kind: 'summary',
        id: r.id,
        ok: false,
        reason: 'unavailable',
        message: `the year's data cannot be computed: ${prep.message.slice(0, 200)}`,
      };
    const t0 = performance.now();
    const { prepared, results } = prep;
    const resultAt = (date: string) => {
      let result = results.get(date);
      if (!result) {
        results.set(date, (result = computeIndex(prepared.ds, date)));
        if (results.size > MAX_RESULTS) results.delete(results.keys().next().value!);
      }
      return result;
    };
    const body = JSON.stringify(buildSummary(r.meta, r.year, r.asOf, prepared, resultAt));
    return { kind: 'summary', id: r.id, ok: true, body, ms: performance.now() - t0 };
  }
}

if (!parentPort) throw new Error('summaryWorker.ts runs as a worker thread');
const port = parentPort;

let current: SnapshotWork | undefined;
const queue: SummaryRequest[] = [];
let draining = false;

function drain(): void {
  draining = false;
  const r = queue.shift();
  if (!r) return;
  let reply: SummaryReply;
  if (!current || current.id !== r.snapshot) {
    reply = { kind: 'summary', id: r.id, ok: false, reason: 'superseded', message: 'a newer data snapshot replaced this one' };
  } else {
    try {
      reply = current.summary(r);
    } catch (e) {
      reply = {
        kind: 'summary',
        id: r.id,
        ok: false,
        reason: 'unavailable',
        message: e instanceof Error ? e.message.slice(0, 200) : String(e),
      };
    }
  }
  port.postMessage(reply);
  schedule();
  compactSoon();
}

let compacting: { work: Generator<void, void>; of: SnapshotWork } | undefined;
let compactTimer: NodeJS.Timeout | undefined;

/** Compaction in steps of a few ms, only while no request is queued; `drain` calls this again after each answer. */
function compactSoon(): void {
  if (compactTimer === undefined) compactTimer = setTimeout(compactStep, 20);
}

function compactStep(): void {
  compactTimer = undefined;
  if (!current || queue.length > 0 || draining) return;
  if (compacting?.of !== current) compacting = { work: current.compaction(), of: current };
  const t0 = performance.now();
  while (performance.now() - t0 < 5) {
    if (compacting.work.next().done) {
      compacting = undefined;
      return;
    }
  }
  compactTimer = setTimeout(compactStep, 0);
}

function schedule(): void {
  if (draining || queue.length === 0) return;
  draining = true;
  // a turn of the event loop between requests: a new snapshot posted meanwhile supersedes what is queued
  setImmediate(drain);
}

port.on('message', (m: ToWorker) => {
  if (m.kind === 'snapshot') {
    current = new SnapshotWork(m.snapshot, new Map(m.years.map((y) => [y.year, y])), m.scoped);
    return;
  }
  queue.push(m);
  schedule();
});
