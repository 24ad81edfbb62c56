/// <reference lib="webworker" />
import { serializeFailure } from '../api/errors';
import type { Meta } from '../api/schemas';
import { loadYear, transferables } from './loadYear';

export interface LoadRequest {
  id: number;
  apiBaseUrl: string;
  year: number;
  meta: Meta;
}

declare const self: DedicatedWorkerGlobalScope;

self.onmessage = async (event: MessageEvent<LoadRequest>) => {
  const { id, apiBaseUrl, year, meta } = event.data;
  try {
    const data = await loadYear(apiBaseUrl, year, meta);
    self.postMessage({ id, data }, transferables(data.ds));
  } catch (error) {
    self.postMessage({ id, error: serializeFailure(error) });
  }
};
