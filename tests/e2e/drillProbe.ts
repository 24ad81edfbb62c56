/**
 * What a reader sees after clicking through to an organisation, measured in the page (no test-harness round trips
 * in the figure). From the pointer's release (a click acts on release; the harness's press → release gap is its
 * own), frame by frame: the frame whose animation callbacks first see the organisation page, and the frame whose
 * layout step (a ResizeObserver made for that frame, so it reports after the page's own) sees every chart frame
 * in the viewport drawn, that is the frame that paints them. Its time is taken there, just before that paint: the
 * next frame's callbacks can be held back by work the page starts once it has painted, which the reader does not
 * wait for.
 */
import type { Page } from 'playwright-core';

export interface DrillFrames {
  /** Frames after the release: the first whose animation callbacks saw `.org-page`. */
  page: number;
  /** Frames after the release: the first that paints every chart in view drawn. */
  charts: number;
  /** Milliseconds from the release to that frame's paint. */
  ms: number;
  /** Charts in view then. */
  count: number;
}

declare global {
  interface Window {
    __drill?: DrillFrames;
  }
}

/** Arms the probe for the next pointer release. */
export async function watchDrill(page: Page): Promise<void> {
  // tsx (the bench's runner) keeps function names with a `__name` helper the page does not have
  await page.evaluate('globalThis.__name ??= (f) => f');
  await page.evaluate(() => {
    delete window.__drill;
    addEventListener(
      'pointerup',
      (release) => {
        let frame = 0;
        let shown = -1;
        const inked = (c: HTMLCanvasElement | null) => {
          const ctx = c?.getContext('2d');
          if (!c || !ctx || !c.width || !c.height) return false;
          const { data } = ctx.getImageData(0, 0, c.width, c.height);
          for (let k = 3; k < data.length; k += 4 * 97) if (data[k] > 0) return true;
          return false;
        };
        const tick = () => {
          frame++;
          if (shown < 0 && document.querySelector('.org-page')) shown = frame;
          const seenIn = frame;
          const layout = new ResizeObserver(() => {
            layout.disconnect();
            const inView = [...document.querySelectorAll('.org-page .chart-card .card-body')].filter((f) => {
              // in view as the app counts it (charts/frameSizes.ts showsInViewport, 48 px): a sliver at the fold waits
              const r = f.getBoundingClientRect();
              return r.height > 0 && Math.min(r.bottom, innerHeight) - Math.max(r.top, 0) >= Math.min(48, r.height);
            });
            if (shown >= 0 && inView.length && inView.every((f) => inked(f.querySelector('canvas'))))
              window.__drill = { page: shown, charts: seenIn, ms: performance.now() - release.timeStamp, count: inView.length };
            else requestAnimationFrame(tick);
          });
          layout.observe(document.body);
        };
        requestAnimationFrame(tick);
      },
      { capture: true, once: true },
    );
  });
}

/** Waits for the probe's figures. */
export async function drillFrames(page: Page): Promise<DrillFrames> {
  const handle = await page.waitForFunction(() => window.__drill, undefined, { timeout: 30_000, polling: 100 });
  return (await handle.jsonValue())!;
}

/**
 * Where to click for the first bar (the best town) of the overview's town ranking on the mock district (28 towns):
 * the drill the bench and the first-visit test time. Found before the timing starts (a round trip of its own).
 */
export async function firstTownBar(page: Page): Promise<{ x: number; y: number }> {
  const box = (await page.getByRole('region', { name: '镇街工会建家指数排名' }).locator('canvas').first().boundingBox())!;
  const band = (box.height - 40) / 28;
  return { x: box.x + box.width * 0.4, y: box.y + 8 + band / 2 };
}
