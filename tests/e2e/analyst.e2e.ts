/**
 * The analyst's tools (issue 12) in the production build in Chromium: the
 * provenance of an organisation and its CSV, the next-grade plan, a what-if
 * change held in the URL and reset, and rank ranges from the Web Worker — on
 * the worked example behind a real HTTP backend (known figures), then the
 * mock district (the worker on 1,800 organisations). axe on every page.
 */
import { readFileSync } from 'node:fs';
import type { Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { openSession, type Session, seriousViolations } from './browser';
import example from './example-data';
import { startBackend, startPreview } from './servers';

const open = openSession;

const search = (page: Page) => Object.fromEntries(new URL(page.url()).searchParams);

describe('analyst tools on the worked example (real backend, mocks off)', () => {
  let s: Session;
  beforeAll(async () => (s = await open(() => startBackend(example()))));
  afterAll(async () => s?.close());

  it('provenance of T1 adds up, shows a trail, and exports the Provenance CSV', async () => {
    await s.page.goto(`${s.base}/org/T1?lang=en`);
    const panel = s.page.getByTestId('provenance');
    await expect.poll(() => panel.getByTestId('prov-index-total').textContent(), { timeout: 30_000 }).toBe('40.44');
    expect(await panel.getByTestId('prov-own-total').textContent()).toBe('22.20');
    expect(await panel.getByTestId('prov-sub-total').textContent()).toBe('52.60');
    await panel.locator('summary', { hasText: /^Organisation: category score/ }).click();
    const row = panel.getByTestId('prov-category-A').locator('tr', { hasText: 'Membership rate' });
    await row.getByText('Workflow and progress').click();
    await expect.poll(() => row.textContent()).toContain('issued 2025-01-');

    const [download] = await Promise.all([s.page.waitForEvent('download'), panel.getByRole('button', { name: 'Provenance CSV' }).click()]);
    expect(download.suggestedFilename()).toBe('provenance-T1-2025-2025-06-30.csv');
    const lines = readFileSync((await download.path())!, 'utf8')
      .replace(/^\uFEFF/, '')
      .trimEnd()
      .split('\r\n');
    expect(lines).toEqual([
      'indicatorId,categoryId,target,actual,score,contribution',
      'A1,A,90,45,50,15',
      'A2,A,1,0,0,0',
      'B1,B,100,0,0,0',
      'B2,B,1,3,60,7.2',
    ]);
    expect(await seriousViolations(s.page)).toEqual([]);
  });

  it('the next-grade plan of T1 and the children that move it', async () => {
    await s.page.goto(`${s.base}/org/T1`);
    const panel = s.page.getByTestId('next-grade');
    await expect
      .poll(() => panel.getByTestId('next-summary').textContent(), { timeout: 30_000 })
      .toBe('当前指数 40.4（未评级），距 1A（≥ 50）还差 9.56 分。');
    expect(await panel.getByTestId('next-actions').locator('tbody tr').count()).toBe(1);
    expect(await panel.getByTestId('next-actions').textContent()).toContain('按期换届');
    expect(await panel.getByTestId('child-levers').locator('tbody tr').first().textContent()).toContain('乙学校工会');
  });

  it('what-if: α 0.8 moves the district to 4A, the URL holds it, reset restores the official numbers', async () => {
    await s.page.goto(`${s.base}/org/D`);
    await s.page.getByRole('link', { name: '用其他权重模拟' }).click();
    await s.page.waitForURL(/\/whatif/);
    await expect.poll(() => s.page.getByTestId('whatif-sim-index').textContent(), { timeout: 30_000 }).toBe('73.3 3A');
    await s.page.getByRole('spinbutton', { name: 'α' }).fill('0.8');
    await s.page.getByRole('button', { name: '模拟计算' }).click();
    await expect.poll(() => search(s.page).whatif).toBe('a:0.8');
    expect(await s.page.getByTestId('whatif-sim-index').textContent()).toBe('87.9 4A');
    expect(await s.page.getByTestId('whatif-official-index').textContent()).toBe('73.3 3A');
    expect(await s.page.locator('table tbody tr', { hasText: '示例区总工会' }).textContent()).toContain('4A');
    expect(await seriousViolations(s.page)).toEqual([]);

    // the link alone reproduces it
    await s.page.reload();
    await expect.poll(() => s.page.getByTestId('whatif-sim-index').textContent(), { timeout: 30_000 }).toBe('87.9 4A');

    await s.page.getByRole('button', { name: '恢复正式口径' }).click();
    await expect.poll(() => search(s.page).whatif).toBeUndefined();
    expect(await s.page.getByTestId('whatif-sim-index').textContent()).toBe('73.3 3A');
    expect(s.errors).toEqual([]);
  });
});

describe('rank ranges on the mock district (vite preview, mocks on)', () => {
  let s: Session;
  beforeAll(async () => (s = await open(startPreview)));
  afterAll(async () => s?.close());

  it('the orgs table lists a rank range for every ranked organisation, computed in the worker', async () => {
    await s.page.goto(`${s.base}/orgs?lang=en`);
    const header = s.page.getByRole('columnheader', { name: /Rank range/ });
    await header.waitFor({ timeout: 30_000 });
    // columns by their headers (the phone layout decides their order)
    const column = (pattern: string) =>
      s.page.evaluate(
        (p) => [...document.querySelectorAll('table thead th')].findIndex((th) => new RegExp(p).test(th.textContent ?? '')) + 1,
        pattern,
      );
    const rangeColumn = await column('^Rank range');
    const rankColumn = await column('^Rank in tier');
    expect(rangeColumn).toBeGreaterThan(0);
    expect(rankColumn).toBeGreaterThan(0);
    const cells = s.page.locator(`table tbody tr > :nth-child(${rangeColumn})`);
    await expect.poll(async () => (await cells.first().textContent()) ?? '', { timeout: 30_000 }).toMatch(/^\d+(–\d+)?$/);
    const ranks = await s.page.locator(`table tbody tr > :nth-child(${rankColumn})`).allTextContents();
    const ranges = await cells.allTextContents();
    for (let k = 0; k < ranges.length; k++) {
      if (ranks[k] === '—') continue;
      const [lo, hi = lo] = ranges[k].split('–').map(Number);
      expect(lo).toBeLessThanOrEqual(Number(ranks[k]));
      expect(hi).toBeGreaterThanOrEqual(Number(ranks[k]));
    }
    expect(await s.page.evaluate(() => performance.getEntriesByType('resource').some((e) => e.name.includes('robustness.worker')))).toBe(
      true,
    );
    expect(await seriousViolations(s.page)).toEqual([]);
  });

  it('the org page draws its children’s rank intervals', async () => {
    await s.page.goto(`${s.base}/`);
    await s.page.waitForSelector('canvas', { timeout: 30_000 });
    const rootHref = await s.page.locator('.breadcrumb a, a[href*="/org/"]').first().getAttribute('href');
    await s.page.goto(`${s.base}${rootHref!.split('?')[0]}`);
    const card = s.page.getByRole('region', { name: /下级排名区间/ });
    await card.waitFor({ timeout: 30_000 });
    await expect.poll(() => s.page.getByTestId('robust-own').textContent(), { timeout: 30_000 }).toMatch(/区间|—/);
    await card.getByRole('button', { name: '数据表' }).click();
    await expect.poll(async () => card.locator('tbody tr').count(), { timeout: 30_000 }).toBeGreaterThan(1);
    expect(await card.locator('tbody tr').first().textContent()).toMatch(/\d+(–\d+)?$/);
    expect(await seriousViolations(s.page)).toEqual([]);
    expect(s.errors).toEqual([]);
  });
});
