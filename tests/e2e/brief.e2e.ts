/**
 * The briefing's A4 sheets as a reader sees them: on a wall display (3840×2160) each sheet is the 1920 px sheet
 * scaled as a whole, with all of its content inside it (a sheet clips what overflows it); on a laptop (1366) and on
 * paper no word, date, number or Chinese header is broken across lines, and every table still fits its sheet. A town
 * with the full three sheets (T-YINHU) and a grassroots union (G-0001), both languages.
 */
import type { Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { openSession, pdfPages, seriousViolations, type Session } from './browser';
import { startPreview } from './servers';

/** CSS px per millimetre (96 dpi): the printed sheet is 190 × 276 mm. */
const MM = 96 / 25.4;
const SHEET_W = 190 * MM;
const SHEET_H = 276 * MM;
/** The app's root type below 2,561 px (styles.css); the sheet scales with the root above that. */
const BASE_FONT_PX = 14;

const CASES = ['T-YINHU', 'G-0001'].flatMap((org) => (['zh', 'en'] as const).map((lang) => ({ org, lang })));

interface SheetLayout {
  width: number;
  height: number;
  /** How far the content runs past the sheet's bottom (clipped: lost). */
  overflowY: number;
  /** How far the widest table or chart runs past the sheet's right edge (clipped: lost). */
  overflowRight: number;
  /** Chart canvases: CSS box and bitmap width, and whether it lies inside the sheet. */
  canvases: { width: number; bitmap: number; inside: boolean }[];
  /** Runs broken across lines that must be whole: "03/01/202|5", "Report|ed", a Chinese header "响应天|数". */
  broken: string[];
  tables: number;
}

async function openBrief(page: Page, base: string, org: string, lang: 'zh' | 'en') {
  await page.emulateMedia({ media: 'screen' });
  await page.goto(`${base}/org/${org}/brief${lang === 'en' ? '?lang=en' : ''}`);
  await page.locator('.brief-sheet').first().waitFor();
  // every chart card on the sheets has drawn its canvas
  await expect
    .poll(() =>
      page.evaluate(() => {
        const cards = document.querySelectorAll('.brief .chart-card').length;
        return cards > 0 && document.querySelectorAll('.brief .chart-card canvas').length === cards;
      }),
    )
    .toBe(true);
}

function sheetLayouts(page: Page): Promise<{ root: number; sheets: SheetLayout[] }> {
  return page.evaluate(() => {
    // the text of `node` from..to lies on one line (a run wrapped onto two lines has rects at two heights)
    const oneLine = (node: Text, from: number, to: number) => {
      const range = document.createRange();
      range.setStart(node, from);
      range.setEnd(node, to);
      const tops = new Set([...range.getClientRects()].filter((r) => r.width > 0).map((r) => Math.round(r.top)));
      return tops.size <= 1;
    };
    const broken = (cell: Element): string[] => {
      const out: string[] = [];
      // words, dates and numbers anywhere; Chinese runs in headers (terms such as 响应天数), not in names
      const runs = cell.closest('thead') ? /[A-Za-z0-9][A-Za-z0-9/.:-]*|\p{Script=Han}+/gu : /[A-Za-z0-9][A-Za-z0-9/.:-]*/g;
      const walk = document.createTreeWalker(cell, NodeFilter.SHOW_TEXT);
      for (let n = walk.nextNode() as Text | null; n; n = walk.nextNode() as Text | null) {
        for (const m of (n.textContent ?? '').matchAll(runs)) {
          if (!oneLine(n, m.index, m.index + m[0].length)) out.push(m[0]);
        }
      }
      return out;
    };
    return {
      root: Number.parseFloat(getComputedStyle(document.documentElement).fontSize),
      sheets: [...document.querySelectorAll<HTMLElement>('.brief-sheet')].map((sheet) => {
        const s = sheet.getBoundingClientRect();
        return {
          width: s.width,
          height: s.height,
          overflowY: sheet.scrollHeight - sheet.clientHeight,
          overflowRight: Math.max(0, ...[...sheet.querySelectorAll('table, canvas')].map((e) => e.getBoundingClientRect().right - s.right)),
          canvases: [...sheet.querySelectorAll('canvas')].map((c) => {
            const r = c.getBoundingClientRect();
            return {
              width: r.width,
              bitmap: c.width / devicePixelRatio,
              inside: r.left >= s.left - 0.5 && r.right <= s.right + 0.5 && r.top >= s.top - 0.5 && r.bottom <= s.bottom + 0.5,
            };
          }),
          broken: [...sheet.querySelectorAll('table th, table td')].flatMap(broken),
          tables: sheet.querySelectorAll('table').length,
        };
      }),
    };
  });
}

/** Every sheet is 190 × 276 mm times `scale`, holds all its content, and breaks no word, date, number or header. */
function expectWholeSheets(sheets: SheetLayout[], scale = 1) {
  for (const [k, s] of sheets.entries()) {
    expect(s.width).toBeCloseTo(SHEET_W * scale, 0);
    expect(s.height).toBeCloseTo(SHEET_H * scale, 0);
    expect(s.overflowY, `sheet ${k + 1}: content cut off at the bottom`).toBeLessThanOrEqual(0);
    expect(s.overflowRight, `sheet ${k + 1}: a table or chart runs past the edge`).toBeLessThanOrEqual(0.5);
    for (const c of s.canvases) expect(c.inside, `sheet ${k + 1}: a chart outside its sheet`).toBe(true);
  }
  expect(sheets.flatMap((s) => s.broken)).toEqual([]);
}

describe('the briefing', () => {
  let session: Session;
  let page: Page;
  let base: string;

  beforeAll(async () => {
    session = await openSession(startPreview, { width: 3840, height: 2160 });
    ({ page, base } = session);
  });
  afterAll(async () => {
    await session?.close();
  });

  it.each(CASES)('at 3840×2160 ($org, $lang) shows the 1920 px sheet scaled as a whole, all of it inside', async ({ org, lang }) => {
    await page.setViewportSize({ width: 3840, height: 2160 });
    await openBrief(page, base, org, lang);
    const { root, sheets } = await sheetLayouts(page);
    const scale = root / BASE_FONT_PX;
    expect(scale).toBeGreaterThan(1.9); // the wall display's type: 28 px at 3840
    expect(sheets.length).toBeGreaterThanOrEqual(2);
    // the sheet grows with the type, so it holds what it holds at 1920 px
    expectWholeSheets(sheets, scale);
    // charts drawn at their frame's real size (sharp), not a 1× bitmap stretched
    for (const c of sheets.flatMap((s) => s.canvases)) expect(c.bitmap).toBeGreaterThanOrEqual(c.width - 1);
    expect(session.errors).toEqual([]);
  });

  it.each(CASES)('at 1366×768 ($org, $lang): no word, date, number or Chinese header broken, tables fit', async ({ org, lang }) => {
    await page.setViewportSize({ width: 1366, height: 768 });
    await openBrief(page, base, org, lang);
    const { sheets } = await sheetLayouts(page);
    expectWholeSheets(sheets);
    if (org === 'T-YINHU') {
      expect(sheets.reduce((n, s) => n + s.tables, 0)).toBeGreaterThanOrEqual(3); // late items, overdue demands, policies
      expect(await seriousViolations(page)).toEqual([]);
    }
    expect(session.errors).toEqual([]);
  });

  it.each(CASES)('printed ($org, $lang): 190 × 276 mm sheets, one A4 page each, nothing broken or cut', async ({ org, lang }) => {
    await page.setViewportSize({ width: Math.floor(SHEET_W), height: 1100 });
    await openBrief(page, base, org, lang);
    await page.emulateMedia({ media: 'print' });
    await page.evaluate(() => window.dispatchEvent(new Event('beforeprint')));
    const { sheets } = await sheetLayouts(page);
    expectWholeSheets(sheets);
    const pdf = await page.pdf({ format: 'A4', preferCSSPageSize: true, printBackground: true });
    expect(pdfPages(pdf)).toBe(sheets.length);
    await page.emulateMedia({ media: 'screen' });
    expect(session.errors).toEqual([]);
  });
});
