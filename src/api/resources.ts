/**
 * One fetcher and one `queryOptions` factory per resource. Query keys hold
 * every input (base URL, year, subtree), so two inputs never share a cache entry.
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

export const methodologyQuery = (apiBaseUrl: string, year: number) =>
  queryOptions({
    queryKey: ['methodology', apiBaseUrl, year],
    queryFn: ({ signal }) => fetchMethodology(apiBaseUrl, year, signal),
  });

export const orgsQuery = (apiBaseUrl: string, year: number) =>
  queryOptions({ queryKey: ['orgs', apiBaseUrl, year], queryFn: ({ signal }) => fetchOrgs(apiBaseUrl, year, signal) });

export const assignmentsQuery = (apiBaseUrl: string, year: number, orgId?: string) =>
  queryOptions({
    queryKey: ['assignments', apiBaseUrl, year, orgId ?? null],
    queryFn: ({ signal }) => fetchAssignments(apiBaseUrl, year, orgId, signal),
  });
