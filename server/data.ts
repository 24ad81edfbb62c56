/**
 * The API's data: read from a data dir, checked at the top level, turned into
 * an immutable snapshot (bodies serialized and hashed once), and swapped
 * atomically when the files change. A file that does not parse — half written
 * by a deployment that replaces files in place, say — keeps the previous
 * snapshot and is logged; the next change is tried again.
 *
 * Data dir layout: meta.json, and per year methodology-<year>.json,
 * orgs-<year>.json, assignments-<year>.json, optionally demands-<year>.json;
 * optionally users.json (sessions, see sessions.ts).
 */
import { closeSync, constants, fstatSync, openSync, readdirSync, readSync, statSync, watch, type FSWatcher } from 'node:fs';
import { join } from 'node:path';
import { Worker } from 'node:worker_threads';
import { RecordIndex, type RecordIndexParts } from './recordIndex';
import { bodyHash, Representation } from './representation';
import { parseUsers, type Scope, type UsersFile } from './sessions';

export interface YearData {
  methodology: unknown;
  orgs: unknown;
  assignments: unknown;
  /** v1.1: absent on a backend without demands (the API then answers 404). */
  demands?: unknown;
}

export interface ApiData {
  meta: unknown;
  years: Record<number, YearData>;
  /** Sessions: absent means everything is open (unscoped), as in v1. */
  users?: UsersFile;
}

export type YearResource = 'methodology' | 'orgs' | 'assignments' | 'demands';

export interface OrgRef {
  id: string;
  parentId: string | null;
}

/** One year of a snapshot, with the org tree indexed for subtree filters. */
export interface SnapshotYear {
  data: YearData;
  full: Partial<Record<YearResource, Representation>>;
  /** The ids of the year's organisation records. */
  ids: Set<string>;
  /** Parent id → its children's ids. */
  children: Map<string, string[]>;
  /**
   * A data dir's assignments and demands, kept as their bytes with each record's range and owner (never parsed on
   * the event loop: see `RecordFile`); `data.assignments` / `data.demands` are then undefined.
   */
  records?: Partial<Record<RecordResource, RecordIndex>>;
}

/** The resources filtered by `orgId`: a province holds them by the million. */
export type RecordResource = 'assignments' | 'demands';

export interface Snapshot {
  meta: Record<string, unknown>;
  metaRep: Representation;
  years: Map<number, SnapshotYear>;
  /** token → scope; null when users.json is absent (open server). */
  users: Map<string, Scope> | null;
  /** Derived bodies (scoped, filtered by orgId), bounded, dropped with the snapshot. */
  derived: DerivedCache;
}

export const JSON_TYPE = 'application/json; charset=utf-8';

export class DataError extends Error {
  constructor(
    readonly file: string,
    readonly reason: string,
  ) {
    super(`${file}: ${reason}`);
  }
}

const isRecord = (v: unknown): v is Record<string, unknown> => typeof v === 'object' && v !== null && !Array.isArray(v);

/**
 * Bodies live in shared memory: the summary worker (summaryWorker.ts) reads a province's ~400 MB of assignments
 * from the very bytes the API serves, handed over without a copy (a copy would stall the event loop).
 */
export function sharedBuffer(size: number): Buffer {
  return Buffer.from(new SharedArrayBuffer(size));
}

function readShared(path: string): Buffer {
  // opened without waiting: a FIFO (or a device) named like a data file would block the open — and the event loop
  // with it, every request unanswered — until something wrote to it
  const fd = openSync(path, constants.O_RDONLY | constants.O_NONBLOCK);
  try {
    const stat = fstatSync(fd);
    if (!stat.isFile()) throw new Error('not a regular file');
    const buf = sharedBuffer(stat.size);
    let at = 0;
    while (at < buf.length) {
      const n = readSync(fd, buf, at, buf.length - at, at);
      if (n === 0) return buf.subarray(0, at); // truncated while being read: the JSON check below reports it
      at += n;
    }
    return buf;
  } finally {
    closeSync(fd);
  }
}

/** JSON text into a shared buffer, written once (no intermediate Buffer of the same size). */
export function sharedJson(value: unknown): Buffer {
  const text = JSON.stringify(value);
  const buf = sharedBuffer(Buffer.byteLength(text));
  buf.write(text);
  return buf;
}

