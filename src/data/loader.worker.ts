/// <reference lib="webworker" />
import { serializeFailure } from '../api/errors';
import type { Meta } from '../api/schemas';
import { computeIndex, computeTrend } from '../engine';
import { keptPart, loadYear, transferables } from './loadYear';
import { openYearKeeper } from './yearCache';

export type LoadRequest =
  | {
      id: number;
      apiBaseUrl: string;
      year: number;
      meta: Meta;
      /** Compute the index at this date too (the page's own date: it then only receives the result). */
      asOf?: string;
      /** Keep the year on the device under this API base (the page's key): the copy is made here, not on the page. */
      keepAs?: string;
    }
  | { id: number; cancel: true };

declare const self: DedicatedWorkerGlobalScope;

/** Loads in flight, so a cancelled query stops its fetches instead of finishing in the background. */
const inFlight = new Map<number, AbortController>();

self.onmessage = async (event: MessageEvent<LoadRequest>) => {
  const request = event.data;
  if ('cancel' in request) {
    inFlight.get(request.id)?.abort();
    inFlight.delete(request.id);
    return;
  }
  const { id, apiBaseUrl, year, meta, asOf, keepAs } = request;
  const controller = new AbortController();
  inFlight.set(id, controller);
  try {
    // progress at most every 100 ms: a message per network chunk would be noise
    let last = 0;
    const data = await loadYear(apiBaseUrl, year, meta, controller.signal, (bytes) => {
      const now = performance.now();
      if (now - last < 100) return;
      last = now;
      self.postMessage({ id, bytes });
    });
    if (controller.signal.aborted) return;
    // the page's main thread only receives: the index at its date, its month-end trend (the first drill to an
    // organisation shows it) and the device copy are made here
    if (asOf) {
      data.initial = computeIndex(data.ds, asOf);
      data.initialTrend = computeTrend(data.ds, asOf, data.initial);
    }
    const keep = keepAs === undefined ? null : await openYearKeeper().catch(() => null);
    // the copy into IndexedDB is taken synchronously by keep(): the buffers can be transferred right after
    if (keep) void keep(keepAs!, meta, keptPart(data));
    if (!controller.signal.aborted)
      self.postMessage({ id, data, kept: keep !== null }, transferables(data.ds, data.initial, ...(data.initialTrend?.results ?? [])));
  } catch (error) {
    if (!controller.signal.aborted) self.postMessage({ id, error: serializeFailure(error) });
  } finally {
    inFlight.delete(id);
  }
};
