/**
 * The phone layout: a district leader on 浙里办 / 浙政钉 at 390×844. Every view, in both languages:
 * nothing scrolls sideways, the header stays a compact bar, every visible control is a 44 px target (a radio's label is its target),
 * and axe finds nothing serious.
 */
import type { Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { openSession, seriousViolations, type Session } from './browser';
import { startPreview } from './servers';

const VIEWS = [
  '/',
  '/org/T-YINHU',
  '/org/G-0001',
  '/org/T-YINHU/brief',
  '/alerts',
  '/orgs',
  '/demands',
  '/honours',
  '/whatif',
  '/methodology',
];
const CASES = VIEWS.flatMap((view) => [
  { view, lang: 'zh' as const },
  { view, lang: 'en' as const },
]);

/** Visible controls under 44 px high (or wide): what a finger would miss. Inline links inside prose are exempt (WCAG 2.5.8). */
function smallTargets(page: Page): Promise<string[]> {
  return page.evaluate(() =>
    [...document.querySelectorAll<HTMLElement>('a[href], button, select, input, summary, [role="button"], [role="tab"]')]
      .filter((e) => {
        const r = e.getBoundingClientRect();
        if (r.width < 2 || r.height < 2 || e.closest('.visually-hidden') || e.classList.contains('skip-link')) return false;
        if (getComputedStyle(e).visibility === 'hidden') return false;
        if (e.tagName === 'A' && e.closest('p')) return false;
        // a radio or checkbox inside its label: the label is what a finger taps
        const label = e.matches('input[type="radio"], input[type="checkbox"]') ? e.closest('label')?.getBoundingClientRect() : undefined;
        if (label && label.height >= 43.5 && label.width >= 43.5) return false;
        return r.height < 43.5 || r.width < 43.5;
      })
      .map(
        (e) =>
          `${e.tagName.toLowerCase()}.${e.className} "${(e.textContent ?? '').trim().slice(0, 20)}" ${Math.round(e.getBoundingClientRect().width)}×${Math.round(e.getBoundingClientRect().height)}`,
      ),
  );
}

describe('phone layout at 390×844', () => {
  let session: Session;
  let page: Page;
  let base: string;

  beforeAll(async () => {
    session = await openSession(startPreview, { width: 390, height: 844 });
    ({ page, base } = session);
  });
  afterAll(async () => {
    await session?.close();
  });

  it.each(CASES)('$view ($lang): no sideways scroll, 44 px targets, compact header, axe clean', async ({ view, lang }) => {
    await page.goto(`${base}${view}${lang === 'en' ? '?lang=en' : ''}`);
    // the view has painted its data (not the loading skeleton)
    await page.waitForSelector('main [aria-busy="true"]', { state: 'detached', timeout: 30_000 });
    await page.waitForSelector('main h2', { timeout: 30_000 });
    await page.waitForTimeout(300);

    expect(await page.evaluate(() => document.documentElement.scrollWidth)).toBeLessThanOrEqual(390);
    const header = await page.evaluate(() => document.querySelector('.app-header')!.getBoundingClientRect().height);
    expect(header).toBeLessThanOrEqual(120);
    expect(await smallTargets(page)).toEqual([]);

    // the folded controls open from the menu button and still fit the width
    const toggle = page.locator('.menu-toggle');
    await toggle.click();
    await expect.poll(() => toggle.getAttribute('aria-expanded')).toBe('true');
    expect(await page.locator('#header-controls select').isVisible()).toBe(true);
    expect(await page.evaluate(() => document.documentElement.scrollWidth)).toBeLessThanOrEqual(390);
    expect(await smallTargets(page)).toEqual([]);

    expect(await seriousViolations(page)).toEqual([]);
    await toggle.click();
  });

  it('keeps the name, index and alert of a wide table on screen', async () => {
    await page.goto(`${base}/orgs?lang=en`);
    await page.waitForSelector('.data-table tbody tr', { timeout: 30_000 });
    const visible = await page.evaluate(() => {
      const table = document.querySelector<HTMLTableElement>('.table-wrap .data-table')!;
      const heads = [...table.tHead!.rows[0].cells].map((c) => ({ text: c.textContent ?? '', right: c.getBoundingClientRect().right }));
      return heads.filter((h) => h.right <= innerWidth).map((h) => h.text);
    });
    expect(visible.some((h) => h.startsWith('Name') || h.startsWith('Organisation'))).toBe(true);
    expect(visible.some((h) => h.startsWith('Index'))).toBe(true);
    expect(visible.some((h) => h.startsWith('Alert'))).toBe(true);
  });

  it.each(['/', '/orgs'])('an explanation (?) on %s opens whole on screen, above the pinned names', async (view) => {
    await page.goto(`${base}${view}`);
    await page.waitForSelector('main [aria-busy="true"]', { state: 'detached', timeout: 30_000 });
    // the rightmost (?) of the page: on /orgs one in the sticky header of the scrolling table
    const buttons = page.locator('main .term-button');
    const rights = await buttons.evaluateAll((bs) => bs.map((b) => b.getBoundingClientRect().right));
    await buttons.nth(rights.indexOf(Math.max(...rights))).click();
    const tip = await page.evaluate(() => {
      const t = document.querySelector('.term-tip')!;
      const r = t.getBoundingClientRect();
      const hit = document.elementFromPoint(r.left + r.width / 2, r.top + r.height / 2);
      return { left: r.left, right: r.right, bottom: r.bottom, onTop: t === hit || t.contains(hit) };
    });
    expect(tip.left).toBeGreaterThanOrEqual(0);
    expect(tip.right).toBeLessThanOrEqual(390);
    expect(tip.bottom).toBeLessThanOrEqual(844);
    expect(tip.onTop).toBe(true);
  });

  it.each(['zh', 'en'] as const)('the command screen (%s) says it is made for a wall and leads to the overview', async (lang) => {
    await page.goto(`${base}/screen?lang=${lang}`);
    const note = page.locator('.scr-phone-note');
    await note.waitFor({ timeout: 30_000 });
    const link = note.getByRole('link');
    const box = (await link.boundingBox())!;
    expect(box.height).toBeGreaterThanOrEqual(43.5);
    expect(box.x + box.width).toBeLessThanOrEqual(390);
    await link.click();
    await page.waitForSelector('.overview', { timeout: 30_000 });
    expect(await page.locator('html').getAttribute('lang')).toBe(lang === 'zh' ? 'zh-CN' : 'en');
    expect(await page.evaluate(() => document.documentElement.classList.contains('screen-mode'))).toBe(false);
  });
});
