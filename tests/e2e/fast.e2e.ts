/**
 * The fast first screen against the real HTTP backend (mocks off): the overview paints from GET /v1/summary while
 * the year's assignments are still on their way, then the full overview takes over; the year's payloads travel
 * compressed.
 */
import type { Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { mockDistrict, mockMeta } from '../../mocks/data/district';
import type { ApiData } from '../../server/serve';
import { launch, type Browser } from './browser';
import { startBackend } from './servers';

function districtData(): ApiData {
  const meta = mockMeta();
  const years: ApiData['years'] = {};
  for (const y of meta.years) {
    const d = mockDistrict(y);
    years[y] = { methodology: d.methodology, orgs: d.orgs, assignments: d.assignments };
  }
  return { meta, years };
}

describe('summary first, then the full year (real backend)', () => {
  let browser: Browser;
  let page: Page;
  let base: string;
  let close: () => Promise<void>;
  let release: () => void = () => undefined;
  let gate = Promise.resolve();
  const contentEncoding = new Map<string, string | undefined>();

  beforeAll(async () => {
    const server = await startBackend(districtData(), async (resource) => {
      // the raw year's biggest payload waits while the gate is shut: the first screen must not need it
      if (resource === 'assignments') await gate;
      return undefined;
    });
    base = server.url;
    close = server.close;
    browser = await launch({ width: 390, height: 844 });
    page = await browser.context.newPage();
    page.on('response', (r) => {
      const path = new URL(r.url()).pathname;
      if (path.startsWith('/api/v1/')) contentEncoding.set(path.slice(8), r.headers()['content-encoding']);
    });
  });
  afterAll(async () => {
    release();
    await browser?.close();
    await close?.();
  });

  it('paints the KPIs and the ranking from the summary while the assignments are held back, then the full overview', async () => {
    gate = new Promise<void>((ok) => (release = ok));
    await page.goto(`${base}/`);
    const summary = (await (await page.request.get(`${base}/api/v1/summary?year=2025`)).json()) as { root: { index: number } };
    await expect.poll(() => page.getByTestId('district-index').textContent(), { timeout: 30_000 }).toBe(summary.root.index.toFixed(1));
    expect(await page.locator('.first-screen').count()).toBe(1);
    expect(await page.locator('.first-screen canvas').count()).toBeGreaterThanOrEqual(1);
    expect(contentEncoding.has('assignments')).toBe(false);

    release();
    await page.waitForSelector('.overview:not(.first-screen) .urgent-list, .overview:not(.first-screen) .empty-state', { timeout: 60_000 });
    expect(await page.getByTestId('district-index').textContent()).toBe(summary.root.index.toFixed(1));
    expect(contentEncoding.get('assignments')).toMatch(/^(br|gzip)$/);
    expect(contentEncoding.get('summary')).toMatch(/^(br|gzip)$/);
  });
});
