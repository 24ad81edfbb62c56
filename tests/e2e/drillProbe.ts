/**
 * What a reader sees after clicking through to an organisation, measured in the page (no test-harness round trips
 * in the figure): from the pointer press, the animation frame whose callbacks first see the organisation page, and
 * the first whose callbacks see every chart frame in the viewport drawn (painted in the frame before).
 */
import type { Page } from 'playwright-core';

export interface DrillFrames {
  /** Frames after the press: the first that saw `.org-page`. */
  page: number;
  /** Frames after the press: the first that saw every chart in view drawn. */
  charts: number;
  /** Milliseconds from the press to that frame. */
  ms: number;
  /** Charts in view then. */
  count: number;
}

declare global {
  interface Window {
    __drill?: DrillFrames;
  }
}

/** Arms the probe for the next pointer press. */
export async function watchDrill(page: Page): Promise<void> {
  await page.evaluate(() => {
    delete window.__drill;
    addEventListener(
      'pointerdown',
      (press) => {
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
          const inView = [...document.querySelectorAll('.org-page .chart-card .card-body')].filter((f) => {
            const r = f.getBoundingClientRect();
            return r.height > 0 && r.top < innerHeight && r.bottom > 0;
          });
          if (shown >= 0 && inView.length && inView.every((f) => inked(f.querySelector('canvas'))))
            window.__drill = { page: shown, charts: frame, ms: performance.now() - press.timeStamp, count: inView.length };
          else requestAnimationFrame(tick);
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
