/**
 * Broken backends for tests: handler overrides that a test installs with
 * `server.use(...)` on top of the healthy handlers.
 */
import { http, HttpResponse, type HttpHandler } from 'msw';
import type { ResourceName } from '../src/api/schemas';
import { apiError, createHandlers, type DatasetSource, type YearData } from './handlers';

type Resource = Exclude<ResourceName, 'config'>;
const path = (resource: Resource) => `*/v1/${resource}`;

/** The resource answers with this body, whatever it is (malformed payloads). */
export function respondWith(resource: Resource, body: unknown): HttpHandler {
  return http.get(path(resource), () => HttpResponse.json(body as never));
}

/** The resource answers with a non-JSON body. */
export function respondWithText(resource: Resource, text: string): HttpHandler {
  return http.get(path(resource), () => new HttpResponse(text, { headers: { 'Content-Type': 'text/html' } }));
}

/** The resource fails with `status` (with `once`, only the next request; then the healthy handler answers). */
export function failWith(resource: Resource, status: number, { once = false } = {}): HttpHandler {
  const code = status === 401 ? 'unauthorized' : status >= 500 ? 'internal' : 'error';
  return http.get(path(resource), () => apiError(status, code, `mock ${status}`), { once });
}

/** Every resource answers after `ms`. */
export function slow(ms: number, source?: DatasetSource): HttpHandler[] {
  return createHandlers(source, { latencyMs: ms });
}

/** Serves another dataset (e.g. one with invalid records) through the healthy handlers. */
export function serveDataset(source: DatasetSource): HttpHandler[] {
  return createHandlers(source);
}

/** A source that serves one year's data with the given meta. */
export function singleYearSource(meta: DatasetSource['meta'], year: number, data: YearData): DatasetSource {
  return { meta, year: (y) => (y === year ? data : undefined) };
}
