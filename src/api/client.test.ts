import { http, HttpResponse } from 'msw';
import { describe, expect, it } from 'vitest';
import { server } from '../../mocks/node';
import { failWith, respondWith, respondWithText } from '../../mocks/scenarios';
import { fetchAssignments, fetchDemands, fetchMeta, fetchMethodology, fetchOrgs } from './resources';
import { HttpError, NetworkError, PayloadError, SessionEndedError, TimeoutError, isTransient } from './errors';
import { loadConfig } from './config';
import { assignmentsSchema, orgsSchema, recordsSchema } from './schemas';
import { DEFAULT_TIMEOUT_MS, MAX_SERVER_MESSAGE, getJson } from './client';
import { validateDataset } from './validate';

const API = 'http://localhost/api';

describe('fetchers against the mock backend', () => {
  it('reads and shape-checks all four resources', async () => {
    const meta = await fetchMeta(API);
    expect(meta.district.name).toBe('富阳区总工会');
    const [m, orgs, assignments] = await Promise.all([fetchMethodology(API, 2025), fetchOrgs(API, 2025), fetchAssignments(API, 2025)]);
    expect(m.indicators).toHaveLength(23);
    expect(orgs.length).toBeGreaterThan(1700);
    expect(assignments.length).toBeGreaterThan(20000);
  });

  it('the orgId filter returns only the subtree', async () => {
    const orgs = orgsSchema.parse(await fetchOrgs(API, 2025));
    const sub = assignmentsSchema.parse(await fetchAssignments(API, 2025, 'T-HUYUAN'));
    const ids = new Set(orgs.filter((o) => o.id === 'T-HUYUAN' || o.parentId === 'T-HUYUAN').map((o) => o.id));
    expect(sub.length).toBeGreaterThan(0);
    expect(sub.every((a) => ids.has(a.orgId))).toBe(true);
    expect(new Set(sub.map((a) => a.orgId))).toEqual(ids);
  });

  it('an unknown year is an HTTP error with the error shape', async () => {
    const err = await fetchOrgs(API, 1999).catch((e) => e);
    expect(err).toBeInstanceOf(HttpError);
    expect(err).toMatchObject({ status: 404, code: 'not_found', resource: 'orgs' });
  });

  it('a malformed record costs that record only (v1.1): excluded and listed by its field, the rest kept', async () => {
    const [meta, m, orgs, good] = await Promise.all([
      fetchMeta(API),
      fetchMethodology(API, 2025),
      fetchOrgs(API, 2025),
      fetchAssignments(API, 2025),
    ]);
    const bad = good.slice(0, 1300).map((a, k) => (k === 1204 ? { ...(a as object), target: '95' } : a));
    server.use(respondWith('assignments', bad));
    const fetched = await fetchAssignments(API, 2025);
    expect(fetched).toHaveLength(1300);
    const v = validateDataset(meta, m, orgs, fetched);
    expect(v.assignments).toHaveLength(1299);
    expect(v.issues).toEqual([
      expect.objectContaining({ path: 'assignments[1204].target', rule: 'invalidField', detail: 'expected number, received string' }),
    ]);
  });

  it('not an array, not JSON, missing fields', async () => {
    server.use(respondWith('orgs', { orgs: [] }));
    await expect(fetchOrgs(API, 2025)).rejects.toThrow('orgs: expected array, received object');
    server.use(respondWithText('meta', '<html>'));
    await expect(fetchMeta(API)).rejects.toThrow('meta: not JSON');
    server.use(respondWith('methodology', { year: 2025 }));
    await expect(fetchMethodology(API, 2025)).rejects.toThrow('methodology.categories: expected array, received undefined');
  });

  it('401 is a session end; 5xx and network failures are transient', async () => {
    server.use(failWith('meta', 401));
    await expect(fetchMeta(API)).rejects.toBeInstanceOf(SessionEndedError);
    server.use(failWith('meta', 503));
    const err = await fetchMeta(API).catch((e) => e);
    expect(err).toBeInstanceOf(HttpError);
    expect(isTransient(err)).toBe(true);
    server.use(http.get('*/v1/meta', () => HttpResponse.error()));
    const net = await fetchMeta(API).catch((e) => e);
    expect(net).toBeInstanceOf(NetworkError);
    expect(isTransient(net)).toBe(true);
  });

  it('sends the session cookie', async () => {
    let credentials: RequestCredentials | undefined;
    server.use(
      http.get('*/v1/meta', ({ request }) => {
        credentials = request.credentials;
        return HttpResponse.json({});
      }),
    );
    await fetchMeta(API).catch(() => undefined);
    expect(credentials).toBe('include');
  });
});