function parseFile(dir: string, file: string): { value: unknown; body: Buffer } {
  let buf: Buffer;
  try {
    buf = readShared(join(dir, file));
  } catch (e) {
    throw new DataError(file, (e as NodeJS.ErrnoException).code === 'ENOENT' ? 'missing' : String((e as Error).message));
  }
  // a UTF-8 byte order mark is legal in a file but not in JSON.parse
  if (buf[0] === 0xef && buf[1] === 0xbb && buf[2] === 0xbf) buf = buf.subarray(3);
  try {
    return { value: JSON.parse(buf.toString('utf8')) as unknown, body: buf };
  } catch (e) {
    throw new DataError(file, `invalid JSON (${(e as Error).message})`);
  }
}

/** The exact bytes of each file, so a snapshot need not serialize again what it just read. */
type RawBodies = Map<string, Buffer>;

/**
 * An assignments or demands file of a data dir, as the server holds it: its bytes (served as they are), their
 * ETag hash, and each record's byte range and orgId (to filter by organisation). Made by reading, `JSON.parse`
 * (the check that it is JSON and a top-level array) and scanning; the parse is then dropped. For a province's
 * assignments that is seconds of CPU, so a reload does it in a worker thread (`loadRecordFiles`) and the event loop
 * only adopts the result.
 */
export interface RecordFile {
  body: Buffer;
  hash: string;
  index: RecordIndex;
}

/** Read, check, hash and index one record file (throws a DataError naming it). */
export function loadRecordFile(dir: string, file: string): RecordFile {
  const { value, body } = parseFile(dir, file);
  // the server filters these by organisation, so their top level must be a list
  if (!Array.isArray(value)) throw new DataError(file, 'expected an array');
  const index = RecordIndex.of(body, value);
  if (!index) throw new DataError(file, 'its records could not be delimited'); // JSON.parse accepted it: not expected
  return { body, hash: bodyHash(body, '*'), index };
}

/** How the record files of a load are read: parsed whole (`readApiData`), or as RecordFiles. */
type RecordFileSource = ((file: string) => RecordFile) | undefined;

function readData(dir: string, recordFile?: RecordFileSource): { data: ApiData; raw: RawBodies; records: Map<string, RecordFile> } {
  const raw: RawBodies = new Map();
  const records = new Map<string, RecordFile>();
  const readRecords = (file: string) => {
    if (!recordFile) return read(file);
    records.set(file, recordFile(file));
    return undefined;
  };
  const read = (file: string) => {
    const { value, body } = parseFile(dir, file);
    raw.set(file, body);
    return value;
  };
  const exists = (file: string) => {
    try {
      return statSync(join(dir, file)).isFile();
    } catch {
      return false;
    }
  };
  const meta = read('meta.json');
  if (!isRecord(meta) || !Array.isArray(meta.years) || !meta.years.every((y) => Number.isSafeInteger(y))) {
    throw new DataError('meta.json', 'expected an object with "years": an array of integers');
  }
  const years: ApiData['years'] = {};
  for (const y of meta.years as number[]) {
    years[y] = {
      methodology: read(`methodology-${y}.json`),
      orgs: read(`orgs-${y}.json`),
      assignments: readRecords(`assignments-${y}.json`),
      ...(exists(`demands-${y}.json`) ? { demands: readRecords(`demands-${y}.json`) } : {}),
    };
  }
  const users = exists('users.json') ? parseUsers(read('users.json')) : undefined;
  return { data: { meta, years, ...(users ? { users } : {}) }, raw, records };
}

/** The record files a data dir's meta.json names (those that exist); none when meta.json is unreadable (readData reports it). */
function recordFilesOf(dir: string): string[] {
  try {
    const meta = parseFile(dir, 'meta.json').value;
    if (!isRecord(meta) || !Array.isArray(meta.years)) return [];
    return meta.years
      .flatMap((y) => [`assignments-${y}.json`, `demands-${y}.json`])
      .filter((f) => {
        try {
          return statSync(join(dir, f)).isFile();
        } catch {
          return false;
        }
      });
  } catch {
    return [];
  }
}

/** What the loader thread (loadWorker.ts) answers per file. */
export type LoadedRecordFile =
  { file: string; ok: true; body: Uint8Array; hash: string; index: RecordIndexParts } | { file: string; ok: false; reason: string };

/**
 * `loadRecordFile` for each file, in a worker thread: the event loop keeps answering while a province's
 * ~400 MB of assignments is read, parsed, hashed and indexed. Rejects if the thread fails (the caller then loads
 * on the event loop, as at start).
 */
