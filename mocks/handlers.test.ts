import { describe, expect, it } from 'vitest';
import { demandSchema, methodologySchema } from '../src/api/schemas';
import { subtreeIds } from '../src/api/subtree';
import { mockDistrict, mockMeta } from './data/district';
import { server } from './node';
import { serveDataset, singleYearSource } from './scenarios';

const API = 'http://localhost/api/v1';
const get = async (path: string) => {
  const res = await fetch(`${API}${path}`);
  return { status: res.status, body: (await res.json()) as unknown };
};

describe('GET /v1/demands (contract v1.1)', () => {
  it('serves the year’s demands in the contract’s shape, and the topics in the methodology', async () => {
    const { status, body } = await get('/demands?year=2025');
    expect(status).toBe(200);
    const list = body as unknown[];
    expect(list).toHaveLength(mockDistrict(2025).demands.length);
    for (const q of list.slice(0, 50)) expect(() => demandSchema.parse(q)).not.toThrow();
    const m = methodologySchema.parse((await get('/methodology?year=2025')).body);
    expect(m.demands?.topics.map((t) => t.id)).toEqual(['WAGE', 'SAFETY', 'SITE', 'RIGHTS', 'SKILL', 'CARE']);
    expect([m.demands?.triageDays, m.demands?.resolveDays]).toEqual([5, 30]);
  });

  it('with orgId, only that subtree; 404 for an unknown org or year, 400 without a year', async () => {
    const d = mockDistrict(2025);
    const ids = subtreeIds(d.orgs, 'T-HUYUAN');
    const { body } = await get('/demands?year=2025&orgId=T-HUYUAN');
    const list = body as { orgId: string }[];
    expect(list.length).toBe(d.demands.filter((q) => ids.has(q.orgId)).length);
    expect(list.length).toBeGreaterThan(0);
    expect(list.every((q) => ids.has(q.orgId))).toBe(true);
    expect((await get('/demands?year=2025&orgId=NOPE')).status).toBe(404);
    expect((await get('/demands?year=1999')).status).toBe(404);
    expect((await get('/demands')).status).toBe(400);
  });

  it('a backend without demands answers 404', async () => {
    const withoutDemands = { ...mockDistrict(2025), demands: undefined };
    server.use(...serveDataset(singleYearSource(mockMeta, 2025, withoutDemands)));
    expect((await get('/demands?year=2025')).status).toBe(404);
    expect((await get('/assignments?year=2025&orgId=T-HUYUAN')).status).toBe(200);
  });
});
