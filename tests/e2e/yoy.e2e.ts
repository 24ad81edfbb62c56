/**
 * Issue 11 in Chromium (production build, mock district): the as-of field
 * typed as a person types it, the compare-with-last-year toggle, the (?) term
 * explanations by keyboard and touch, the 表彰/退出 page, and axe on each.
 */
import type { Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { isHarmlessBrowserMessage, launch, type Browser, seriousViolations } from './browser';
import { startPreview } from './servers';

const search = (page: Page) => Object.fromEntries(new URL(page.url()).searchParams);

async function settled(page: Page) {
  await page.getByRole('main').waitFor();
  await page.waitForFunction(() => !document.querySelector('[aria-busy="true"]'), undefined, { timeout: 30_000 });
  await page.waitForTimeout(300);
}

describe('issue 11 in the browser', () => {
  let server: { url: string; close: () => Promise<void> };
  let browser: Browser;
  let page: Page;
  const errors: string[] = [];
  beforeAll(async () => {
    server = await startPreview();
    browser = await launch();
    page = await browser.context.newPage();
    page.on('pageerror', (e) => {
      if (!isHarmlessBrowserMessage(e.message)) errors.push(`pageerror: ${e.message}`);
    });
    page.on('console', (m) => {
      if (m.type() === 'error' && !isHarmlessBrowserMessage(m.text())) errors.push(`console: ${m.text()}`);
    });
  });
  afterAll(async () => {
    await browser?.close();
    await server?.close();
  });

  it('the date field: 03152025 commits nothing; 2025-03-15 + Enter commits once; the field reads YYYY-MM-DD', async () => {
    await page.goto(`${server.url}/`);
    await settled(page);
    const field = page.getByLabel('截至日期');
    expect(await field.inputValue()).toBe('2025-06-30');
    const entries = await page.evaluate(() => history.length);
    await field.fill('');
    await field.pressSequentially('03152025');
    await field.press('Enter');
    expect(search(page).asOf).toBeUndefined();
    await expect.poll(() => page.getByRole('alert').textContent()).toContain('YYYY-MM-DD');
    await field.fill('');
    await field.pressSequentially('2025-03-15');
    expect(search(page).asOf).toBeUndefined();
    await field.press('Enter');
    await expect.poll(() => search(page).asOf).toBe('2025-03-15');
    expect(await page.evaluate(() => history.length)).toBe(entries + 1);
    // English keeps the same format
    await page.goto(`${server.url}/?lang=en&asOf=2025-03-15`);
    await settled(page);
    expect(await page.getByLabel('As of').inputValue()).toBe('2025-03-15');
  });

  it('a date past the data says so where the date is chosen', async () => {
    await page.goto(`${server.url}/?asOf=2026-05-01`);
    await settled(page);
    await expect.poll(() => page.getByText('数据截至 2025-06-30').count()).toBe(1);
    expect(await page.getByLabel('截至日期').inputValue()).toBe('2025-06-30');
  });

  it('compare with last year: one click, the change on the KPI card, the pace line on the trend', async () => {
    await page.goto(`${server.url}/`);
    await settled(page);
    await page.getByRole('button', { name: '对比上年' }).click();
    await expect.poll(() => search(page).compare).toBe('2024');
    await expect.poll(() => page.getByTestId('district-index-change').textContent(), { timeout: 30_000 }).toMatch(/^[▲▼±]/);
    await settled(page);
    const trend = page.getByRole('region', { name: '月度趋势' });
    await expect.poll(() => trend.getByText('序时进度').count()).toBeGreaterThan(0);
    expect(await page.getByRole('button', { name: '对比上年' }).getAttribute('aria-pressed')).toBe('true');
    expect(await seriousViolations(page)).toEqual([]);
  });

  it('a term explained by keyboard and by touch', async () => {
    await page.goto(`${server.url}/`);
    await settled(page);
    const help = page.getByRole('button', { name: '说明：本级 / 下级' }).first();
    await help.focus();
    await page.keyboard.press('Enter');
    expect(await help.getAttribute('aria-expanded')).toBe('true');
    const live = page.locator(`[id="${await help.getAttribute('aria-controls')}"]`);
    await expect.poll(() => live.textContent()).toContain('本级');
    expect(await seriousViolations(page)).toEqual([]);
    await page.keyboard.press('Escape');
    expect(await help.getAttribute('aria-expanded')).toBe('false');
    await help.tap().catch(async () => help.click()); // tap needs hasTouch; a click is the same pointer path
    expect(await help.getAttribute('aria-expanded')).toBe('true');
    await page.mouse.click(5, 400);
    expect(await help.getAttribute('aria-expanded')).toBe('false');
  });

  it.each(['/honours', '/orgs?compare=2024', '/alerts?q=银湖', '/org/T-YINHU?compare=2024', '/?lang=en&compare=2024'])(
    'axe: no serious or critical violations on %s',
    async (url) => {
      await page.goto(`${server.url}${url}`);
      await settled(page);
      expect(await seriousViolations(page)).toEqual([]);
    },
  );

  it('the 表彰/退出 page is one click from the grade card', async () => {
    await page.goto(`${server.url}/`);
    await settled(page);
    await page.getByRole('link', { name: '表彰与退出名单' }).click();
    await expect.poll(() => new URL(page.url()).pathname).toBe('/honours');
    await expect.poll(() => page.getByRole('heading', { name: /^表彰名单/ }).count()).toBe(1);
    await expect.poll(() => page.getByRole('heading', { name: /^退出名单/ }).count()).toBe(1);
  });

  it('wrote no errors to the console', () => {
    expect(errors).toEqual([]);
  });
});
