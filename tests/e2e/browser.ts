/** Debian's Chromium driven by playwright-core: never a downloaded browser. */
import AxeBuilder from '@axe-core/playwright';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { chromium, type BrowserContext, type Page } from 'playwright-core';

export const CHROMIUM_PATH = process.env.CHROMIUM_PATH ?? '/usr/bin/chromium';
export const CHROMIUM_ARGS = [
  '--headless',
  '--no-sandbox',
  '--disable-gpu',
  '--disable-quic',
  '--no-first-run',
  '--disable-background-networking',
  '--disable-component-update',
  '--disable-sync',
];

export interface Browser {
  context: BrowserContext;
  close: () => Promise<void>;
}

export async function launch(options: { width?: number; height?: number; acceptDownloads?: boolean } = {}): Promise<Browser> {
  const profile = mkdtempSync(join(tmpdir(), 'jianjia-chromium-'));
  const context = await chromium.launchPersistentContext(profile, {
    executablePath: CHROMIUM_PATH,
    headless: true,
    args: CHROMIUM_ARGS,
    viewport: { width: options.width ?? 1920, height: options.height ?? 1080 },
    acceptDownloads: options.acceptDownloads ?? true,
    locale: 'zh-CN',
  });
  return {
    context,
    close: async () => {
      await context.close();
      rmSync(profile, { recursive: true, force: true });
    },
  };
}

/**
 * Browser messages known not to be the app's, matched as substrings of a console message or a page error. Every
 * test that fails on console output filters through this one list, so a new harmless message is named once.
 */
export const HARMLESS_BROWSER_MESSAGES: readonly string[] = [
  // the tests' own pixel reads (painted canvases) draw this performance hint from Chrome
  'Canvas2D: Multiple readback',
  // the mock build's service worker (MSW) re-checks its script on registration; vite preview answers that check
  // with 404 now and then when pages are reopened fast or the machine is loaded ("Failed to update a ServiceWorker
  // … Not found" mid-navigation): the mock layer's own bookkeeping, not the app's
  'Failed to update a ServiceWorker',
];

/** Whether a console message or page error is one of `HARMLESS_BROWSER_MESSAGES`. */
export const isHarmlessBrowserMessage = (text: string): boolean => HARMLESS_BROWSER_MESSAGES.some((m) => text.includes(m));

/** A server, a browser on it, and what the page wrote to the console (errors, warnings, dialogs). */
export interface Session {
  browser: Browser;
  page: Page;
  base: string;
  errors: string[];
  close: () => Promise<void>;
}

export async function openSession(
  start: () => Promise<{ url: string; close: () => Promise<void> }>,
  viewport?: { width: number; height: number },
): Promise<Session> {
  const server = await start();
  const browser = await launch(viewport);
  const page = await browser.context.newPage();
  const errors: string[] = [];
  page.on('console', (m) => {
    if (isHarmlessBrowserMessage(m.text())) return;
    if (m.type() === 'error' || m.type() === 'warning') errors.push(`${m.type()}: ${m.text()}`);
  });
  page.on('pageerror', (e) => {
    if (!isHarmlessBrowserMessage(e.message)) errors.push(`pageerror: ${e.message}`);
  });
  page.on('dialog', (d) => {
    errors.push(`dialog: ${d.message()}`);
    void d.dismiss();
  });
  return {
    browser,
    page,
    base: server.url,
    errors,
    close: async () => {
      await browser.close();
      await server.close();
    },
  };
}

/** axe's serious and critical violations on the page, each with its first three targets (the budget is none). */
export async function seriousViolations(page: Page): Promise<string[]> {
  // only violations are read: axe then skips collecting every passing node (several seconds on a long table)
  let axe = new AxeBuilder({ page }).options({ resultTypes: ['violations'] });
  // a page without frames is audited in one call (legacy mode): the same rules on the same nodes, without the
  // per-frame partial runs and the extra page they are merged in (measured: /org/T-YINHU 7.6 s → 3.2 s)
  if (page.frames().length === 1) axe = axe.setLegacyMode(true);
  const result = await axe.analyze();
  return result.violations
    .filter((v) => v.impact === 'serious' || v.impact === 'critical')
    .map(
      (v) =>
        `${v.id}: ${v.nodes
          .map((n) => n.target.join(' '))
          .slice(0, 3)
          .join(', ')}`,
    );
}

/**
 * How many canvases have more than 20 inked pixels among those read: every `step`-th pixel. Every pixel (step 1)
 * sees a radar of thin lines over a small district, which one pixel in 97 missed (16 of its 1,301); a blank canvas
 * inks none either way.
 */
export async function paintedCanvases(page: Page, step = 1): Promise<number> {
  return page.evaluate(
    (stride) =>
      [...document.querySelectorAll('canvas')].filter((c) => {
        const ctx = c.getContext('2d');
        if (!ctx || c.width === 0 || c.height === 0) return false;
        const { data } = ctx.getImageData(0, 0, c.width, c.height);
        let inked = 0;
        for (let k = 3; k < data.length; k += 4 * stride) if (data[k] > 0) inked++;
        return inked > 20;
      }).length,
    step,
  );
}

/** Pages in a PDF Chromium printed (its page objects). */
export const pdfPages = (pdf: Buffer): number => (pdf.toString('latin1').match(/\/Type\s*\/Page(?![s\w])/g) ?? []).length;
