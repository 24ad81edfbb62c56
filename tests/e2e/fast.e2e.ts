/**
 * The fast first screen against the real HTTP backend (mocks off): the overview paints from GET /v1/summary while
 * the year's assignments are still on their way, then the full overview takes over; the year's payloads travel
 * compressed.
 */
import type { Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { mockDistrict, mockMeta } from '../../mocks/data/district';
import type { ApiData } from '../../server/serve';
import { launch, openSession, type Browser, type Session } from './browser';
import { drillFrames, firstTownBar, watchDrill } from './drillProbe';
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
    // the overview from the summary: busy (the year still loads) but whole
    expect(await page.locator('.overview[aria-busy="true"]').count()).toBe(1);
    // what moves while it loads (the progress bar) moves on the compositor: no repaint per frame on a busy phone
    const animated = await page.evaluate(() =>
      document
        .getAnimations()
        .flatMap((a) => (a.effect as KeyframeEffect).getKeyframes())
        .flatMap((k) => Object.keys(k).filter((p) => !['offset', 'computedOffset', 'easing', 'composite'].includes(p))),
    );
    expect(animated.length).toBeGreaterThan(0);
    expect([...new Set(animated)]).toEqual(['transform']);
    // ECharts is a lazy chunk, and a phone draws a chart when it comes near the screen: scroll to the ranking
    // (the skeleton standing in the ranking's area has its class too: the chart card is what replaces it)
    await page.locator('.area-ranking.chart-card').scrollIntoViewIfNeeded();
    await expect.poll(() => page.locator('.overview[aria-busy="true"] .area-ranking canvas').count(), { timeout: 30_000 }).toBe(1);
    expect(await page.locator('.overview[aria-busy="true"] .urgent-list li').count()).toBeGreaterThan(0);
    expect(contentEncoding.has('assignments')).toBe(false);
    // the year is still loading, and the page says so
    expect(await page.getByTestId('load-progress').textContent()).toMatch(/^(已加载|Loaded )?\s*\d+(\.\d)? (KB|MB)/);

    // the year's arrival changes numbers' source, not the page: the chart drawn from the summary is the same canvas
    await page.evaluate(
      () => ((window as unknown as { rankingCanvas: Element | null }).rankingCanvas = document.querySelector('.area-ranking canvas')),
    );
    release();
    await page.waitForSelector('.overview:not([aria-busy]) .urgent-list, .overview:not([aria-busy]) .empty-state', { timeout: 60_000 });
    expect(await page.getByTestId('district-index').textContent()).toBe(summary.root.index.toFixed(1));
    expect(
      await page.evaluate(
        () => document.querySelector('.area-ranking canvas') === (window as unknown as { rankingCanvas: Element | null }).rankingCanvas,
      ),
    ).toBe(true);
    expect(await page.getByTestId('load-progress').count()).toBe(0);
    expect(contentEncoding.get('assignments')).toMatch(/^(br|gzip)$/);
    expect(contentEncoding.get('summary')).toMatch(/^(br|gzip)$/);
  });
});

describe('the first screen’s requests start before the app’s JavaScript has arrived (public/boot.js)', () => {
  let browser: Browser;
  let close: () => Promise<void> = async () => undefined;
  afterAll(async () => {
    await browser?.close();
    await close();
  });

  it('asks for config, meta and the default summary while the app is held back, and the app uses those answers', async () => {
    const server = await startBackend(districtData());
    close = server.close;
    browser = await launch({ width: 390, height: 844 });
    const page = await browser.context.newPage();
    const asked: string[] = [];
    page.on('request', (r) => {
      const url = new URL(r.url());
      if (url.pathname === '/config.json' || url.pathname.startsWith('/api/')) asked.push(url.pathname + url.search);
    });
    // the app's own script is held until the three requests are seen: nothing but boot.js can have made them
    let releaseApp: () => void = () => undefined;
    const appHeld = new Promise<void>((ok) => (releaseApp = ok));
    await page.route(/\/assets\/index-[^/]*\.js$/, async (route) => {
      await appHeld;
      await route.continue();
    });
    const meta = (await (await page.request.get(`${server.url}/api/v1/meta`)).json()) as { defaultYear: number; asOf: string };
    const summaryUrl = `/api/v1/summary?year=${meta.defaultYear}&asOf=${meta.asOf}`;
    await page.goto(`${server.url}/`, { waitUntil: 'commit' });
    await expect.poll(() => asked, { timeout: 30_000 }).toEqual(['/config.json', '/api/v1/meta', summaryUrl]);
    releaseApp();
    const summary = (await (await page.request.get(`${server.url}${summaryUrl}`)).json()) as { root: { index: number } };
    await expect.poll(() => page.getByTestId('district-index').textContent(), { timeout: 30_000 }).toBe(summary.root.index.toFixed(1));
    // the app took those answers: it asked none of the three again (the year itself it asks for now)
    expect(asked.filter((u) => u === '/config.json' || u === '/api/v1/meta' || u.startsWith('/api/v1/summary'))).toEqual([
      '/config.json',
      '/api/v1/meta',
      summaryUrl,
    ]);
  });
});

