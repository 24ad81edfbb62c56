/**
 * Demands on the worked example (§12): a methodology with a demand config, a
 * seeded set of demands over the example tree, and a dashboard carrying the
 * demand model, as the layout provides it.
 */
import { createMemoryHistory, createRootRoute, createRouter, RouterProvider } from '@tanstack/react-router';
import { render } from '@testing-library/react';
import type { ReactNode } from 'react';
import type { Demand, Methodology } from '../../src/api/schemas';
import { validateDataset } from '../../src/api/validate';
import { DashboardProvider, type Dashboard } from '../../src/data/dashboard';
import { buildDemandModel } from '../../src/data/demands';
import { ReadModel } from '../../src/data/model';
import { computeIndex, prepareDataset } from '../../src/engine';
import { exampleDataset, type RawDataset } from './dashboard';

export const demandConfig = {
  topics: [
    { id: 'WAGE', name: { zh: '工资待遇', en: 'Pay' } },
    { id: 'SITE', name: { zh: '阵地建设', en: 'Sites' } },
    { id: 'SAFE', name: { zh: '安全生产', en: 'Safety' } },
  ],
  triageDays: 5,
  resolveDays: 30,
};

export const demandMethodology = (m: Methodology = exampleDataset.methodology): Methodology => ({ ...m, demands: demandConfig });

const iso = (day: number) => new Date(Date.UTC(2025, 0, 1) + day * 86_400_000).toISOString().slice(0, 10);

/** Seeded demands over the example orgs: every state, overdue of both kinds, policy outcomes, reports after mid-year. */
export function seededDemands(count = 60, seed = 7): Demand[] {
  let s = seed;
  const rnd = () => (s = (s * 1103515245 + 12345) % 2 ** 31) / 2 ** 31;
  const orgs = ['D', 'T1', 'T2', 'G1', 'G2', 'G3'];
  const out: Demand[] = [];
  for (let k = 0; k < count; k++) {
    const reported = Math.floor(rnd() * 230);
    const triaged = rnd() < 0.8 ? reported + Math.floor(rnd() * 12) : null;
    const resolved = triaged !== null && rnd() < 0.7 ? triaged + Math.floor(rnd() * 50) : null;
    const outcome = resolved === null ? null : (['service', 'policy', 'declined'] as const)[Math.floor(rnd() * 3)];
    out.push({
      id: `Q-${k}`,
      orgId: orgs[Math.floor(rnd() * orgs.length)],
      topicId: demandConfig.topics[Math.floor(rnd() * 3)].id,
      title: k === 0 ? '<b>高温补贴</b> & "夏季"' : `需求 ${k}`,
      reportedAt: iso(reported),
      triagedAt: triaged === null ? null : iso(triaged),
      resolvedAt: resolved === null ? null : iso(resolved),
      outcome,
    });
  }
  // the first one never moves: overdue of both kinds from February on, and its title is markup-like text
  out[0] = { ...out[0], orgId: 'G3', reportedAt: '2025-01-05', triagedAt: null, resolvedAt: null, outcome: null };
  return out;
}

/** A dashboard over `data` with `demands` (undefined: a backend without demands). */
export function dashboardWithDemands(demands: Demand[] | undefined, asOf = '2025-06-30', data: RawDataset = exampleDataset): Dashboard {
  const methodology = demands ? demandMethodology(data.methodology) : data.methodology;
  const v = validateDataset(data.meta, methodology, data.orgs, data.assignments, demands);
  const ds = prepareDataset(v.methodology, data.meta.tiers, v.orgs, v.assignments);
  const result = computeIndex(ds, asOf);
  const model = new ReadModel(ds, result);
  const dm = v.demands
    ? buildDemandModel({ year: v.methodology.year, methodology: v.methodology, issues: v.issues, ds, demands: v.demands }, asOf, model)
    : undefined;
  return {
    meta: data.meta,
    year: v.methodology.year,
    asOf,
    methodology: v.methodology,
    issues: v.issues,
    ds,
    result,
    model,
    demands: dm,
    hasDemands: dm !== undefined,
    lastAsOf: data.meta.asOf,
    asOfCapped: false,
    updatedAt: 0,
    stale: false,
    transitioning: false,
    refetch: () => undefined,
  };
}

export async function renderWithDemandDashboard(ui: ReactNode, dashboard: Dashboard, url = '/') {
  const rootRoute = createRootRoute({ component: () => <DashboardProvider value={dashboard}>{ui}</DashboardProvider> });
  const router = createRouter({ routeTree: rootRoute, history: createMemoryHistory({ initialEntries: [url] }) });
  await router.load();
  return { ...render(<RouterProvider router={router} />), router };
}
