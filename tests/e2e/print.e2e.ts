/**
 * The paper trail (issue 13) checked as a reader would: the briefing (简报)
 * and /demands rendered to A4 PDF by Chromium, and their print layout checked
 * for cut charts — every briefing sheet is exactly one printed page (the PDF's
 * page count says so) and every chart canvas lies inside its sheet; on a view
 * that flows, every card is kept whole (break-inside: avoid) and every chart
 * is re-sized to the page and shorter than a page, so it can never be split.
 * The overview, a viewport-high grid on screen, prints on three pages with
 * every chart drawn at a height of its own.
 */
import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { mockDistrict, mockMeta } from '../../mocks/data/district';
import { startServer, type RunningServer } from '../../server/serve';
import { fmtIsoDate } from '../../src/lib/format';
import { writeMockDataDir } from '../bench/load';
import { launch, pdfPages, seriousViolations, type Browser } from './browser';

/** A4 at 96 CSS px per inch, less the stylesheet's 10 mm margins. */
const MM = 96 / 25.4;
const PAGE_W = (210 - 20) * MM;
const PAGE_H = (297 - 20) * MM;
const OUT = process.env.PRINT_OUT; // set to a directory to keep the PDFs for looking at them

const meta = mockMeta();
const district = mockDistrict(meta.defaultYear);
const town = district.orgs.find((o) => o.tier === 'town')!;

let dir: string;
let server: RunningServer;
let browser: Browser;
let page: Page;

beforeAll(async () => {
  dir = mkdtempSync(join(tmpdir(), 'jj-print-'));
  writeMockDataDir(dir);
  server = await startServer({ distDir: 'dist', dataDir: dir, log: () => undefined });
  browser = await launch({ width: 1366, height: 900 });
  page = await browser.context.newPage();
});
afterAll(async () => {
  await browser?.close();
  server?.store?.close();
  await new Promise<void>((ok) => {
    server?.server.closeAllConnections();
    server?.server.close(() => ok());
  });
  if (dir) rmSync(dir, { recursive: true, force: true });
});

/** As a browser prints: print media, the page's width and height (A4 less the margins), then `beforeprint`. */
async function toPaper() {
  await page.emulateMedia({ media: 'print' });
  await page.setViewportSize({ width: Math.floor(PAGE_W), height: Math.floor(PAGE_H) });
  await page.evaluate(() => window.dispatchEvent(new Event('beforeprint')));
}

async function chartsDrawn(within: string, expected: number) {
  await expect.poll(() => page.locator(`${within} canvas`).count()).toBeGreaterThanOrEqual(expected);
  await page.waitForLoadState('networkidle');
}

