/// <reference lib="webworker" />
import { serializeFailure } from '../api/errors';
import type { Meta } from '../api/schemas';
import { loadYear, transferables } from './loadYear';

export type LoadRequest = { id: number; apiBaseUrl: string; year: number; meta: Meta } | { id: number; cancel: true };

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
  const { id, apiBaseUrl, year, meta } = request;
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
    if (!controller.signal.aborted) self.postMessage({ id, data }, transferables(data.ds));
  } catch (error) {
    if (!controller.signal.aborted) self.postMessage({ id, error: serializeFailure(error) });
  } finally {
    inFlight.delete(id);
  }
};
