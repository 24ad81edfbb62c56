/** Demands through the year loader (v1.1): loaded only where the methodology configures them, a 404 is "none". */
import { http, HttpResponse } from 'msw';
import { describe, expect, it } from 'vitest';
import { server } from '../../mocks/node';
import { respondWith } from '../../mocks/scenarios';
import { loadYear } from '../data/loadYear';
import { fetchMeta, fetchMethodology, fetchOrgs } from './resources';
import { orgsSchema } from './schemas';

const API = 'http://localhost/api';
const demandsConfig = { topics: [{ id: 'WAGE', name: { zh: '工资待遇', en: 'Pay' } }], triageDays: 5, resolveDays: 30 };

async function withDemandsConfigured() {
  const [meta, m, orgs] = await Promise.all([fetchMeta(API), fetchMethodology(API, 2025), fetchOrgs(API, 2025)]);
  server.use(respondWith('methodology', { ...m, demands: demandsConfig }));
  return { meta, leaf: orgsSchema.parse(orgs).at(-1)!.id };
}

describe('loadYear and demands', () => {
  it('no demands in the methodology: none asked for, none in the dataset', async () => {
    const meta = await fetchMeta(API);
    let asked = false;
    server.use(
      http.get('*/v1/demands', () => {
        asked = true;
        return HttpResponse.json([]);
      }),
    );
    const m = await fetchMethodology(API, 2025);
    server.use(respondWith('methodology', { ...m, demands: undefined }));
    const year = await loadYear(API, 2025, meta);
    expect(asked).toBe(false);
    expect(year.demands).toBeUndefined();
    expect(year.ds.orgs.length).toBeGreaterThan(1700);
  });

  it('configured: demands validated record by record, bad ones listed', async () => {
    const { meta, leaf } = await withDemandsConfigured();
    const good = {
      id: 'Q1',
      orgId: leaf,
      topicId: 'WAGE',
      title: '高温补贴',
      reportedAt: '2025-03-02',
      triagedAt: null,
      resolvedAt: null,
      outcome: null,
    };
    server.use(respondWith('demands', [good, { ...good, id: 'Q2', topicId: 'NOPE' }]));
    const year = await loadYear(API, 2025, meta);
    expect(year.demands).toEqual([good]);
    expect(year.issues.map((i) => [i.path, i.rule])).toEqual([['demands[1]', 'unknownTopic']]);
    expect(year.methodology.demands?.topics.map((t) => t.id)).toEqual(['WAGE']);
  });

  it('configured but the backend answers 404: no demands, no error', async () => {
    const { meta } = await withDemandsConfigured();
    server.use(http.get('*/v1/demands', () => HttpResponse.json({ error: { code: 'not_found', message: 'x' } }, { status: 404 })));
    const year = await loadYear(API, 2025, meta);
    expect(year.demands).toBeUndefined();
    expect(year.issues).toEqual([]);
  });

  it('the loaded dataset survives a structured clone (the worker posts it whole)', async () => {
    const { meta, leaf } = await withDemandsConfigured();
    const good = {
      id: 'Q1',
      orgId: leaf,
      topicId: 'WAGE',
      title: 't',
      reportedAt: '2025-03-02',
      triagedAt: '2025-03-03',
      resolvedAt: '2025-03-04',
      outcome: 'policy',
    };
    server.use(respondWith('demands', [good]));
    const year = structuredClone(await loadYear(API, 2025, meta));
    expect(year.demands).toEqual([good]);
  });
});