function loadRecordFiles(dir: string, files: string[]): Promise<Map<string, RecordFile | DataError>> {
  return new Promise((ok, fail) => {
    // the boot module registers tsx in the thread (see summaryWorker.boot.mjs); it is not summary-specific
    const worker = new Worker(new URL('./summaryWorker.boot.mjs', import.meta.url), {
      workerData: { entry: new URL('./loadWorker.ts', import.meta.url).href, dir, files },
    });
    worker.unref();
    worker.once('message', (loaded: LoadedRecordFile[]) => {
      const out = new Map<string, RecordFile | DataError>();
      for (const l of loaded) {
        if (!l.ok) out.set(l.file, new DataError(l.file, l.reason));
        else {
          const body = Buffer.from(l.body.buffer, l.body.byteOffset, l.body.byteLength);
          out.set(l.file, { body, hash: l.hash, index: RecordIndex.fromParts({ ...l.index, bytes: body }) });
        }
      }
      ok(out);
      void worker.terminate();
    });
    worker.once('error', fail);
    worker.once('exit', (code) => fail(new Error(`the data loader thread exited (${code})`)));
  });
}

/** Read a data dir (throws a DataError naming the file and why). */
export function readApiData(dir: string): ApiData {
  return readData(dir).data;
}

function checkShapes(data: ApiData, records: ReadonlyMap<string, RecordFile>): void {
  if (!isRecord(data.meta)) throw new DataError('meta.json', 'expected an object');
  for (const [y, d] of Object.entries(data.years)) {
    if (!isRecord(d.methodology)) throw new DataError(`methodology-${y}.json`, 'expected an object');
    // the server filters these by organisation, so their top level must be a list
    for (const r of ['orgs', 'assignments', 'demands'] as const) {
      if (records.has(`${r}-${y}.json`) || (r === 'demands' && d.demands === undefined)) continue;
      if (!Array.isArray(d[r])) throw new DataError(`${r}-${y}.json`, 'expected an array');
    }
  }
}

/**
 * Children by parent over the records that look like organisations (bad records are the app's to report). An id
 * given twice is its first record's (the contract keeps the first copy): a second copy's parent never links it,
 * so a mistyped or hostile duplicate of another town's id cannot pull that town's subtree into a session's scope.
 */
export function indexTree(orgs: unknown): Pick<SnapshotYear, 'ids' | 'children'> {
  const ids = new Set<string>();
  const children = new Map<string, string[]>();
  for (const o of firstCopies(orgs as unknown[])) {
    ids.add(o.id);
    if (typeof o.parentId !== 'string') continue;
    const list = children.get(o.parentId);
    if (list) list.push(o.id);
    else children.set(o.parentId, [o.id]);
  }
  return { ids, children };
}

/** The organisation records with a string id, each id's first copy only, in their order. */
function* firstCopies(orgs: readonly unknown[]): Generator<Record<string, unknown> & { id: string }> {
  const seen = new Set<string>();
  for (const o of orgs) {
    if (!isRecord(o) || typeof o.id !== 'string' || seen.has(o.id)) continue;
    seen.add(o.id);
    yield o as Record<string, unknown> & { id: string };
  }
}

export function buildSnapshot(data: ApiData, raw: RawBodies = new Map(), records: ReadonlyMap<string, RecordFile> = new Map()): Snapshot {
  checkShapes(data, records);
  const rep = (file: string, value: unknown) => new Representation(raw.get(file) ?? sharedJson(value), JSON_TYPE, true, '*');
  const years = new Map<number, SnapshotYear>();
  for (const [key, d] of Object.entries(data.years)) {
    const y = Number(key);
    const full: SnapshotYear['full'] = {};
    const indexed: SnapshotYear['records'] = {};
    for (const r of ['methodology', 'orgs', 'assignments', 'demands'] as const) {
      const file = `${r}-${y}.json`;
      const loaded = r === 'assignments' || r === 'demands' ? records.get(file) : undefined;
      if (loaded && (r === 'assignments' || r === 'demands')) {
        full[r] = new Representation(loaded.body, JSON_TYPE, true, '*', loaded.hash);
        indexed[r] = loaded.index;
      } else if (d[r] !== undefined) full[r] = rep(file, d[r]);
    }
    years.set(y, { data: d, full, ...indexTree(d.orgs), ...(records.size > 0 ? { records: indexed } : {}) });
  }
  return {
    meta: data.meta as Record<string, unknown>,
    metaRep: rep('meta.json', data.meta),
    years,
    users: data.users ? new Map(Object.entries(data.users.tokens)) : null,
    derived: new DerivedCache(),
  };
}

