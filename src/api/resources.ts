/**
 * One fetcher per resource, and the `queryOptions` factory for meta. The three
 * per-year resources are loaded together (data/loadYear.ts, query
 * `yearDatasetQuery`); query keys hold every input, so two inputs never share
 * a cache entry.
 */
import { queryOptions } from '@tanstack/react-query';
import { getJson } from './client';
import { resourceUrl } from './config';
import { assignmentsSchema, metaSchema, methodologySchema, orgsSchema } from './schemas';

export const fetchMeta = (apiBaseUrl: string, signal?: AbortSignal) =>
  getJson('meta', resourceUrl(apiBaseUrl, '/v1/meta'), metaSchema, { signal });

export const fetchMethodology = (apiBaseUrl: string, year: number, signal?: AbortSignal) =>
  getJson('methodology', resourceUrl(apiBaseUrl, '/v1/methodology', { year }), methodologySchema, { signal });

export const fetchOrgs = (apiBaseUrl: string, year: number, signal?: AbortSignal) =>
  getJson('orgs', resourceUrl(apiBaseUrl, '/v1/orgs', { year }), orgsSchema, { signal });

export const fetchAssignments = (apiBaseUrl: string, year: number, orgId?: string, signal?: AbortSignal) =>
  getJson('assignments', resourceUrl(apiBaseUrl, '/v1/assignments', { year, orgId }), assignmentsSchema, { signal });

export const metaQuery = (apiBaseUrl: string) =>
  queryOptions({ queryKey: ['meta', apiBaseUrl], queryFn: ({ signal }) => fetchMeta(apiBaseUrl, signal) });