describe('the briefing (简报)', () => {
  it('prints one A4 page per sheet, dated, and no chart crosses a page', async () => {
    await page.goto(`${server.url}/org/${town.id}`);
    await page.getByRole('link', { name: '简报' }).click();
    await page.waitForURL(`**/org/${town.id}/brief`);
    await chartsDrawn('.brief', 2);
    await page.emulateMedia({ media: 'print' });
    await page.evaluate(() => window.dispatchEvent(new Event('beforeprint')));
    const layout = await page.evaluate(() => {
      const sheets = [...document.querySelectorAll<HTMLElement>('.brief-sheet')];
      return {
        sheets: sheets.map((s) => {
          const r = s.getBoundingClientRect();
          // anything drawn past the sheet's right edge would be clipped on paper
          const widest = Math.max(
            0,
            ...[...s.querySelectorAll('table, canvas, dl, ul')].map((e) => e.getBoundingClientRect().right - r.right),
          );
          return {
            top: r.top + scrollY,
            height: r.height,
            width: r.width,
            overflow: s.scrollHeight - s.clientHeight,
            overflowRight: widest,
            footer: s.querySelector('.brief-footer')?.textContent ?? '',
          };
        }),
        canvases: [...document.querySelectorAll('canvas')].map((c) => {
          const r = c.getBoundingClientRect();
          return {
            top: r.top + scrollY,
            bottom: r.bottom + scrollY,
            width: r.width,
            sheet: sheets.indexOf(c.closest('.brief-sheet') as HTMLElement),
          };
        }),
        tools: [...document.querySelectorAll<HTMLElement>('.brief-tools, .main-nav, .card-tools')].filter(
          (e) => getComputedStyle(e).display !== 'none',
        ).length,
      };
    });
    expect(layout.sheets.length).toBe(3); // KPIs and radar; ranking and late items; demands
    expect(layout.tools).toBe(0);
    for (const s of layout.sheets) {
      expect(s.height).toBeLessThanOrEqual(PAGE_H);
      expect(s.width).toBeLessThanOrEqual(PAGE_W + 0.5);
      expect(s.overflow, 'a sheet holds more than a page').toBeLessThanOrEqual(0);
      expect(s.overflowRight, 'something runs past the sheet').toBeLessThanOrEqual(0.5);
      expect(s.footer).toContain(fmtIsoDate(meta.asOf, 'zh')); // the briefing writes its days as the header does
    }
    expect(layout.canvases.length).toBeGreaterThanOrEqual(2);
    for (const c of layout.canvases) {
      expect(c.sheet).toBeGreaterThanOrEqual(0);
      const s = layout.sheets[c.sheet];
      expect(c.top).toBeGreaterThanOrEqual(s.top - 0.5);
      expect(c.bottom).toBeLessThanOrEqual(s.top + s.height + 0.5);
      expect(c.width).toBeLessThanOrEqual(PAGE_W + 0.5);
    }
    const pdf = await page.pdf({ format: 'A4', preferCSSPageSize: true, printBackground: true });
    // one printed page per sheet: the DOM's sheets are the paper's pages
    expect(pdfPages(pdf)).toBe(layout.sheets.length);
    if (OUT) {
      mkdirSync(OUT, { recursive: true });
      writeFileSync(join(OUT, 'brief.pdf'), pdf);
    }
    await page.emulateMedia({ media: 'screen' });
  });
});

describe('/demands printed', () => {
  it('hides the controls, keeps charts whole and runs tables on, fits every chart to the page width and within a page height', async () => {
    await page.goto(`${server.url}/demands`);
    await chartsDrawn('.demands-page', 3);
    // on screen first: the view is accessible
    expect(await seriousViolations(page)).toEqual([]);
    await toPaper();
    await page.waitForTimeout(200);
    const layout = await page.evaluate(() => ({
      // a chart's card stays on one page; a card holding a table (the overdue lists) runs on row by row
      cards: [...document.querySelectorAll<HTMLElement>('.card')].map(
        (c) => `${!c.classList.contains('chart-card') && c.querySelector('table') ? 'table' : 'card'} ${getComputedStyle(c).breakInside}`,
      ),
      canvases: [...document.querySelectorAll('canvas')].map((c) => {
        const r = c.getBoundingClientRect();
        const card = c.closest('.card')!.getBoundingClientRect();
        return { width: r.width, height: r.height, cardWidth: card.width, cardHeight: card.height };
      }),
      hidden: [...document.querySelectorAll<HTMLElement>('.main-nav, .controls, .card-tools, .no-print')].every(
        (e) => getComputedStyle(e).display === 'none',
      ),
    }));
    expect(layout.hidden).toBe(true);
    expect(layout.cards.length).toBeGreaterThan(4);
    expect(new Set(layout.cards)).toEqual(new Set(['card avoid', 'table auto']));
    for (const c of layout.canvases) {
      expect(c.width).toBeLessThanOrEqual(PAGE_W + 0.5);
      expect(c.width).toBeGreaterThan(c.cardWidth * 0.8); // re-sized to the card, which is the page's width
      expect(c.cardHeight).toBeLessThan(PAGE_H); // a card kept whole always fits on one page
    }
    const pdf = await page.pdf({ format: 'A4', preferCSSPageSize: true, printBackground: true });
    expect(pdfPages(pdf)).toBeGreaterThanOrEqual(1);
    if (OUT) writeFileSync(join(OUT, 'demands.pdf'), pdf);
    await page.emulateMedia({ media: 'screen' });
  });
});