/** The ids of an organisation's subtree (itself included); undefined if it is not in the year. */
export function subtree(year: Pick<SnapshotYear, 'ids' | 'children'>, rootId: string): Set<string> | undefined {
  if (!year.ids.has(rootId)) return undefined;
  const ids = new Set([rootId]);
  for (const id of ids) for (const c of year.children.get(id) ?? []) ids.add(c);
  return ids;
}

/** The records of `root`'s subtree; for orgs (only under a scope) the scope organisation becomes the root. */
export function filtered(
  year: Pick<SnapshotYear, 'data' | 'ids' | 'children' | 'records'>,
  name: Exclude<YearResource, 'methodology'>,
  root: string,
  scopeId: string | undefined,
): unknown[] {
  const ids = subtree(year, root) ?? new Set<string>();
  const inside = (id: unknown) => typeof id === 'string' && ids.has(id);
  // a data dir's records are filtered from their bytes: only the subtree's are parsed, in their order
  const index = name === 'orgs' ? undefined : year.records?.[name];
  if (index) return index.filter(ids);
  const list = year.data[name] as unknown[];
  if (name === 'orgs') {
    // a later copy of a member's id is not that member (indexTree): it is sent only where it places itself inside
    // the subtree too (the session's data-quality list then names the duplicate); one naming a parent outside it
    // is another part of the tree, not this scope's to see
    const first = new Set<unknown>(firstCopies(list));
    return list
      .filter((o) => isRecord(o) && typeof o.id === 'string' && ids.has(o.id) && (first.has(o) || inside(o.parentId)))
      .map((o) => (first.has(o) && (o as { id: string }).id === scopeId ? { ...(o as object), parentId: null } : o));
  }
  return list.filter((r) => isRecord(r) && typeof r.orgId === 'string' && ids.has(r.orgId));
}

/** `filtered` as the body of an answer: a data dir's records straight from their bytes, anything else serialised. */
export function filteredBody(
  year: Pick<SnapshotYear, 'data' | 'ids' | 'children' | 'records'>,
  name: Exclude<YearResource, 'methodology'>,
  root: string,
  scopeId: string | undefined,
): Buffer {
  const index = name === 'orgs' ? undefined : year.records?.[name];
  if (index) return index.filterText(subtree(year, root) ?? new Set<string>());
  return Buffer.from(JSON.stringify(filtered(year, name, root, scopeId)));
}

/**
 * Scoped and orgId-filtered bodies, made on first request and kept for the
 * life of the snapshot, least recently used dropped past a byte budget (there
 * may be one per organisation and resource).
 */
export class DerivedCache {
  private readonly entries = new Map<string, Representation>();
  private bytes = 0;
  constructor(private readonly budget = 64 * 1024 * 1024) {}

  /** The entry if present (made elsewhere, e.g. by the summary worker), without making one. */
  find(key: string): Representation | undefined {
    const hit = this.entries.get(key);
    if (hit) {
      this.entries.delete(key);
      this.entries.set(key, hit);
    }
    return hit;
  }

  get(key: string, make: () => Representation): Representation {
    const hit = this.entries.get(key);
    if (hit) {
      this.entries.delete(key);
      this.entries.set(key, hit);
      return hit;
    }
    const rep = make();
    this.entries.set(key, rep);
    this.bytes += rep.body.length;
    for (const [k, r] of this.entries) {
      if (this.bytes <= this.budget || k === key) break;
      this.entries.delete(k);
      this.bytes -= r.body.length;
    }
    return rep;
  }
}

export interface LogEntry {
  level: 'info' | 'error';
  event: string;
  [field: string]: unknown;
}
export type Logger = (entry: LogEntry) => void;

/** One JSON line per event on stderr (not per request): what a log shipper expects. */
export const stderrLogger: Logger = (entry) => {
  process.stderr.write(`${JSON.stringify({ time: new Date().toISOString(), ...entry })}\n`);
};

export interface StoreOptions {
  log?: Logger;
  /** mtime polling, for file systems where fs.watch says nothing (network mounts, some containers). */
  pollMs?: number;
  /** Wait this long after the last change before reading (a deployment copies several files). */
  debounceMs?: number;
  /** Told after every reload attempt (tests wait on it). */
  onReload?: (result: { ok: true } | { ok: false; error: string }) => void;
  /** Told of every snapshot made current (at construction and after each successful reload): the summaries prepare it. */
  onSnapshot?: (snapshot: Snapshot) => void;
}

/** The current snapshot of a data dir, reloaded when its files change. */
export class DataStore {
  current: Snapshot;
  private signature: string;
  private watcher?: FSWatcher;
  private poll?: NodeJS.Timeout;
  private timer?: NodeJS.Timeout;
  private readonly log: Logger;