describe('runtime configuration', () => {
  it('loads and checks config.json from the base path', async () => {
    server.use(http.get('*/base/config.json', () => HttpResponse.json({ apiBaseUrl: 'https://x.example/api', mocks: false })));
    await expect(loadConfig('http://localhost/base/')).resolves.toEqual({ apiBaseUrl: 'https://x.example/api', mocks: false });
    server.use(http.get('*/base/config.json', () => HttpResponse.json({ apiBaseUrl: 3 })));
    await expect(loadConfig('http://localhost/base/')).rejects.toThrow('config.apiBaseUrl: expected string, received number');
  });
});

/** A body that sends its first bytes and then breaks, as a connection reset mid-transfer does. */
function brokenBody(firstBytes: string): ReadableStream<Uint8Array> {
  return new ReadableStream({
    start(controller) {
      controller.enqueue(new TextEncoder().encode(firstBytes));
      controller.error(new TypeError('terminated: other side closed'));
    },
  });
}

describe('transport faults (issue 8)', () => {
  it('a connection reset mid-body is a NetworkError naming the resource, so it is retried', async () => {
    server.use(
      http.get('*/v1/assignments', () => new HttpResponse(brokenBody('[{"orgId":'), { headers: { 'Content-Type': 'application/json' } })),
    );
    const err = await fetchAssignments(API, 2025).catch((e) => e);
    expect(err).toBeInstanceOf(NetworkError);
    expect(err).toMatchObject({ resource: 'assignments' });
    expect(err.message).toMatch(/^assignments: the connection broke while reading the response/);
    expect(isTransient(err)).toBe(true);
  });

  it('a stalled answer times out with a message naming the resource and the seconds', async () => {
    // headers arrive, the body never completes
    server.use(
      http.get('*/v1/meta', () => new HttpResponse(new ReadableStream({ start: (c) => c.enqueue(new TextEncoder().encode('{')) }))),
    );
    const t0 = Date.now();
    const err = await getJson('meta', `${API}/v1/meta`, recordsSchema, { timeoutMs: 150 }).catch((e) => e);
    expect(err).toBeInstanceOf(TimeoutError);
    expect(err).toBeInstanceOf(NetworkError);
    expect(err.message).toBe('meta: nothing received for 0.2 s');
    expect(isTransient(err)).toBe(true);
    expect(Date.now() - t0).toBeLessThan(5000);
  });

  it('the limit is on silence, not on the whole download: a slow body that keeps arriving completes', async () => {
    const chunks = ['[1,', '2,', '3,', '4,', '5,', '6]'];
    server.use(
      http.get(
        '*/v1/orgs',
        () =>
          new HttpResponse(
            new ReadableStream({
              async start(c) {
                for (const chunk of chunks) {
                  c.enqueue(new TextEncoder().encode(chunk));
                  await new Promise((r) => setTimeout(r, 60));
                }
                c.close();
              },
            }),
          ),
      ),
    );
    // 6 × 60 ms = 360 ms in all, never more than 60 ms without a byte
    await expect(getJson('orgs', `${API}/v1/orgs`, recordsSchema, { timeoutMs: 250 })).resolves.toEqual([1, 2, 3, 4, 5, 6]);
  });

  it('a server that never answers times out too (default 20 s, configurable)', async () => {
    server.use(http.get('*/v1/orgs', () => new Promise<never>(() => undefined)));
    const err = await getJson('orgs', `${API}/v1/orgs`, recordsSchema, { timeoutMs: 100 }).catch((e) => e);
    expect(err).toBeInstanceOf(TimeoutError);
    expect(err.message).toBe('orgs: nothing received for 0.1 s');
    expect(DEFAULT_TIMEOUT_MS).toBe(20_000);
  });

  it("the caller's abort still aborts, and is not turned into a network failure", async () => {
    server.use(http.get('*/v1/orgs', () => new Promise<never>(() => undefined)));
    const controller = new AbortController();
    const pending = fetchOrgs(API, 2025, controller.signal).catch((e) => e);
    setTimeout(() => controller.abort(), 20);
    const err = await pending;
    expect(err).not.toBeInstanceOf(NetworkError);
    expect((err as Error).name).toBe('AbortError');
  });

  it('a 200 KB server error message is cut to its first 300 characters', async () => {
    const long = 'x'.repeat(200_000);
    server.use(http.get('*/v1/meta', () => HttpResponse.json({ error: { code: 'internal', message: long } }, { status: 500 })));
    const err = await fetchMeta(API).catch((e) => e);
    expect(err).toBeInstanceOf(HttpError);
    expect(err.message).toHaveLength(MAX_SERVER_MESSAGE + 1);
    expect(err.message.endsWith('…')).toBe(true);
  });
});

