/**
 * The resources of the API contract (v1.1: with demands), served by MSW from a dataset source.
 * The same handlers serve the browser worker (development, `mocks: true`
 * builds) and the Node server (tests, benchmarks).
 */
import { delay, http, HttpResponse, type HttpHandler } from 'msw';
import type { Assignment, Demand, Meta, Methodology, Org } from '../src/api/schemas';
import { subtreeIds } from '../src/api/subtree';
import { mockDistrict, mockMeta } from './data/district';

export interface YearData {
  methodology: Methodology;
  orgs: Org[];
  assignments: Assignment[];
  /** v1.1: absent for a backend without demands (404 on /v1/demands). */
  demands?: Demand[];
}

export interface DatasetSource {
  meta: () => Meta;
  year: (year: number) => YearData | undefined;
}

/** The built-in generated Fuyang district. */
export const mockSource: DatasetSource = {
  meta: mockMeta,
  year: (year) => (mockMeta().years.includes(year) ? mockDistrict(year) : undefined),
};

export function apiError(status: number, code: string, message: string) {
  return HttpResponse.json({ error: { code, message } }, { status });
}

function yearParam(request: Request, source: DatasetSource): YearData | Response {
  const raw = new URL(request.url).searchParams.get('year');
  const year = Number(raw);
  if (!raw || !Number.isInteger(year)) return apiError(400, 'bad_request', 'query parameter year is required');
  return source.year(year) ?? apiError(404, 'not_found', `no data for year ${year}`);
}

export interface HandlerOptions {
  /** Answer every request after this many milliseconds (a slow API). */
  latencyMs?: number;
}

export function createHandlers(source: DatasetSource = mockSource, { latencyMs = 0 }: HandlerOptions = {}): HttpHandler[] {
  const wait = () => (latencyMs > 0 ? delay(latencyMs) : undefined);
  return [
    http.get('*/v1/meta', async () => {
      await wait();
      return HttpResponse.json(source.meta());
    }),
    http.get('*/v1/methodology', async ({ request }) => {
      await wait();
      const data = yearParam(request, source);
      return data instanceof Response ? data : HttpResponse.json(data.methodology);
    }),
    http.get('*/v1/orgs', async ({ request }) => {
      await wait();
      const data = yearParam(request, source);
      return data instanceof Response ? data : HttpResponse.json(data.orgs);
    }),
    http.get('*/v1/assignments', async ({ request }) => {
      await wait();
      const data = yearParam(request, source);
      if (data instanceof Response) return data;
      const orgId = new URL(request.url).searchParams.get('orgId');
      if (orgId === null) return HttpResponse.json(data.assignments);
      if (!data.orgs.some((o) => o.id === orgId)) return apiError(404, 'not_found', `unknown organisation ${orgId}`);
      const ids = subtreeIds(data.orgs, orgId);
      return HttpResponse.json(data.assignments.filter((a) => ids.has(a.orgId)));
    }),
    http.get('*/v1/demands', async ({ request }) => {
      await wait();
      const data = yearParam(request, source);
      if (data instanceof Response) return data;
      if (data.demands === undefined) return apiError(404, 'not_found', 'this backend has no demands');
      const orgId = new URL(request.url).searchParams.get('orgId');
      if (orgId === null) return HttpResponse.json(data.demands);
      if (!data.orgs.some((o) => o.id === orgId)) return apiError(404, 'not_found', `unknown organisation ${orgId}`);
      const ids = subtreeIds(data.orgs, orgId);
      return HttpResponse.json(data.demands.filter((q) => ids.has(q.orgId)));
    }),
    // the platform's raw API has no summary (an extension of serve:api, docs/api.md): the app must not need it
    http.get('*/v1/summary', () => apiError(404, 'not_found', 'no resource summary')),
  ];
}

export const handlers = createHandlers();