describe('the overview printed', () => {
  // The screen's overview is one viewport-high grid whose charts fill their cells (height: 100%); on paper there is
  // no viewport to share, and every chart was squashed to a 100 px strip or not drawn at all.
  for (const lang of ['zh', 'en'] as const) {
    it(`draws every chart at a size for A4, keeps each card on one page, and takes three pages (${lang})`, async () => {
      // as a reader prints: the page first read on a desktop screen
      await page.emulateMedia({ media: 'screen' });
      await page.setViewportSize({ width: 1366, height: 900 });
      await page.goto(`${server.url}/${lang === 'en' ? '?lang=en' : ''}`);
      await chartsDrawn('.overview-grid', 6);
      await toPaper();
      const measure = () =>
        page.evaluate(() =>
          [...document.querySelectorAll<HTMLElement>('.overview-grid > .card')].map((card) => {
            const box = card.getBoundingClientRect();
            const canvas = card.querySelector('canvas');
            let inked = 0;
            if (canvas && canvas.width > 0 && canvas.height > 0) {
              // the share of the bitmap that is neither transparent nor white: a drawn chart, not an empty frame
              const px = canvas.getContext('2d')!.getImageData(0, 0, canvas.width, canvas.height).data;
              let seen = 0;
              for (let i = 0; i < px.length; i += 4 * 5, seen++)
                if (px[i + 3] > 0 && !(px[i] > 240 && px[i + 1] > 240 && px[i + 2] > 240)) inked++;
              inked /= seen;
            }
            return {
              area: [...card.classList].find((c) => c.startsWith('area-')) ?? '',
              top: box.top + scrollY,
              bottom: box.bottom + scrollY,
              height: box.height,
              width: box.width,
              canvasHeight: canvas?.getBoundingClientRect().height ?? 0,
              canvasWidth: canvas?.getBoundingClientRect().width ?? 0,
              inked,
              breakInside: getComputedStyle(card).breakInside,
            };
          }),
        );
      type Card = Awaited<ReturnType<typeof measure>>[number];
      const charts = (cards: Card[]) => cards.filter((c) => c.area !== 'area-urgent');
      // charts re-draw at their print size once the layout has settled
      await expect.poll(async () => charts(await measure()).filter((c) => c.canvasHeight >= 200 && c.inked > 0.01).length).toBe(6);
      const cards = await measure();
      const at = (area: string) => cards.find((c) => c.area === `area-${area}`)!;
      expect(cards.map((c) => c.area).sort()).toEqual(
        ['area-funnel', 'area-grades', 'area-heatmap', 'area-radar', 'area-ranking', 'area-trend', 'area-urgent'].sort(),
      );
      for (const c of cards) {
        expect(c.breakInside, c.area).toBe('avoid');
        expect(c.height, `${c.area} is taller than a page`).toBeLessThan(PAGE_H);
        expect(c.width, c.area).toBeLessThanOrEqual(PAGE_W + 0.5);
      }
      for (const c of charts(cards)) {
        expect(c.canvasHeight, `${c.area} drawn too short`).toBeGreaterThanOrEqual(200);
        expect(c.canvasWidth, c.area).toBeGreaterThan(c.width * 0.8);
      }
      // the 28 towns get a line each: the ranking and the heatmap are the tallest charts
      for (const tall of ['ranking', 'heatmap']) expect(at(tall).canvasHeight).toBeGreaterThanOrEqual(400);
      // the plan the page count checks: the KPIs and the four small charts fill page 1; the ranking and the heatmap
      // share page 2 (so neither is split or pushed on alone); the urgent list is page 3
      expect(Math.max(...['radar', 'grades', 'trend', 'funnel'].map((a) => at(a).bottom))).toBeLessThanOrEqual(PAGE_H);
      expect(at('heatmap').bottom - at('ranking').top).toBeLessThanOrEqual(PAGE_H);
      // every KPI holds its figures: none cut at its card's edge, the row within the page
      const kpis = await page.evaluate(() =>
        [...document.querySelectorAll<HTMLElement>('.overview .kpi-row > .kpi')].map((k) => ({
          right: k.getBoundingClientRect().right,
          overflow: k.scrollWidth - k.clientWidth,
        })),
      );
      expect(kpis.length).toBeGreaterThanOrEqual(6);
      for (const k of kpis) {
        expect(k.overflow).toBeLessThanOrEqual(0);
        expect(k.right).toBeLessThanOrEqual(PAGE_W + 0.5);
      }
      const pdf = await page.pdf({ format: 'A4', preferCSSPageSize: true, printBackground: true });
      expect(pdfPages(pdf)).toBe(3);
      if (OUT) {
        mkdirSync(OUT, { recursive: true });
        writeFileSync(join(OUT, `overview-${lang}.pdf`), pdf);
      }
      await page.emulateMedia({ media: 'screen' });
    });
  }
});