describe('year consistency (issue 8 item 10)', () => {
  it('a methodology for another year fails, naming both years', async () => {
    const m = await fetchMethodology(API, 2025);
    server.use(respondWith('methodology', { ...m, year: 2024 }));
    const err = await fetchMethodology(API, 2025).catch((e) => e);
    expect(err).toBeInstanceOf(PayloadError);
    expect(err.message).toBe('methodology.year: expected 2025, received 2024');
  });

  it('a defaultYear that is not among the years fails meta with a clear message', async () => {
    const meta = await fetchMeta(API);
    server.use(respondWith('meta', { ...meta, years: [2024, 2025], defaultYear: 2026 }));
    const err = await fetchMeta(API).catch((e) => e);
    expect(err).toBeInstanceOf(PayloadError);
    expect(err.message).toBe('meta.defaultYear: expected one of years (2024, 2025), received 2026');
  });

  it('an asOf that does not exist fails meta with a clear message (not read as the day it rolls over to)', async () => {
    const meta = await fetchMeta(API);
    server.use(respondWith('meta', { ...meta, asOf: '2025-02-30' }));
    const err = await fetchMeta(API).catch((e) => e);
    expect(err).toBeInstanceOf(PayloadError);
    expect(err.message).toBe('meta.asOf: expected a date that exists, received 2025-02-30');
  });
});

describe('demands (v1.1)', () => {
  it('a backend that predates demands (404) means no demands, quietly', async () => {
    server.use(
      http.get('*/v1/demands', () => HttpResponse.json({ error: { code: 'not_found', message: 'no such resource' } }, { status: 404 })),
    );
    await expect(fetchDemands(API, 2025)).resolves.toBeUndefined();
  });

  it('other failures are not swallowed; the top level must be an array', async () => {
    server.use(http.get('*/v1/demands', () => HttpResponse.json({ error: { code: 'internal', message: 'boom' } }, { status: 500 })));
    await expect(fetchDemands(API, 2025)).rejects.toBeInstanceOf(HttpError);
    server.use(respondWith('demands', { demands: [] }));
    await expect(fetchDemands(API, 2025)).rejects.toThrow('demands: expected array, received object');
  });

  it('passes year and orgId', async () => {
    let url = '';
    server.use(
      http.get('*/v1/demands', ({ request }) => {
        url = request.url;
        return HttpResponse.json([]);
      }),
    );
    await expect(fetchDemands(API, 2025, 'T-YH')).resolves.toEqual([]);
    expect(new URL(url).searchParams.toString()).toBe('year=2025&orgId=T-YH');
  });
});

describe('responses public/boot.js started early (src/api/early.ts)', () => {
  it('a request for exactly that URL takes the response once; the next one fetches', async () => {
    const url = `${API}/v1/meta`;
    const fetched = (await fetchMeta(API)).generatedAt;
    const early = { ...(await fetchMeta(API)), generatedAt: '2030-01-01T00:00:00+08:00' };
    window.__jjEarly = { [url]: Promise.resolve(new Response(JSON.stringify(early), { status: 200 })) };
    try {
      expect((await fetchMeta(API)).generatedAt).toBe(early.generatedAt);
      expect(window.__jjEarly[url]).toBeUndefined();
      expect((await fetchMeta(API)).generatedAt).toBe(fetched);
    } finally {
      delete window.__jjEarly;
    }
  });

  it('an early request that failed is a network error like any, and stalls time out like any', async () => {
    const url = `${API}/v1/meta`;
    window.__jjEarly = { [url]: Promise.reject(new TypeError('Failed to fetch')) };
    window.__jjEarly[url]!.catch(() => undefined);
    expect(await getJson('meta', url, recordsSchema).catch((e) => e)).toBeInstanceOf(NetworkError);
    window.__jjEarly = { [url]: new Promise<Response>(() => undefined) };
    expect(await getJson('meta', url, recordsSchema, { timeoutMs: 30 }).catch((e) => e)).toBeInstanceOf(TimeoutError);
    delete window.__jjEarly;
  });
});
