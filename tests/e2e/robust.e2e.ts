/**
 * Issue 8 in a real browser, against the real HTTP backend (mocks off): a
 * 100k-character name, a 5,000-deep tree and 1e308 members; a view that throws;
 * a year that fails to load. Each time the header stays, the page says what
 * happened in its language, nothing floods the page, axe finds nothing serious
 * and the console holds only the render error the test caused.
 */
import type { Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { launch, type Browser, seriousViolations } from './browser';
import example from './example-data';
import { startBackend } from './servers';

const LONG_NAME = '长'.repeat(100_000);
const DEPTH = 5000;
/** What the test makes a view throw (and what React then reports on the console). */
const POISON = 'e2e: poisoned number formatting';

/** Nothing wider than the window: a long name or a deep breadcrumb would push the page sideways. */
const overflowX = (page: Page) => page.evaluate(() => document.documentElement.scrollWidth - window.innerWidth);

describe('hostile data, a throwing view and a failed year in the browser', () => {
  let browser: Browser;
  let page: Page;
  let base: string;
  let closeServer: () => Promise<void>;
  const errors: string[] = [];

  beforeAll(async () => {
    const data = example();
    // 2024 is listed but the backend has nothing for it: switching to it fails
    (data.meta as { years: number[] }).years = [2024, 2025];
    const orgs = data.years[2025].orgs as { id: string; name: string; tier: string; parentId: string | null; members: number }[];
    const g1 = orgs.find((o) => o.id === 'G1')!;
    g1.name = LONG_NAME;
    g1.members = 1e308;
    for (let k = 0; k < DEPTH; k++)
      orgs.push({ id: `C${k}`, name: `第${k}级工会`, tier: 'grassroots', parentId: k === 0 ? 'G1' : `C${k - 1}`, members: 1 });
    const server = await startBackend(data);
    base = server.url;
    closeServer = server.close;
    browser = await launch({ width: 1366, height: 768 });
    page = await browser.context.newPage();
    page.on('console', (m) => {
      // the render error this test causes on purpose is reported by React and the router: expected
      if (m.text().includes(POISON) || m.text().startsWith('Warning: Error in route match')) return;
      // the browser's own line for an HTTP 404: this backend has no 2024 (the failed year) and no /v1/summary for it, by design
      if (m.text() === 'Failed to load resource: the server responded with a status of 404 (Not Found)') return;
      if (m.type() === 'error' || m.type() === 'warning') errors.push(`${m.type()}: ${m.text()}`);
    });
    page.on('pageerror', (e) => errors.push(`pageerror: ${e.message}`));
    // a switch the test flips to make number formatting throw inside a view's render
    await page.addInitScript((message) => {
      const proto = Intl.NumberFormat.prototype;
      const format = Object.getOwnPropertyDescriptor(proto, 'format')!;
      Object.defineProperty(proto, 'format', {
        configurable: true,
        get(this: Intl.NumberFormat) {
          if ((window as unknown as { poison?: boolean }).poison) throw new Error(message);
          return format.get!.call(this);
        },
      });
    }, POISON);
  });
  afterAll(async () => {
    await browser?.close();
    await closeServer?.();
  });

  it('a 100k-character name and 1e308 members stay on one line, in full in the title', async () => {
    await page.goto(`${base}/org/G1`);
    const title = page.locator('h2.org-title');
    await title.waitFor();
    expect(await title.getAttribute('title')).toBe(LONG_NAME);
    const box = (await title.boundingBox())!;
    expect(box.height).toBeLessThan(60);
    expect(box.width).toBeLessThanOrEqual(1366);
    expect(await page.getByText(/会员数 1e\+308/).count()).toBe(1);
    expect(await overflowX(page)).toBeLessThanOrEqual(0);
    expect(await seriousViolations(page)).toEqual([]);
  });

  it('a 5,000-deep breadcrumb collapses to the root, …, the last three', async () => {
    await page.goto(`${base}/org/C${DEPTH - 1}`);
    const crumbs = page.getByRole('navigation', { name: '层级导航' });
    await crumbs.waitFor();
    expect(await crumbs.getByRole('listitem').allTextContents()).toEqual([
      '示例区总工会',
      '…省略了 4999 级',
      '第4997级工会',
      '第4998级工会',
      '第4999级工会',
    ]);
    expect((await crumbs.boundingBox())!.height).toBeLessThan(40);
    expect(await overflowX(page)).toBeLessThanOrEqual(0);
  });

  it('a view that throws: a message in the chosen language below the header, then retry works', async () => {
    await page.goto(`${base}/?lang=en`);
    await page.getByTestId('district-index').waitFor();
    await page.evaluate(() => ((window as unknown as { poison: boolean }).poison = true));
    await page.getByRole('navigation', { name: 'Jianjia index · One screen' }).getByRole('link', { name: 'Methodology' }).click();
    const alert = page.getByRole('alert');
    await alert.getByRole('heading', { name: 'This page could not be shown' }).waitFor();
    expect(await alert.textContent()).toContain(POISON);
    expect(await page.getByText('Something went wrong!').count()).toBe(0);
    expect(await page.getByRole('combobox', { name: 'Year' }).isEnabled()).toBe(true);
    expect(await seriousViolations(page)).toEqual([]);
    await page.evaluate(() => ((window as unknown as { poison: boolean }).poison = false));
    await alert.getByRole('button', { name: 'Retry' }).click();
    await page.getByRole('heading', { name: 'Methodology' }).waitFor();
    expect(await page.getByRole('alert').count()).toBe(0);
  });

  it('a failed year switch names the year, keeps the picker and offers the years that work', async () => {
    await page.goto(`${base}/`);
    await page.getByTestId('district-index').waitFor();
    await page.getByRole('combobox', { name: '年度' }).selectOption('2024');
    const alert = page.getByRole('alert');
    await alert.getByRole('heading', { name: '2024 年数据加载失败' }).waitFor();
    expect(await page.getByTestId('district-index').count()).toBe(0);
    expect(await page.getByRole('combobox', { name: '年度' }).isEnabled()).toBe(true);
    expect(await seriousViolations(page)).toEqual([]);
    await alert.getByRole('link', { name: '查看 2025 年' }).click();
    await page.getByTestId('district-index').waitFor();
    expect(new URL(page.url()).searchParams.get('year')).toBe('2025');
  });

  it('wrote nothing else to the console', () => expect(errors).toEqual([]));
});