  /** Throws if the data dir cannot be loaded at start: a server with no data must not come up. */
  constructor(
    readonly dir: string,
    private readonly options: StoreOptions = {},
  ) {
    this.log = options.log ?? stderrLogger;
    this.signature = this.sign();
    // at start, before the server listens, the record files are loaded right here (nothing waits yet)
    const { data, raw, records } = readData(dir, (file) => loadRecordFile(dir, file));
    this.current = buildSnapshot(data, raw, records);
    this.warm();
    options.onSnapshot?.(this.current);
  }

  watch(): this {
    try {
      this.watcher = watch(this.dir, () => this.schedule());
      this.watcher.on('error', () => this.watcher?.close());
    } catch {
      // polling below still notices changes
    }
    this.poll = setInterval(() => {
      if (this.sign() !== this.signature) this.schedule();
    }, this.options.pollMs ?? 2000);
    this.poll.unref();
    return this;
  }

  private closed = false;

  close(): void {
    this.closed = true;
    this.watcher?.close();
    clearInterval(this.poll);
    clearTimeout(this.timer);
  }

  private schedule(): void {
    clearTimeout(this.timer);
    this.timer = setTimeout(() => void this.reload(), this.options.debounceMs ?? 300);
    this.timer.unref();
  }

  /** Names, sizes and mtimes of the JSON files: what a change looks like to polling. */
  private sign(): string {
    try {
      return readdirSync(this.dir)
        .filter((f) => f.endsWith('.json'))
        .sort()
        .map((f) => {
          const s = statSync(join(this.dir, f));
          return `${f}:${s.size}:${s.mtimeMs}`;
        })
        .join('|');
    } catch {
      return '';
    }
  }

  private loading = false;
  private again = false;

  /** Reload the data dir; a change seen while a reload runs is loaded after it (never two at once). */
  async reload(): Promise<void> {
    if (this.loading) {
      this.again = true;
      return;
    }
    this.loading = true;
    try {
      do {
        this.again = false;
        await this.reloadOnce();
        // the watcher reports a deployment's writes several times: load again only if the files changed since
      } while (this.again && !this.closed && this.sign() !== this.signature);
    } finally {
      this.loading = false;
    }
  }

  private async reloadOnce(): Promise<void> {
    const signature = this.sign();
    try {
      // the heavy files first, in a worker thread: the event loop keeps answering from the current snapshot
      let loaded = new Map<string, RecordFile | DataError>();
      try {
        loaded = await loadRecordFiles(this.dir, recordFilesOf(this.dir));
      } catch (e) {
        this.log({
          level: 'error',
          event: 'data_loader_failed',
          error: e instanceof Error ? e.message : String(e),
          fallback: 'event loop',
        });
      }
      const recordFile = (file: string) => {
        const l = loaded.get(file);
        if (l instanceof DataError) throw l;
        // a file the loader did not see (meta.json changed meanwhile, or the loader failed): loaded here
        return l ?? loadRecordFile(this.dir, file);
      };
      if (this.closed) return; // the server stopped while the loader thread worked
      const { data, raw, records } = readData(this.dir, recordFile);
      // sessions never end by a file going missing (a deployment that deletes, then copies): that would open the
      // whole district to everyone, silently; serving without them takes a restart
      if (this.current.users && !data.users)
        throw new DataError('users.json', 'is gone: the sessions stay as they were (restart the server to serve without sessions)');
      this.current = buildSnapshot(data, raw, records);
      this.signature = signature;
      this.log({ level: 'info', event: 'data_reloaded', dir: this.dir });
      this.warm();
      this.options.onSnapshot?.(this.current);
      this.options.onReload?.({ ok: true });
    } catch (e) {
      // keep serving the previous snapshot; the next change to the files is tried again
      this.signature = signature;
      const error = e instanceof Error ? e.message : String(e);
      this.log({ level: 'error', event: 'data_load_failed', dir: this.dir, error, keeping: 'previous data' });
      this.options.onReload?.({ ok: false, error });
    }
  }

  /** Compress the full resources in the background, one after another (the machine is shared). */
  private warm(): void {
    const snapshot = this.current;
    const reps = [snapshot.metaRep, ...[...snapshot.years.values()].flatMap((y) => Object.values(y.full))];
    void (async () => {
      for (const r of reps) {
        if (this.current !== snapshot) return;
        await r.warm();
      }
    })().catch(() => undefined);
  }
}
