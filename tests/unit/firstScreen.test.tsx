/** The first screen on a thin link: the server's summary goes first, the year's resources start once it is in. */
import { screen, waitFor } from '@testing-library/react';
import { delay, http, HttpResponse } from 'msw';
import { describe, expect, it, vi } from 'vitest';
import { mockDistrict } from '../../mocks/data/district';
import { server } from '../../mocks/node';
import { prepareYear } from '../../src/data/prepareYear';
import { buildSummary } from '../../src/data/summary';
import * as demandEngine from '../../src/engine/demands';
import { renderApp, TEST_API, waitForData, waitForSettled } from './render';

// counts the demand engine's runs (§12 states at a date), in the app and in the mock server's summary alike
vi.mock('../../src/engine/demands', async (original) => {
  const engine = await original<typeof demandEngine>();
  return { ...engine, computeDemands: vi.fn(engine.computeDemands) };
});

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

  it('a year arriving under the overview painted from the summary does not build the demand model; the demands page does', async () => {
    const runs = vi.mocked(demandEngine.computeDemands);
    server.use(
      // the summary as serve:api answers it (the mock platform has none)
      http.get(`${TEST_API}/v1/summary`, ({ request }) => {
        const q = new URL(request.url).searchParams;
        const year = Number(q.get('year'));
        const d = mockDistrict(year);
        const prepared = prepareYear(d.meta, d.methodology, d.orgs, d.assignments, d.demands);
        return HttpResponse.json(buildSummary(d.meta, year, q.get('asOf') ?? d.meta.asOf, prepared));
      }),
      // the summary has been answered (its demand figures computed) before the year's resources are asked
      http.get(`${TEST_API}/v1/assignments`, () => {
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

  it('the overview commits its KPI row first and its cards in a later task', async () => {
    // what each DOM change that first shows the KPIs shows beside them
    let cardsWithFirstKpis: boolean | undefined;
    const watch = new MutationObserver(() => {
      if (cardsWithFirstKpis === undefined && document.querySelector('[data-testid="district-index"]'))
        cardsWithFirstKpis = document.querySelector('.overview .chart-card.area-ranking') !== null;
    });
    watch.observe(document.body, { childList: true, subtree: true });
    renderApp('/');
    await waitForData();
    await screen.findByRole('region', { name: '镇街工会建家指数排名' });
    watch.disconnect();
    expect(cardsWithFirstKpis).toBe(false);
  });
});
