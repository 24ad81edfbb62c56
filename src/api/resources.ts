/**
 * One fetcher per resource, and the `queryOptions` factory for meta. The
 * per-year resources are loaded together (data/loadYear.ts, query
 * `yearDatasetQuery`); query keys hold every input, so two inputs never share
 * a cache entry. List resources are checked at the top level only (an array);
 * their records are checked one by one in `validate.ts`, so one bad record
 * costs that record, not the payload.
 */
import { queryOptions } from '@tanstack/react-query';
import { getJson } from './client';
import { resourceUrl } from './config';
import { HttpError, PayloadError } from './errors';
import { metaSchema, methodologyPayloadSchema, recordsSchema, type MethodologyPayload } from './schemas';

export const fetchMeta = (apiBaseUrl: string, signal?: AbortSignal) =>
  getJson('meta', resourceUrl(apiBaseUrl, '/v1/meta'), metaSchema, { signal });

/** A methodology for another year would be applied silently: it fails like a malformed payload, naming both years. */
export async function fetchMethodology(apiBaseUrl: string, year: number, signal?: AbortSignal): Promise<MethodologyPayload> {
  const m = await getJson('methodology', resourceUrl(apiBaseUrl, '/v1/methodology', { year }), methodologyPayloadSchema, { signal });
  if (m.year !== year) throw new PayloadError('methodology', 'methodology.year', `expected ${year}, received ${m.year}`);
  return m;
}

export const fetchOrgs = (apiBaseUrl: string, year: number, signal?: AbortSignal): Promise<unknown[]> =>
  getJson('orgs', resourceUrl(apiBaseUrl, '/v1/orgs', { year }), recordsSchema, { signal });

export const fetchAssignments = (
  apiBaseUrl: string,
  year: number,
  orgId?: string,
  signal?: AbortSignal,
  onBytes?: (received: number) => void,
): Promise<unknown[]> =>
  getJson('assignments', resourceUrl(apiBaseUrl, '/v1/assignments', { year, orgId }), recordsSchema, { signal, onBytes });

/** v1.1 demands; `undefined` from a backend that predates them (404): the app then hides demands, quietly. */
export async function fetchDemands(apiBaseUrl: string, year: number, orgId?: string, signal?: AbortSignal): Promise<unknown[] | undefined> {
  try {
    return await getJson('demands', resourceUrl(apiBaseUrl, '/v1/demands', { year, orgId }), recordsSchema, { signal });
  } catch (e) {
    if (e instanceof HttpError && e.status === 404) return undefined;
    throw e;
  }
}

export const metaQuery = (apiBaseUrl: string) =>
  queryOptions({ queryKey: ['meta', apiBaseUrl], queryFn: ({ signal }) => fetchMeta(apiBaseUrl, signal) });
