/** The read model: one definition of an organisation's group, rank denominators, a stable dashboard object. */
import { QueryClientProvider } from '@tanstack/react-query';
import { renderHook, waitFor } from '@testing-library/react';
import type { ReactNode } from 'react';
import { describe, expect, it } from 'vitest';
import { createQueryClient } from '../../src/app/queryClient';
import { ConfigProvider, useDashboardState, yearDatasetQuery } from '../../src/data/dashboard';
import { computeIndex, computeTrend } from '../../src/engine';
import { seedTrend, useEngineTrend } from '../../src/data/chartInputs';
import { engineAt, exampleDataset } from '../support/dashboard';
import type { YearDataset } from '../../src/data/loadYear';
import { assignment, meta, methodology, org } from '../fixtures/build';
import { TEST_API } from './render';

const tiers4: ReturnType<typeof meta>['tiers'] = [
  { id: 'district', name: { zh: '区', en: 'District' } },
  { id: 'town', name: { zh: '镇', en: 'Town' } },
  { id: 'village', name: { zh: '村', en: 'Village' } },
  { id: 'grassroots', name: { zh: '基层', en: 'Grassroots' } },
];

describe('read model', () => {
  // a tree of mixed depth: a grassroots union straight under the district, a village level in one town
  const orgs = [
    org('D', null, 'district'),
    org('T', 'D', 'town'),
    org('V', 'T', 'village'),
    org('G1', 'V', 'grassroots'),
    org('G2', 'D', 'grassroots'),
    org('G3', 'T', 'grassroots'),
  ];
  const data = {
    meta: meta({ tiers: tiers4 }),
    methodology: methodology(),
    orgs,
    assignments: [assignment('G1', 'R'), assignment('G3', 'R', { progress: [{ date: '2025-03-01', value: 50 }] })],
  };

  it('the group of an organisation is its ancestor that is a child of the root, at any depth', () => {
    const { model } = engineAt(data, '2025-06-30');
    expect(model.groups()).toEqual(['T', 'G2']);
    expect(model.groupOf('G1')?.id).toBe('T');
    expect(model.groupOf('V')?.id).toBe('T');
    expect(model.groupOf('T')?.id).toBe('T');
    expect(model.groupOf('G2')?.id).toBe('G2');
    expect(model.groupOf('D')).toBeUndefined();
    expect(model.ancestry('G1').map((o) => o.id)).toEqual(['D', 'T', 'V', 'G1']);
  });

  it('rank denominators count ranked organisations only, among siblings as in the tier', () => {
    const { model } = engineAt(data, '2025-06-30');
    // under T: V (index via G1) and G3 are ranked; under D: T is ranked, G2 has no data
    expect(model.rankedAmongSiblings('G3')).toBe(2);
    expect(model.rankedAmongSiblings('T')).toBe(1);
    expect(model.scores('G2').rankAmongSiblings).toBeUndefined();
    expect(model.rankedInTier('grassroots')).toBe(2);
  });

  it('children() returns the same array for the same id (it keys memos)', () => {
    const { model } = engineAt(data, '2025-06-30');
    expect(model.children('T')).toBe(model.children('T'));
  });
});

describe('dashboard state', () => {
  it('is one object until what it holds changes', async () => {
    const queryClient = createQueryClient({ retries: 0, baseDelayMs: 5 });
    const wrapper = ({ children }: { children: ReactNode }) => (
      <QueryClientProvider client={queryClient}>
        <ConfigProvider config={{ apiBaseUrl: TEST_API, mocks: false }}>{children}</ConfigProvider>
      </QueryClientProvider>
    );
    const { result, rerender } = renderHook(() => useDashboardState(undefined, undefined), { wrapper });
    await waitFor(() => expect(result.current.dashboard).toBeDefined(), { timeout: 15000 });
    const first = result.current.dashboard;
    rerender();
    rerender();
    expect(result.current.dashboard).toBe(first);
  });

  it('uses the index the loader computed at the date asked, and computes another date itself', async () => {
    const queryClient = createQueryClient({ retries: 0, baseDelayMs: 5 });
    const config = { apiBaseUrl: TEST_API, mocks: false };
    const wrapper = ({ children }: { children: ReactNode }) => (
      <QueryClientProvider client={queryClient}>
        <ConfigProvider config={config}>{children}</ConfigProvider>
      </QueryClientProvider>
    );
    // the year as the worker hands it over: with the index at the date it was asked at
    const first = renderHook(() => useDashboardState(undefined, undefined), { wrapper });
    await waitFor(() => expect(first.result.current.dashboard).toBeDefined(), { timeout: 15000 });
    const d = first.result.current.dashboard!;
    const key = yearDatasetQuery(config, d.year, d.meta).queryKey;
    const loaded = queryClient.getQueryData<YearDataset>(key)!;
    const initial = computeIndex(loaded.ds, d.asOf);
    queryClient.setQueryData(key, { ...loaded, initial });
    first.unmount();
    const atSameDate = renderHook(() => useDashboardState(undefined, undefined), { wrapper });
    await waitFor(() => expect(atSameDate.result.current.dashboard?.result).toBe(initial));
    const other = renderHook(() => useDashboardState(undefined, `${d.year}-03-31`), { wrapper });
    await waitFor(() => expect(other.result.current.dashboard?.asOf).toBe(`${d.year}-03-31`));
    expect(other.result.current.dashboard!.result).not.toBe(initial);
    expect(other.result.current.dashboard!.result.asOf).toBe(`${d.year}-03-31`);
  });

  it('a trend computed beside the index (by the loader worker) is what views get, without computing it again', () => {
    const run = engineAt(exampleDataset, '2025-06-30');
    const unseeded = renderHook(() => useEngineTrend(run.ds, run.r, '2025-06-30'));
    // computed one month per task after the view painted: nothing yet
    expect(unseeded.result.current).toBeUndefined();
    unseeded.unmount();
    const seeded = engineAt(exampleDataset, '2025-06-30');
    const trend = computeTrend(seeded.ds, '2025-06-30', seeded.r);
    seedTrend(seeded.r, trend);
    const view = renderHook(() => useEngineTrend(seeded.ds, seeded.r, '2025-06-30'));
    expect(view.result.current).toBe(trend);
  });
});
