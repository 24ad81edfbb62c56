/**
 * Repeat visits paint at once: the last loaded year is kept in IndexedDB, keyed by API base URL, scope, year and
 * `generatedAt`, together with the meta it was loaded under. At start-up (main.tsx) it seeds the query cache — the
 * year under its exact query key, meta as already stale — so the overview paints from it while meta is revalidated;
 * a new `generatedAt` is a new key, so the new year loads (the cached one stays on screen meanwhile) and replaces
 * the entry. A 401 drops everything kept for that API. Where IndexedDB is missing or fails, nothing is kept.
 */
import type { QueryClient } from '@tanstack/react-query';
import type { AppConfig, Meta } from '../api/schemas';
import { metaQuery } from '../api/resources';
import { resolveYear } from './asOf';
import { yearDatasetQuery } from './dashboard';
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

/** Keep the year just loaded (and its meta), replacing what was kept for this API, scope and year. */
export async function saveYear(apiBaseUrl: string, meta: Meta, data: YearDataset): Promise<void> {
  const entry: YearEntry = { generatedAt: meta.generatedAt, data };
  await run('readwrite', (s) => {
    s.put(meta, metaKey(apiBaseUrl));
    s.put(entry, yearKey(apiBaseUrl, meta.scope?.orgId ?? null, data.year));
  });
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

/** Datasets that came from the device: not written back. */
export const fromDevice = new WeakSet<YearDataset>();

/**
 * Seed the query cache from what is kept, waiting at most `waitMs` (a slow disk must not delay the first paint
 * more than the network would). Meta goes in as already stale, so it is revalidated as soon as it is used.
 */
export async function seedFromDevice(
  queryClient: QueryClient,
  config: AppConfig,
  requestedYear: number | undefined,
  waitMs = 400,
): Promise<boolean> {
  const kept = await Promise.race([
    readKept(config.apiBaseUrl, requestedYear).catch(() => undefined),
    new Promise<undefined>((ok) => setTimeout(ok, waitMs)),
  ]);
  if (!kept) return false;
  fromDevice.add(kept.data);
  queryClient.setQueryData(metaQuery(config.apiBaseUrl).queryKey, kept.meta, { updatedAt: 1 });
  queryClient.setQueryData(yearDatasetQuery(config, kept.data.year, kept.meta).queryKey, kept.data);
  return true;
}
