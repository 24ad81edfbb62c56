/** Loads a year in the Web Worker: the main thread only receives transferred buffers and small objects. */
import { deserializeFailure, type SerializedFailure } from '../api/errors';
import type { Meta } from '../api/schemas';
import type { YearDataset } from './loadYear';
import type { LoadRequest } from './loader.worker';
import { seedTrend } from './chartInputs';
import { fromDevice } from './yearCache';

type Reply = { id: number; data: YearDataset; kept: boolean } | { id: number; error: SerializedFailure } | { id: number; bytes: number };

let worker: Worker | null = null;
let nextId = 1;
const pending = new Map<number, { resolve: (d: YearDataset) => void; reject: (e: Error) => void; onBytes?: (received: number) => void }>();

function getWorker(): Worker {
  if (!worker) {
    worker = new Worker(new URL('./loader.worker.ts', import.meta.url), { type: 'module', name: 'dataset-loader' });
    worker.onmessage = (event: MessageEvent<Reply>) => {
      const reply = event.data;
      const p = pending.get(reply.id);
      if (!p) return;
      if ('bytes' in reply) return p.onBytes?.(reply.bytes);
      pending.delete(reply.id);
      if ('error' in reply) p.reject(deserializeFailure(reply.error));
      else {
        // the worker kept it on the device already: the page does not write it again
        if (reply.kept) fromDevice.add(reply.data);
        const { initial, initialTrend } = reply.data;
        if (initial && initialTrend) seedTrend(initial, initialTrend);
        p.resolve(reply.data);
      }
    };
    worker.onerror = (event) => {
      for (const p of pending.values()) p.reject(new Error(event.message || 'dataset worker failed'));
      pending.clear();
      worker?.terminate();
      worker = null;
    };
  }
  return worker;
}

export function loadYearInWorker(
  apiBaseUrl: string,
  year: number,
  meta: Meta,
  signal?: AbortSignal,
  onBytes?: (received: number) => void,
  options: { asOf?: string; keepAs?: string } = {},
): Promise<YearDataset> {
  return new Promise((resolve, reject) => {
    const id = nextId++;
    pending.set(id, { resolve, reject, onBytes });
    signal?.addEventListener(
      'abort',
      () => {
        if (!pending.delete(id)) return;
        worker?.postMessage({ id, cancel: true } satisfies LoadRequest);
        reject(signal.reason instanceof Error ? signal.reason : new DOMException('aborted', 'AbortError'));
      },
      { once: true },
    );
    // the worker resolves relative URLs against its own script: make the base absolute here
    const request: LoadRequest = { id, apiBaseUrl: new URL(apiBaseUrl, document.baseURI).href, year, meta, ...options };
    getWorker().postMessage(request);
  });
}
