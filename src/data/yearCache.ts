/**
 * Repeat visits paint at once: the last loaded year is kept in IndexedDB, keyed by API base URL, scope, year and
 * `generatedAt`, together with the meta it was loaded under. At start-up (main.tsx) it seeds the query cache — the
 * year under its exact query key, meta as already stale — so the overview paints from it while meta is revalidated;
 * a new `generatedAt` is a new key, so the new year loads (the cached one stays on screen meanwhile) and replaces
 * the entry. A 401 drops everything kept for that API. Where IndexedDB is missing or fails, nothing is kept.
 * React-free: the dataset loader's worker keeps the year it loaded (the copy into IndexedDB happens off the page).
 */
import type { Meta } from '../api/schemas';
import { resolveYear } from './asOf';
import type { YearDataset } from './loadYear';

const DB = 'jianjia-years';
const STORE = 'entries';
const SEP = '\u0001';

interface YearEntry {
  generatedAt: string;
  data: YearDataset;
}

const metaKey = (base: string) => `${base}${SEP}meta`;
const yearKey = (base: string, scope: string | null, year: number) => `${base}${SEP}year${SEP}${scope ?? ''}${SEP}${year}`;

let dbPromise: Promise<IDBDatabase | null> | undefined;

function openDb(): Promise<IDBDatabase | null> {
  if (typeof indexedDB === 'undefined') return Promise.resolve(null);
  dbPromise ??= new Promise((resolve) => {
    try {
      const req = indexedDB.open(DB, 1);
      req.onupgradeneeded = () => req.result.createObjectStore(STORE);
      req.onsuccess = () => resolve(req.result);
      req.onerror = () => resolve(null);
      req.onblocked = () => resolve(null);
    } catch {
      resolve(null);
    }
  });
  return dbPromise;
}

function run<T>(mode: IDBTransactionMode, op: (store: IDBObjectStore) => IDBRequest<T> | void): Promise<T | undefined> {
  return openDb().then(
    (db) =>
      new Promise<T | undefined>((resolve) => {
        if (!db) return resolve(undefined);
        try {
          const tx = db.transaction(STORE, mode);
          const req = op(tx.objectStore(STORE));
          tx.oncomplete = () => resolve(req ? req.result : undefined);
          tx.onerror = tx.onabort = () => resolve(undefined);
        } catch {
          resolve(undefined);
        }
      }),
  );
}

/**
 * Keep a year just loaded (and its meta), replacing what was kept for this API, scope and year. The copy into
 * IndexedDB is taken when this is called (a worker may transfer the dataset's buffers right after); the promise
 * settles when the write has.
 */
export async function openYearKeeper(): Promise<((apiBaseUrl: string, meta: Meta, data: YearDataset) => Promise<void>) | null> {
  const db = await openDb();
  if (!db) return null;
  return (apiBaseUrl, meta, data) =>
    new Promise<void>((resolve) => {
      try {
        const tx = db.transaction(STORE, 'readwrite');
        const s = tx.objectStore(STORE);
        s.put(meta, metaKey(apiBaseUrl));
        s.put({ generatedAt: meta.generatedAt, data } satisfies YearEntry, yearKey(apiBaseUrl, meta.scope?.orgId ?? null, data.year));
        tx.oncomplete = tx.onerror = tx.onabort = () => resolve();
      } catch {
        resolve();
      }
    });
}

export async function saveYear(apiBaseUrl: string, meta: Meta, data: YearDataset): Promise<void> {
  await (
    await openYearKeeper()
  )?.(apiBaseUrl, meta, data);
}

/** A 401: nothing this session saw may stay on the device. */
export async function dropYears(apiBaseUrl: string): Promise<void> {
  await run('readwrite', (s) => s.delete(IDBKeyRange.bound(`${apiBaseUrl}${SEP}`, `${apiBaseUrl}${SEP}\uffff`)));
}

/** The kept meta and year for what the URL asks, if they belong together. */
export async function readKept(
  apiBaseUrl: string,
  requestedYear: number | undefined,
): Promise<{ meta: Meta; data: YearDataset } | undefined> {
  const meta = await run<Meta>('readonly', (s) => s.get(metaKey(apiBaseUrl)) as IDBRequest<Meta>);
  if (!meta) return undefined;
  const year = resolveYear(meta, requestedYear);
  const entry = await run<YearEntry>(
    'readonly',
    (s) => s.get(yearKey(apiBaseUrl, meta.scope?.orgId ?? null, year)) as IDBRequest<YearEntry>,
  );
  if (!entry || entry.generatedAt !== meta.generatedAt) return undefined;
  return { meta, data: entry.data };
}

/** Datasets already on the device (read from it, or kept by the loader's worker): not written back. */
export const fromDevice = new WeakSet<YearDataset>();
