/** The first screen on a thin link: the server's summary goes first, the year's resources start once it is in. */
import { screen, waitFor } from '@testing-library/react';
import { delay, http, HttpResponse } from 'msw';
import { describe, expect, it, vi } from 'vitest';
import { mockDistrict } from '../../mocks/data/district';
import { server } from '../../mocks/node';
import { prepareYear } from '../../src/data/prepareYear';
import { buildSummary } from '../../src/data/summary';
import * as demandEngine from '../../src/engine/demands';
import { prepareFirstRender } from '../../src/app/firstRender';
import { seedFromNetwork } from '../../src/data/dashboard';
import { renderApp, TEST_API, TEST_CONFIG, testQueryClient, testRouter, waitForData, waitForSettled } from './render';

// counts the demand engine's runs (§12 states at a date), in the app and in the mock server's summary alike
vi.mock('../../src/engine/demands', async (original) => {
  const engine = await original<typeof demandEngine>();
  return { ...engine, computeDemands: vi.fn(engine.computeDemands) };
});

/** The summary as serve:api answers it (the mock platform has none). */
function summaryAsServed(q: URLSearchParams) {
  const year = Number(q.get('year'));
  const d = mockDistrict(year);
  const prepared = prepareYear(d.meta, d.methodology, d.orgs, d.assignments, d.demands);
  return HttpResponse.json(buildSummary(d.meta, year, q.get('asOf') ?? d.meta.asOf, prepared));
}

describe('first screen', () => {
  it('the year waits for the summary (they would share a phone link), then loads; a 404 summary changes nothing else', async () => {
    const events: string[] = [];
    server.use(
      http.get(`${TEST_API}/v1/summary`, async () => {
        events.push('summary asked');
        await delay(300);
        events.push('summary answered');
        return HttpResponse.json({ error: { code: 'not_found', message: 'no summary here' } }, { status: 404 });
      }),
      // noted, then answered by the mock backend's own handler
      http.get(`${TEST_API}/v1/assignments`, () => {
        events.push('assignments asked');
      }),
    );
    renderApp('/');
    await waitForData();
    expect(events[0]).toBe('summary asked');
    expect(events.indexOf('assignments asked')).toBeGreaterThan(events.indexOf('summary answered'));
  });

  it('a first visit waits for meta, the summary and the route, so the first render shows the numbers, once', async () => {
    server.use(http.get(`${TEST_API}/v1/summary`, ({ request }) => summaryAsServed(new URL(request.url).searchParams)));
    const queryClient = testQueryClient();
    const router = testRouter('/');
    await prepareFirstRender(queryClient, TEST_CONFIG, router);
    // the route is resolved: the router does not resolve it again on mount (its stores' change re-rendered the
    // whole page synchronously)
    const load = vi.spyOn(router, 'load');
    // what the first DOM change that shows the header shows beside it: the skeleton, or the district's index
    let kpisWithFirstHeader: boolean | undefined;
    const watch = new MutationObserver(() => {
      if (kpisWithFirstHeader === undefined && document.querySelector('.app-header'))
        kpisWithFirstHeader = /^\d+\.\d$/.test(screen.queryByTestId('district-index')?.textContent ?? '');
    });
    watch.observe(document.body, { childList: true, subtree: true, characterData: true });
    renderApp('/', { queryClient, router });
    await waitForData();
    watch.disconnect();
    expect(kpisWithFirstHeader).toBe(true);
    expect(load).not.toHaveBeenCalled();
  });

  it('the first visit waits no longer than its bound, and not at all on the mocked build', async () => {
    const asked: string[] = [];
    server.use(
      http.get(`${TEST_API}/v1/meta`, async ({ request }) => {
        asked.push(new URL(request.url).pathname);
        await delay(2_000);
      }),
    );
    const queryClient = testQueryClient();
    await seedFromNetwork(queryClient, { ...TEST_CONFIG, mocks: true }, undefined, undefined, 10_000);
    expect(asked).toEqual([]);
    const t0 = performance.now();
    await seedFromNetwork(queryClient, TEST_CONFIG, undefined, undefined, 50);
    expect(performance.now() - t0).toBeLessThan(1_000);
    expect(asked).toEqual(['/api/v1/meta']);
    expect(queryClient.getQueryData(['meta', TEST_API])).toBeUndefined();
    // the seeding it stopped waiting for is still running: cancelled here, or its meta → summary chain lands in the
    // next test's handlers (on a loaded machine, in the middle of what that test counts)
    await queryClient.cancelQueries();
  });

  it('a year arriving under the overview painted from the summary does not build the demand model; the demands page does', async () => {
    const runs = vi.mocked(demandEngine.computeDemands);
    // the year's resources are answered once the summary has been (its demand figures are computed in this process):
    // on a loaded machine the year, asked once the summary is 1.5 s late, could otherwise overtake it
    let summaryAnswered!: () => void;
    const answered = new Promise<void>((resolve) => (summaryAnswered = resolve));
    server.use(
      http.get(`${TEST_API}/v1/summary`, ({ request }) => {
        const response = summaryAsServed(new URL(request.url).searchParams);
        summaryAnswered();
        return response;
      }),
      http.get(`${TEST_API}/v1/assignments`, async () => {
        await answered;
        runs.mockClear();
      }),
    );
    const { router } = renderApp('/');
    await waitForData();
    await waitForSettled();
    expect(screen.getByTestId('district-index').textContent).toMatch(/^\d+\.\d$/);
    expect(runs).not.toHaveBeenCalled();
    await router.navigate({ to: '/demands' });
    await waitFor(() => expect(runs).toHaveBeenCalledTimes(1));
  });

  it('the overview commits its KPI row first, then its cards one per commit', async () => {
    // what each DOM change that first shows the KPIs shows beside them, and how many cards each change adds
    let cardsWithFirstKpis: boolean | undefined;
    const cards = () => document.querySelectorAll('.overview-grid > section.card').length;
    let shown = 0;
    const added: number[] = [];
    const watch = new MutationObserver(() => {
      if (cardsWithFirstKpis === undefined && document.querySelector('[data-testid="district-index"]'))
        cardsWithFirstKpis = document.querySelector('.overview .chart-card.area-ranking') !== null;
      if (cards() !== shown) added.push(cards() - shown);
      shown = cards();
    });
    watch.observe(document.body, { childList: true, subtree: true });
    renderApp('/');
    await waitForData();
    await screen.findByRole('region', { name: '镇街工会建家指数排名' });
    await waitFor(() => expect(cards()).toBe(7));
    watch.disconnect();
    expect(cardsWithFirstKpis).toBe(false);
    // one long task for seven cards on a phone would be seven short ones
    expect(added).toEqual([1, 1, 1, 1, 1, 1, 1]);
  });
});