/** What IndexedDB keeps for the app: key → generatedAt of kept years (and "meta" entries). */
function kept(page: Page): Promise<Record<string, string>> {
  return page.evaluate(
    () =>
      new Promise<Record<string, string>>((resolve) => {
        const req = indexedDB.open('jianjia-years', 1);
        req.onupgradeneeded = () => req.result.createObjectStore('entries');
        req.onsuccess = () => {
          const out: Record<string, string> = {};
          const cursor = req.result.transaction('entries').objectStore('entries').openCursor();
          cursor.onsuccess = () => {
            const c = cursor.result;
            if (!c) return resolve(out);
            out[String(c.key).split('\u0001').slice(1).join('/')] = (c.value as { generatedAt: string }).generatedAt;
            c.continue();
          };
        };
      }),
  );
}

describe('repeat visits: the year kept in the browser', () => {
  let browser: Browser;
  let page: Page;
  let base: string;
  let close: () => Promise<void>;
  let current = districtData();
  let stallMeta = false;
  let unauthorized = false;
  let release: () => void = () => undefined;
  // one gate for every stalled request, so releasing it lets them all go
  const stalled = new Promise<void>((ok) => (release = ok));

  beforeAll(async () => {
    const server = await startBackend(
      () => current,
      async (resource) => {
        if (resource === 'meta' && unauthorized)
          return { status: 401, body: JSON.stringify({ error: { code: 'unauthorized', message: 'signed out' } }) };
        if (stallMeta) await stalled;
        return undefined;
      },
    );
    base = server.url;
    close = server.close;
    browser = await launch({ width: 390, height: 844 });
    page = await browser.context.newPage();
  });
  afterAll(async () => {
    release();
    await browser?.close();
    await close?.();
  });

  const fullOverview = () => page.waitForSelector('.overview:not([aria-busy]) .urgent-list', { timeout: 60_000 });
  const generatedAt = (d: ApiData) => (d.meta as { generatedAt: string }).generatedAt;

  it('keeps the year after a visit, then paints from it with the API stalled', async () => {
    await page.goto(`${base}/`);
    await fullOverview();
    const index = await page.getByTestId('district-index').textContent();
    await expect.poll(() => kept(page)).toMatchObject({ meta: generatedAt(current), [`year//2025`]: generatedAt(current) });

    stallMeta = true; // every API request now hangs: only the device can paint
    await page.reload();
    await fullOverview();
    expect(await page.getByTestId('district-index').textContent()).toBe(index);
    stallMeta = false;
    release();
  });

  it('replaces the kept year when generatedAt changes', async () => {
    const next = districtData();
    (next.meta as { generatedAt: string }).generatedAt = '2025-07-01T10:00:00+08:00';
    current = next;
    await page.reload();
    await fullOverview();
    await expect.poll(() => kept(page)).toMatchObject({ meta: '2025-07-01T10:00:00+08:00', [`year//2025`]: '2025-07-01T10:00:00+08:00' });
  });

  it('drops everything kept on a 401', async () => {
    unauthorized = true;
    await page.reload();
    await expect.poll(() => kept(page)).toEqual({});
    unauthorized = false;
  });
});

describe('the first drill on a first visit (the overview painted from the summary)', () => {
  let session: Session;
  let page: Page;
  let base: string;

  beforeAll(async () => {
    session = await openSession(() => startBackend(districtData())); // at 1920×1080
    ({ page, base } = session);
  });
  afterAll(async () => {
    await session?.close();
  });

  it("paints the town's charts, its trend among them, in the first frame that shows its page", async () => {
    await page.goto(`${base}/`);
    await page.waitForSelector('.overview:not([aria-busy]) .urgent-list', { timeout: 60_000 });
    // the overview stayed on the summary: its trend is the summary's, the year's is computed while the page is idle
    await page.evaluate(() => new Promise((done) => requestIdleCallback(() => setTimeout(done, 1000))));
    const bar = await firstTownBar(page);
    await watchDrill(page);
    await page.mouse.click(bar.x, bar.y);
    const { page: first, charts, count } = await drillFrames(page);
    expect(count).toBeGreaterThanOrEqual(7);
    expect(charts).toBeLessThanOrEqual(first);
  });
});
