/**
 * The paper trail (issue 13) checked as a reader would: the briefing (简报)
 * and /demands rendered to A4 PDF by Chromium, and their print layout checked
 * for cut charts — every briefing sheet is exactly one printed page (the PDF's
 * page count says so) and every chart canvas lies inside its sheet; on a view
 * that flows, every card is kept whole (break-inside: avoid) and every chart
 * is re-sized to the page and shorter than a page, so it can never be split.
 */
import AxeBuilder from '@axe-core/playwright';
import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { mockDistrict, mockMeta } from '../../mocks/data/district';
import { startServer, type RunningServer } from '../../server/serve';
import { fmtIsoDate } from '../../src/lib/format';
import { writeMockDataDir } from '../bench/load';
import { launch, type Browser } from './browser';

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

const pdfPages = (pdf: Buffer) => (pdf.toString('latin1').match(/\/Type\s*\/Page(?![s\w])/g) ?? []).length;

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
  it('hides the controls, keeps cards whole, fits every chart to the page width and within a page height', async () => {
    await page.goto(`${server.url}/demands`);
    await chartsDrawn('.demands-page', 3);
    // on screen first: the view is accessible
    const axe = await new AxeBuilder({ page }).analyze();
    expect(
      axe.violations.filter((v) => v.impact === 'serious' || v.impact === 'critical').map((v) => `${v.id}: ${v.nodes[0]?.target}`),
    ).toEqual([]);
    await page.emulateMedia({ media: 'print' });
    await page.setViewportSize({ width: Math.floor(PAGE_W), height: Math.floor(PAGE_H) });
    await page.evaluate(() => window.dispatchEvent(new Event('beforeprint')));
    await page.waitForTimeout(200);
    const layout = await page.evaluate(() => ({
      cards: [...document.querySelectorAll<HTMLElement>('.card')].map((c) => getComputedStyle(c).breakInside),
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
    expect(new Set(layout.cards)).toEqual(new Set(['avoid']));
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
