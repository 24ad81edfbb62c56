import { http, HttpResponse } from 'msw';
import { describe, expect, it } from 'vitest';
import { server } from '../../mocks/node';
import { failWith, respondWith, respondWithText } from '../../mocks/scenarios';
import { fetchAssignments, fetchMeta, fetchMethodology, fetchOrgs } from './resources';
import { HttpError, NetworkError, PayloadError, SessionEndedError, isTransient } from './errors';
import { loadConfig } from './config';

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
    const orgs = await fetchOrgs(API, 2025);
    const sub = await fetchAssignments(API, 2025, 'T-HUYUAN');
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

  it('a malformed record names the resource and the first failing path', async () => {
    const good = await fetchAssignments(API, 2025);
    const bad = good.slice(0, 1300).map((a, k) => (k === 1204 ? { ...a, target: '95' } : a));
    server.use(respondWith('assignments', bad));
    const err = await fetchAssignments(API, 2025).catch((e) => e);
    expect(err).toBeInstanceOf(PayloadError);
    expect(err.message).toBe('assignments[1204].target: expected number, received string');
    expect(isTransient(err)).toBe(false);
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
    server.use(http.get('*/v1/meta', ({ request }) => {
      credentials = request.credentials;
      return HttpResponse.json({});
    }));
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
