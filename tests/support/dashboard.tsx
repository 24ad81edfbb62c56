/**
 * Test utilities: the engine as the app runs it (validate → prepare → compute)
 * and a component rendered inside a computed dashboard, without the whole app
 * or the 1,800-organisation district. The worked example (methodology §10) is
 * the default dataset.
 */
import { createMemoryHistory, createRootRoute, createRouter, RouterProvider } from '@tanstack/react-router';
import { render } from '@testing-library/react';
import type { ReactNode } from 'react';
import type { Assignment, Meta, Methodology, Org } from '../../src/api/schemas';
import { validateDataset, type DataQualityIssue } from '../../src/api/validate';
import { DashboardProvider, type Dashboard } from '../../src/data/dashboard';
import { ReadModel } from '../../src/data/model';
import { computeIndex, prepareDataset, type IndexResult, type PreparedDataset } from '../../src/engine';
import { exampleAssignments, exampleMeta, exampleMethodology, exampleOrgs } from '../fixtures/example';

export interface RawDataset {
  meta: Meta;
  methodology: Methodology;
  orgs: Org[];
  assignments: Assignment[];
}

export const exampleDataset: RawDataset = {
  meta: exampleMeta,
  methodology: exampleMethodology,
  orgs: exampleOrgs,
  assignments: exampleAssignments,
};

export interface EngineRun {
  ds: PreparedDataset;
  r: IndexResult;
  model: ReadModel;
  issues: DataQualityIssue[];
  methodology: Methodology;
  /** Position of an organisation by id. */
  at: (id: string) => number;
}

/** The engine as the app runs it: validate, prepare, compute as of a date. */
export function engineAt(data: RawDataset, asOf: string): EngineRun {
  const v = validateDataset(data.meta, data.methodology, data.orgs, data.assignments);
  const ds = prepareDataset(v.methodology, data.meta.tiers, v.orgs, v.assignments);
  const r = computeIndex(ds, asOf);
  return { ds, r, model: new ReadModel(ds, r), issues: v.issues, methodology: v.methodology, at: (id) => ds.orgIndex.get(id)! };
}

/** A computed dashboard object, as the layout provides it. */
export function dashboardOf(data: RawDataset = exampleDataset, asOf = data.meta.asOf): Dashboard {
  const run = engineAt(data, asOf);
  return {
    meta: data.meta,
    year: run.methodology.year,
    asOf,
    methodology: run.methodology,
    issues: run.issues,
    ds: run.ds,
    result: run.r,
    model: run.model,
    hasDemands: false,
    lastAsOf: data.meta.asOf,
    asOfCapped: false,
    updatedAt: 0,
    stale: false,
    transitioning: false,
    refetch: () => undefined,
  };
}

/** Render a component inside a computed dashboard and a router (links, URL-held language) at `url`. */
export async function renderWithDashboard(
  ui: ReactNode,
  { data = exampleDataset, asOf, url = '/' }: { data?: RawDataset; asOf?: string; url?: string } = {},
) {
  const dashboard = dashboardOf(data, asOf);
  const rootRoute = createRootRoute({ component: () => <DashboardProvider value={dashboard}>{ui}</DashboardProvider> });
  const router = createRouter({ routeTree: rootRoute, history: createMemoryHistory({ initialEntries: [url] }) });
  await router.load();
  const utils = render(<RouterProvider router={router} />);
  return { ...utils, dashboard, router };
}
