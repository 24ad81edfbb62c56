/**
 * The command-room screen (/screen) in Debian's Chromium on the production
 * build: fitted and scaled at 1920×1080 and 3840×2160 (and at devicePixelRatio
 * 2), every level-1 group named, canvases at device pixels, axe, keyboard and
 * cycle; then a soak against the real Node backend republishing its data every
 * few seconds, with an outage in the middle: bounded heap, the same canvases
 * and listeners throughout, a stale badge that comes and goes by itself.
 */
import { chromium, type Browser, type CDPSession, type Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { mockDistrict, mockMeta } from '../../mocks/data/district';
import type { ApiData } from '../../server/serve';
import { CHROMIUM_ARGS, CHROMIUM_PATH, isHarmlessBrowserMessage, paintedCanvases, seriousViolations } from './browser';
import { startBackend, startPreview } from './servers';

const district = mockDistrict(2025);
const rootId = district.orgs.find((o) => o.parentId === null)!.id;
const GROUPS = district.orgs.filter((o) => o.parentId === rootId).map((o) => o.name);

let browser: Browser;
beforeAll(async () => {
  browser = await chromium.launch({ executablePath: CHROMIUM_PATH, args: CHROMIUM_ARGS, headless: true });
});
afterAll(async () => browser?.close());

async function openPage(
  width: number,
  height: number,
  deviceScaleFactor = 1,
): Promise<{ page: Page; errors: string[]; close: () => Promise<void> }> {
  const context = await browser.newContext({ viewport: { width, height }, deviceScaleFactor, locale: 'zh-CN' });
  const page = await context.newPage();
  const errors: string[] = [];
  page.on('console', (m) => {
    if (isHarmlessBrowserMessage(m.text())) return;
    // the outage's 503 answers are logged by the browser as failed loads: expected, not a bug
    if (m.text().startsWith('Failed to load resource')) return;
    if (m.type() === 'error' || m.type() === 'warning') errors.push(`${m.type()}: ${m.text()}`);
  });
  page.on('pageerror', (e) => {
    if (!isHarmlessBrowserMessage(e.message)) errors.push(`pageerror: ${e.message}`);
  });
  return { page, errors, close: () => context.close() };
}

const CHARTS = 5; // heatmap, alerts, radar, children, trend

async function waitForScreen(page: Page) {
  await page.getByTestId('screen-index').waitFor({ timeout: 30_000 });
  // one pixel in 97, as before: the wall's canvases are large (3840 px), and its drawn charts ink far more than 20 of those
  await expect.poll(() => paintedCanvases(page, 97), { timeout: 30_000 }).toBeGreaterThanOrEqual(CHARTS);
}

interface Measure {
  scroll: [number, number];
  names: { name: string; visible: boolean; truncated: boolean }[];
  medianFont: number;
  canvases: { width: number; height: number; cssWidth: number; cssHeight: number }[];
  dpr: number;
}

async function measure(page: Page): Promise<Measure> {
  return page.evaluate(() => {
    const vw = window.innerWidth;
    const vh = window.innerHeight;
    const shown = (el: Element) => {
      const r = el.getBoundingClientRect();
      return (
        r.width > 0 &&
        r.height > 0 &&
        r.left >= 0 &&
        r.top >= 0 &&
        r.right <= vw + 0.5 &&
        r.bottom <= vh + 0.5 &&
        !el.closest('.visually-hidden')
      );
    };
    const names = [...document.querySelectorAll('.scr-board-rows .scr-c-name')].map((el) => ({
      name: el.textContent ?? '',
      visible: shown(el),
      truncated: (el as HTMLElement).scrollWidth > (el as HTMLElement).clientWidth + 1,
    }));
    // every visible element that holds text of its own
    const sizes: number[] = [];
    for (const el of document.querySelectorAll('.screen-stage *')) {
      const own = [...el.childNodes].some((n) => n.nodeType === Node.TEXT_NODE && (n.textContent ?? '').trim() !== '');
      if (own && shown(el)) sizes.push(parseFloat(getComputedStyle(el).fontSize));
    }
    sizes.sort((a, b) => a - b);
    const canvases = [...document.querySelectorAll('canvas')].map((c) => {
      const r = c.getBoundingClientRect();
      return { width: c.width, height: c.height, cssWidth: r.width, cssHeight: r.height };
    });
    return {
      scroll: [document.documentElement.scrollWidth, document.documentElement.scrollHeight] as [number, number],
      names,
      medianFont: sizes[Math.floor(sizes.length / 2)],
      canvases,
      dpr: window.devicePixelRatio,
    };
  });
}

function expectFitted(m: Measure, width: number, height: number) {
  // nothing scrolls
  expect(m.scroll).toEqual([width, height]);
  // every level-1 group named in full, on screen
  expect(m.names.map((n) => n.name).sort()).toEqual([...GROUPS].sort());
  expect(m.names.filter((n) => !n.visible || n.truncated)).toEqual([]);
  // canvases drawn at device pixels, never CSS-scaled
  expect(m.canvases.length).toBeGreaterThanOrEqual(CHARTS);
  for (const c of m.canvases) {
    expect(Math.abs(c.width - c.cssWidth * m.dpr)).toBeLessThanOrEqual(1);
    expect(Math.abs(c.height - c.cssHeight * m.dpr)).toBeLessThanOrEqual(1);
  }
}

describe('the screen on the mock district (vite preview)', () => {
  let server: { url: string; close: () => Promise<void> };
  beforeAll(async () => (server = await startPreview()));
  afterAll(async () => server?.close());

  it('fits 1920×1080 and 3840×2160 with type twice as large, and respects devicePixelRatio', async () => {
    const results: Record<string, Measure> = {};
    for (const [w, h, dpr] of [
      [1920, 1080, 1],
      [3840, 2160, 1],
      [1920, 1080, 2],
    ]) {
      const { page, errors, close } = await openPage(w, h, dpr);
      await page.goto(`${server.url}/screen?cycle=0`);
      await waitForScreen(page);
      const m = await measure(page);
      expectFitted(m, w, h);
      results[`${w}x${h}@${dpr}`] = m;
      expect(errors).toEqual([]);
      await close();
    }
    const small = results['1920x1080@1'];
    const large = results['3840x2160@1'];
    console.log(
      `screen text: median ${small.medianFont} px at 1920×1080, ${large.medianFont} px at 3840×2160; first canvas ${small.canvases[0].width} → ${large.canvases[0].width} px wide`,
    );
    expect(large.medianFont / small.medianFont).toBeGreaterThanOrEqual(1.7);
    // at 4K the canvases hold twice the pixels each way; at dpr 2 the same CSS box holds twice the pixels
    expect(large.canvases[0].width).toBeGreaterThanOrEqual(2 * small.canvases[0].width - 2);
    expect(results['1920x1080@2'].canvases[0].width).toBe(2 * Math.round(small.canvases[0].cssWidth));
  });

  it("in English names every category column whole and keeps each alert's lateness whole, at 1920×1080 and 3840×2160", async () => {
    for (const [w, h] of [
      [1920, 1080],
      [3840, 2160],
    ]) {
      const { page, errors, close } = await openPage(w, h, 1);
      await page.goto(`${server.url}/screen?cycle=0&lang=en`);
      await waitForScreen(page);
      // each header's longest word against its box: a word wider than the column is cut with an ellipsis
      const cut = await page.evaluate(() =>
        [...document.querySelectorAll<HTMLElement>('.scr-board-head .scr-c-heat > span')].flatMap((s) => {
          const cs = getComputedStyle(s);
          const ctx = document.createElement('canvas').getContext('2d')!;
          ctx.font = `${cs.fontWeight} ${cs.fontSize} ${cs.fontFamily}`;
          const word = Math.max(...(s.textContent ?? '').split(' ').map((x) => ctx.measureText(x).width));
          return word > s.clientWidth ? [`${s.textContent}: ${Math.round(word)} > ${s.clientWidth}`] : [];
        }),
      );
      expect(cut).toEqual([]);
      // how late an alert is stays whole on its line: the indicator's name is what gives way
      const lateness = await page.evaluate(() =>
        [...document.querySelectorAll<HTMLElement>('.scr-alert-detail')].map((d) => {
          const line = d.closest('li')!.getBoundingClientRect();
          return { text: d.textContent, whole: d.scrollWidth <= d.clientWidth + 1 && d.getBoundingClientRect().right <= line.right + 1 };
        }),
      );
      expect(lateness.length).toBeGreaterThan(0);
      expect(lateness.filter((l) => !l.whole)).toEqual([]);
      expect(errors).toEqual([]);
      await close();
    }
  });

  it('is axe clean in both languages and operable by keyboard and pointer', async () => {
    const { page, errors, close } = await openPage(1920, 1080);
    for (const lang of ['zh', 'en']) {
      await page.goto(`${server.url}/screen?cycle=0&lang=${lang}`);
      await waitForScreen(page);
      expect(await seriousViolations(page)).toEqual([]);
    }
    const focusName = () => page.locator('#scr-focus-title').textContent();
    const boardNames = await page.locator('.scr-board-rows .scr-c-name').allTextContents();
    expect(await focusName()).toBe(boardNames[0]);
    await page.keyboard.press('ArrowRight');
    expect(await focusName()).toBe(boardNames[1]);
    await page.keyboard.press('ArrowLeft');
    await page.keyboard.press('ArrowLeft');
    expect(await focusName()).toBe(boardNames.at(-1));

    // cycling: moves by itself; pointing holds it; Space pauses
    await page.goto(`${server.url}/screen?cycle=1&idle=2`);
    await waitForScreen(page);
    const first = await focusName();
    await expect.poll(focusName, { timeout: 5000 }).not.toBe(first);
    await page.mouse.move(300, 300);
    await expect.poll(() => page.locator('.scr-cycle-state').textContent()).toBe('操作中 · 空闲后继续');
    const held = await focusName();
    await page.waitForTimeout(1200);
    await page.mouse.move(320, 320);
    await page.waitForTimeout(1200);
    expect(await focusName()).toBe(held); // 2.4 s pointing, a 1 s cycle: still held
    await expect.poll(focusName, { timeout: 6000 }).not.toBe(held); // idle 2 s: resumes
    await page.keyboard.press(' ');
    await expect.poll(() => page.locator('.scr-cycle-state').textContent(), { timeout: 5000 }).toBe('已暂停'); // a loaded CI machine once took over 1 s (the default) to show it
    const paused = await focusName();
    await page.waitForTimeout(3500);
    expect(await focusName()).toBe(paused);
    expect(await page.getByRole('button', { name: '全屏' }).count()).toBe(1);
    expect(errors).toEqual([]);
    await close();
  });
});

async function heapAfterGc(cdp: CDPSession): Promise<number> {
  await cdp.send('HeapProfiler.collectGarbage');
  await cdp.send('HeapProfiler.collectGarbage');
  return (await cdp.send('Runtime.getHeapUsage')).usedSize;
}

async function windowListeners(cdp: CDPSession): Promise<number> {
  const { result } = await cdp.send('Runtime.evaluate', { expression: 'window' });
  const { listeners } = await cdp.send('DOMDebugger.getEventListeners', { objectId: result.objectId! });
  const doc = await cdp.send('Runtime.evaluate', { expression: 'document' });
  const onDoc = await cdp.send('DOMDebugger.getEventListeners', { objectId: doc.result.objectId! });
  return listeners.length + onDoc.listeners.length;
}

describe('soak: data republished every few seconds by the real backend, with an outage', () => {
  const EVIL = '<img src=x onerror=alert(1)>';
  const REPUBLISH_MS = 4000;
  let outage = false;
  let backend: { url: string; close: () => Promise<void> };

  beforeAll(async () => {
    const years: ApiData['years'] = {};
    for (const y of mockMeta().years) {
      const d = mockDistrict(y);
      // a hostile town name: names are data
      const orgs = d.orgs.map((o) => (o.name === GROUPS[5] ? { ...o, name: `${EVIL}镇` } : o));
      years[y] = { methodology: d.methodology, orgs, assignments: d.assignments };
    }
    // a new generatedAt every few seconds: the backend republishing its data
    const data = (): ApiData => ({
      meta: { ...mockMeta(), generatedAt: new Date(Math.floor(Date.now() / REPUBLISH_MS) * REPUBLISH_MS).toISOString() },
      years,
    });
    backend = await startBackend(data, () =>
      outage ? { status: 503, body: JSON.stringify({ error: { code: 'unavailable', message: 'maintenance' } }) } : undefined,
    );
  });
  afterAll(async () => backend?.close());

  it(
    'keeps heap, canvases and listeners bounded, never blanks, shows stale during an outage and recovers',
    { timeout: 150_000 },
    async () => {
      const { page, errors, close } = await openPage(1920, 1080);
      const cdp = await page.context().newCDPSession(page);
      await page.goto(`${backend.url}/screen?refresh=2&cycle=1.5`);
      await waitForScreen(page);
      // let the first republishes and the trend settle before the baseline
      await page.waitForTimeout(6000);
      await page.evaluate(() => ((window as unknown as { keep: Element[] }).keep = [...document.querySelectorAll('canvas')]));
      const canvases = await page.locator('canvas').count();
      const listeners = await windowListeners(cdp);
      const heapStart = await heapAfterGc(cdp);

      const seen = new Set<string>();
      const heapSeries: number[] = [heapStart];
      let blanks = 0;
      let lastSample = Date.now();
      const watch = async (ms: number) => {
        const end = Date.now() + ms;
        while (Date.now() < end) {
          if (Date.now() - lastSample > 10_000) {
            heapSeries.push(await heapAfterGc(cdp));
            lastSample = Date.now();
          }
          const [generated, index] = await page.evaluate(() => [
            // when the data on screen was fetched: changes with every dataset swapped in
            document.querySelector('[data-testid="screen-generated"]')?.getAttribute('data-updated') ?? '',
            document.querySelector('[data-testid="screen-index"]')?.textContent ?? '',
          ]);
          if (!/^\d+\.\d$/.test(index)) blanks++;
          seen.add(generated);
          await page.waitForTimeout(400);
        }
      };

      await watch(Number(process.env.SCREEN_SOAK_MS ?? 12_000));
      // the backend goes down: the last good data stays, with the stale badge
      outage = true;
      const down = Date.now();
      await page.getByTestId('screen-stale').waitFor({ timeout: 30_000 });
      const staleAfter = Date.now() - down;
      await watch(3000);
      outage = false;
      const up = Date.now();
      await page.getByTestId('screen-stale').waitFor({ state: 'detached', timeout: 30_000 });
      const recoveredAfter = Date.now() - up;
      await watch(10_000);

      const heapEnd = await heapAfterGc(cdp);
      const listenersEnd = await windowListeners(cdp);
      const sameCanvases = await page.evaluate(() => {
        const keep = new Set((window as unknown as { keep: Element[] }).keep);
        return [...document.querySelectorAll('canvas')].every((c) => keep.has(c));
      });
      console.log(
        `screen soak: ${seen.size} data versions seen, heap ${(heapStart / 1e6).toFixed(1)} → ${(heapEnd / 1e6).toFixed(1)} MB, ` +
          `(after GC every ~10 s: ${heapSeries.map((h) => (h / 1e6).toFixed(1)).join(', ')} MB), canvases ${canvases}, listeners ${listeners} → ${listenersEnd}, stale after ${staleAfter} ms, recovered after ${recoveredAfter} ms`,
      );
      expect(seen.size).toBeGreaterThanOrEqual(8);
      expect(blanks).toBe(0);
      expect(await page.locator('canvas').count()).toBe(canvases);
      expect(sameCanvases).toBe(true);
      expect(listenersEnd).toBe(listeners);
      expect(heapEnd).toBeLessThan(heapStart * 1.25 + 4e6);
      // names are data: the hostile one is text, never an element
      expect(await page.locator('.scr-board-rows').getByText(`${EVIL}镇`).count()).toBe(1);
      expect(await page.locator('img').count()).toBe(0);
      expect(errors).toEqual([]);
      await cdp.detach();
      await close();
    },
  );
});
