/**
 * Layout defects from a screenshot review, each checked where it was seen: the phone's pinned name column ends a
 * cut name with "…", the phone's navigation shows that it goes on and every view is reachable, the overview heatmap
 * has room for every town on a phone, the English /orgs list fits its box at 1920 px, a town's histogram fills its
 * card, and a 4K screen reads like the 1920 px view scaled. axe finds nothing serious on the pages changed.
 */
import type { Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { openSession, seriousViolations, type Session } from './browser';
import { startPreview } from './servers';

const PHONE = { width: 390, height: 844 };
const DESKTOP = { width: 1920, height: 1080 };
const LANGS = ['zh', 'en'] as const;

describe('layout review fixes', () => {
  let session: Session;
  let page: Page;
  let base: string;

  // each check sets its own viewport (open below)
  beforeAll(async () => {
    session = await openSession(startPreview);
    ({ page, base } = session);
  });
  afterAll(async () => {
    await session?.close();
  });

  async function open(view: string, lang: 'zh' | 'en', size: { width: number; height: number }) {
    await page.setViewportSize(size);
    await page.goto(`${base}${view}${view.includes('?') ? '&' : '?'}${lang === 'en' ? 'lang=en' : 'lang=zh'}`);
    await page.waitForSelector('main [aria-busy="true"]', { state: 'detached', timeout: 30_000 });
    await page.waitForSelector('main h2', { timeout: 30_000 });
  }

  it.each(LANGS)('390 px, /orgs (%s): a name cut in the pinned column ends in "…", whole in its title, column no wider', async (lang) => {
    await open('/orgs', lang, PHONE);
    await page.waitForSelector('.data-table tbody tr', { timeout: 30_000 });
    const names = await page.evaluate(() =>
      [...document.querySelectorAll<HTMLElement>('.data-table tbody tr > :first-child a.org-name')].map((a) => {
        const s = getComputedStyle(a);
        return {
          text: a.textContent ?? '',
          title: a.title,
          cut: a.scrollWidth > a.clientWidth + 1,
          ellipsis: s.textOverflow === 'ellipsis' && s.overflow === 'hidden' && s.whiteSpace === 'nowrap' && s.display !== 'inline-flex',
          cellWidth: a.closest('td')!.getBoundingClientRect().width,
          em: parseFloat(s.fontSize),
        };
      }),
    );
    expect(names.length).toBeGreaterThan(10);
    // the demo district has names longer than the column: they are the ones this is about
    expect(names.filter((n) => n.cut).length).toBeGreaterThan(0);
    for (const n of names) {
      expect(n.ellipsis, n.text).toBe(true);
      expect(n.title, n.text).toBe(n.text);
      // the column stays as narrow as it was (at most 9 em plus its padding)
      expect(n.cellWidth).toBeLessThanOrEqual(9 * n.em + 10);
    }
  });

  it.each(LANGS)(
    '390 px, / (%s): the nav strip fades where more views lie beyond it; the menu shows them all, 44 px each',
    async (lang) => {
      await open('/', lang, PHONE);
      const strip = () =>
        page.evaluate(() => {
          const nav = document.querySelector<HTMLElement>('.main-nav')!;
          const s = getComputedStyle(nav);
          return {
            overflows: nav.scrollWidth > nav.clientWidth + 1,
            start: s.getPropertyValue('--nav-fade-start').trim(),
            end: s.getPropertyValue('--nav-fade-end').trim(),
            mask: s.maskImage || s.getPropertyValue('-webkit-mask-image'),
          };
        });
      const first = await strip();
      expect(first.overflows).toBe(true);
      expect(first.mask).toContain('linear-gradient');
      // scrolled to the start: a fade on the right edge only
      expect(first.end).toBe('48px');
      expect(first.start).toBe('0px');
      await page.evaluate(() => {
        const nav = document.querySelector<HTMLElement>('.main-nav')!;
        nav.scrollLeft = nav.scrollWidth;
      });
      await expect.poll(async () => (await strip()).end).toBe('0px');
      expect((await strip()).start).toBe('48px');

      await page.locator('.menu-toggle').click();
      const links = await page.evaluate(() =>
        [...document.querySelectorAll<HTMLElement>('.main-nav a')].map((a) => {
          const r = a.getBoundingClientRect();
          return { text: a.textContent, left: r.left, right: r.right, width: r.width, height: r.height };
        }),
      );
      expect(links.length).toBeGreaterThanOrEqual(5);
      for (const l of links) {
        expect(l.left, l.text ?? '').toBeGreaterThanOrEqual(0);
        expect(l.right, l.text ?? '').toBeLessThanOrEqual(PHONE.width);
        expect(l.height).toBeGreaterThanOrEqual(43.5);
        expect(l.width).toBeGreaterThanOrEqual(43.5);
      }
      expect(await page.evaluate(() => document.documentElement.scrollWidth)).toBeLessThanOrEqual(PHONE.width);
      await page.locator('.menu-toggle').click();
    },
  );

  it.each(LANGS)('390 px, / (%s): the heatmap is tall enough for every town under upright names', async (lang) => {
    await open('/', lang, PHONE);
    // the skeleton in the heatmap's area has its class too: scroll to the card that replaces it, not to the skeleton
    await page.locator('.area-heatmap.chart-card').scrollIntoViewIfNeeded();
    await page.waitForSelector('.area-heatmap canvas', { timeout: 30_000 });
    const height = await page.evaluate(() => document.querySelector('.area-heatmap canvas')!.getBoundingClientRect().height);
    // 28 towns at 11 px a row under 140 px of upright names (buildHeatmapOption's tall-card rule)
    expect(height).toBeGreaterThanOrEqual(28 * 11 + 140);
  });

  it.each([
    { lang: 'zh' as const, size: DESKTOP },
    { lang: 'en' as const, size: DESKTOP },
    { lang: 'zh' as const, size: { width: 1366, height: 768 } },
    { lang: 'en' as const, size: { width: 1366, height: 768 } },
  ])('$size.width px, /orgs ($lang): the list fits its box, every header whole', async ({ lang, size }) => {
    await open('/orgs', lang, size);
    await page.waitForSelector('.data-table tbody tr', { timeout: 30_000 });
    const fit = await page.evaluate(() => {
      const wrap = document.querySelector<HTMLElement>('.list-page .table-wrap')!;
      const heads = [...wrap.querySelectorAll<HTMLElement>('thead th')];
      const box = wrap.getBoundingClientRect();
      return {
        scroll: wrap.scrollWidth,
        client: wrap.clientWidth,
        page: document.documentElement.scrollWidth,
        outside: heads.filter((h) => h.getBoundingClientRect().right > box.right + 0.5).map((h) => h.textContent),
      };
    });
    expect(fit.scroll).toBeLessThanOrEqual(fit.client);
    expect(fit.outside).toEqual([]);
    expect(fit.page).toBeLessThanOrEqual(size.width);
  });

  it('1920 px, /org/T-YINHU: the histogram and scatter draw in their whole card beside the taller ranking', async () => {
    await open('/org/T-YINHU', 'en', DESKTOP);
    await page.locator('.children-grid').scrollIntoViewIfNeeded();
    await page.waitForFunction(() => document.querySelectorAll('.children-grid > .chart-card canvas').length >= 4, undefined, {
      timeout: 30_000,
    });
    const cards = await page.evaluate(() =>
      [...document.querySelectorAll<HTMLElement>('.children-grid > .chart-card')].map((card) => {
        const body = card.querySelector<HTMLElement>('.card-body')!.getBoundingClientRect();
        const canvas = card.querySelector('canvas')!.getBoundingClientRect();
        return { top: card.getBoundingClientRect().top, body: body.height, canvas: canvas.height };
      }),
    );
    // four cards on one row
    expect(new Set(cards.map((c) => Math.round(c.top))).size).toBe(1);
    for (const c of cards) expect(c.canvas).toBeGreaterThanOrEqual(c.body - 2);
  });

  it('1366 px, /org/T-YINHU: the four children cards stand two by two, none alone on a row', async () => {
    await open('/org/T-YINHU', 'en', { width: 1366, height: 768 });
    await page.waitForSelector('.children-grid > .chart-card', { timeout: 30_000 });
    const rows = await page.evaluate(() => {
      const tops = new Map<number, number>();
      for (const card of document.querySelectorAll('.children-grid > .chart-card')) {
        const top = Math.round(card.getBoundingClientRect().top);
        tops.set(top, (tops.get(top) ?? 0) + 1);
      }
      return [...tops.values()];
    });
    expect(rows).toEqual([2, 2]);
  });

  it.each(['/org/T-YINHU', '/org/G-0001'])('1366 px, %s (en): the next-grade plan fits its card', async (view) => {
    await open(view, 'en', { width: 1366, height: 768 });
    const card = page.getByTestId('next-grade');
    await card.waitFor({ timeout: 30_000 });
    const wraps = await card.evaluate((c) => [...c.querySelectorAll('.table-wrap')].map((w) => w.scrollWidth - w.clientWidth));
    expect(wraps.length).toBeGreaterThan(0);
    for (const overflow of wraps) expect(overflow).toBeLessThanOrEqual(0);
  });

  it('an org page opened first styles its demands section (tallies in a grid, headings spaced from them)', async () => {
    await open('/org/T-YINHU', 'en', { width: 1366, height: 768 });
    const section = page.locator('.demand-section');
    await section.waitFor({ timeout: 30_000 });
    const style = await section.evaluate((s) => ({
      tally: getComputedStyle(s.querySelector('.demand-tally')!).display,
      gap: parseFloat(getComputedStyle(s.querySelector('.subhead')!).marginTop),
    }));
    expect(style.tally).toBe('grid');
    expect(style.gap).toBeGreaterThan(4);
  });

  it('3840 px: type and charts are the 1920 px view scaled (2×); /screen keeps its own scale', async () => {
    const sizes = async () =>
      page.evaluate(() => ({
        root: parseFloat(getComputedStyle(document.documentElement).fontSize),
        title: parseFloat(getComputedStyle(document.querySelector('main h2')!).fontSize),
        kpi: parseFloat(getComputedStyle(document.querySelector('.kpi-value')!).fontSize),
        header: document.querySelector('.app-header')!.getBoundingClientRect().height,
      }));
    await open('/', 'en', DESKTOP);
    const hd = await sizes();
    await open('/', 'en', { width: 3840, height: 2160 });
    const uhd = await sizes();
    expect(hd.root).toBe(14);
    expect(uhd.root).toBeCloseTo(28, 0);
    expect(uhd.title).toBeCloseTo(2 * hd.title, 0);
    expect(uhd.kpi).toBeCloseTo(2 * hd.kpi, 0);
    expect(uhd.header).toBeCloseTo(2 * hd.header, -1);
    // the overview's one screen is still one screen
    expect(await page.evaluate(() => document.documentElement.scrollHeight)).toBeLessThanOrEqual(2160 + 2 * 80);

    // charts follow: a card that asks for 260 px (the town's histogram) gets 520 at 3840 px
    await open('/org/T-YINHU', 'en', { width: 3840, height: 2160 });
    await page.waitForSelector('.children-grid > .chart-card', { timeout: 30_000 });
    expect(
      await page.evaluate(() => document.querySelectorAll<HTMLElement>('.children-grid > .chart-card .card-body')[1].style.minHeight),
    ).toBe('520px');

    await page.goto(`${base}/screen?lang=en`);
    await page.waitForSelector('html.screen-mode', { timeout: 30_000 });
    expect(await page.evaluate(() => parseFloat(getComputedStyle(document.documentElement).fontSize))).toBe(14);
  });

  // at 390 px these pages are axe-checked in both languages by phone.e2e.ts
  it.each([
    { view: '/', size: DESKTOP },
    { view: '/orgs', size: DESKTOP },
    { view: '/org/T-YINHU', size: DESKTOP },
  ])('axe: $view at $size.width px (en) has no serious or critical violations', async ({ view, size }) => {
    await open(view, 'en', size);
    await page.waitForTimeout(300);
    expect(await seriousViolations(page)).toEqual([]);
  });
});