describe("a town's page printed", () => {
  it('draws the children charts at their own heights, keeps charts whole and runs tables on, pins nothing over other rows, hides the controls and says its date', async () => {
    await page.emulateMedia({ media: 'screen' });
    await page.setViewportSize({ width: 1366, height: 900 });
    await page.goto(`${server.url}/org/${town.id}`);
    await chartsDrawn('.children-grid', 4);
    await toPaper();
    // on screen the children's charts fill their grid row (height: 100%); on paper, one per row, that resolved
    // against nothing and each was drawn as a 100 px strip
    const heights = () =>
      page.evaluate(() => [...document.querySelectorAll('.children-grid canvas')].map((c) => c.getBoundingClientRect().height));
    await expect.poll(async () => (await heights()).filter((h) => h >= 200).length).toBe(4);
    const layout = await page.evaluate(() => ({
      // sticky headers and totals of scrolling boxes were printed where the scroll left them, over other rows
      sticky: [...document.querySelectorAll<HTMLElement>('main *')]
        .filter((e) => getComputedStyle(e).position === 'sticky')
        .map((e) => `${e.tagName.toLowerCase()}.${e.className}`)
        .slice(0, 5),
      shownControls: [...document.querySelectorAll<HTMLElement>('main .term-button, main .tool, main .analyst-link, main .no-print')]
        .filter((e) => getComputedStyle(e).display !== 'none')
        .map((e) => e.textContent),
      dated: document.querySelector<HTMLElement>('.print-dated')?.innerText ?? '',
      // a chart stays on one page; a card holding a table runs on row by row (kept whole, the 23-task table moved
      // to a page of its own and left half a page blank before it)
      breaks: [...document.querySelectorAll<HTMLElement>('main .card')].map((c) => ({
        table: !!c.querySelector('table') && !c.classList.contains('chart-card'),
        chart: c.classList.contains('chart-card'),
        avoid: getComputedStyle(c).breakInside === 'avoid',
      })),
    }));
    expect(layout.breaks.filter((b) => b.table).length).toBeGreaterThan(1);
    expect(layout.breaks.filter((b) => b.table && b.avoid)).toEqual([]);
    expect(layout.breaks.filter((b) => b.chart && !b.avoid)).toEqual([]);
    expect(layout.sticky).toEqual([]);
    expect(layout.shownControls).toEqual([]);
    expect(layout.dated).toContain(String(meta.defaultYear));
    expect(layout.dated).toContain(meta.asOf);
    await page.emulateMedia({ media: 'screen' });
  });
});
