/**
 * The production build in Debian's Chromium: painted charts, drill-down by
 * mouse and keyboard, Back, year and date, language, CSV download, filters,
 * accessibility (axe) — first on the mock district (vite preview, mocks on),
 * then against a real HTTP backend with mocks off, with hostile data.
 */
import { readFileSync } from 'node:fs';
import type { Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { openSession, paintedCanvases, type Session, seriousViolations } from './browser';
import { drillFrames, watchDrill } from './drillProbe';
import { startBackend, startPreview } from './servers';
import example from './example-data';

const open = openSession;

async function waitForCharts(page: Page, count: number) {
  await page.waitForFunction((n) => document.querySelectorAll('canvas').length >= n, count, { timeout: 30_000 });
  await expect.poll(() => paintedCanvases(page), { timeout: 15_000 }).toBeGreaterThanOrEqual(count);
}

const path = (page: Page) => new URL(page.url()).pathname;
const search = (page: Page) => Object.fromEntries(new URL(page.url()).searchParams);

describe('production build on the mock district (vite preview, mocks on)', () => {
  let s: Session;
  beforeAll(async () => (s = await open(startPreview)));
  afterAll(async () => s?.close());

  it('paints the overview charts', async () => {
    await s.page.goto(`${s.base}/`);
    await waitForCharts(s.page, 6);
    await expect.poll(() => s.page.getByTestId('district-index').textContent()).toMatch(/^\d+\.\d$/);
    expect(await s.page.title()).toBe('全区总览 · 富阳区总工会');
    // one screen: at 1920×1080 the overview needs no scrolling
    expect(await s.page.evaluate(() => [document.documentElement.scrollHeight, document.documentElement.scrollWidth])).toEqual([
      1080, 1920,
    ]);
  });

  it('charts follow their frames when the window is resized', async () => {
    await waitForCharts(s.page, 6);
    const fit = () =>
      s.page.evaluate(() =>
        [...document.querySelectorAll('.chart-frame')].map((f) => {
          const c = f.querySelector('canvas');
          return c ? Math.abs(c.getBoundingClientRect().width - f.getBoundingClientRect().width) : -1;
        }),
      );
    try {
      await s.page.setViewportSize({ width: 1366, height: 900 });
      await expect.poll(async () => (await fit()).filter((gap) => gap > 1)).toEqual([]);
      expect((await fit()).length).toBeGreaterThanOrEqual(6);
    } finally {
      await s.page.setViewportSize({ width: 1920, height: 1080 });
    }
    await expect.poll(async () => (await fit()).filter((gap) => gap > 1)).toEqual([]);
  });

  it('drills to a town by clicking its bar, to a union from the table, and Back walks back', async () => {
    const card = s.page.getByRole('region', { name: '镇街工会建家指数排名' });
    const box = (await card.locator('canvas').first().boundingBox())!;
    const towns = 28;
    const band = (box.height - 8 - 8 - 24) / towns;
    await watchDrill(s.page);
    await s.page.mouse.click(box.x + box.width * 0.4, box.y + 8 + band / 2);
    await expect.poll(() => path(s.page)).toBe('/org/T-YINHU');
    await waitForCharts(s.page, 7);
    // the town's charts in view are painted in the first frame that shows its page, not frames later one by one
    const { page: first, charts } = await drillFrames(s.page);
    expect(charts).toBeLessThanOrEqual(first);
    await s.page.getByRole('region', { name: '下级组织' }).getByRole('link').first().click();
    await expect.poll(() => path(s.page)).toMatch(/^\/org\/G-\d{4}$/);
    await expect.poll(() => s.page.getByRole('region', { name: '本级任务' }).getByRole('row').count()).toBeGreaterThan(5);
    await s.page.goBack();
    await expect.poll(() => path(s.page)).toBe('/org/T-YINHU');
    await s.page.goBack();
    await expect.poll(() => path(s.page)).toBe('/');
  });

  it('drills by keyboard from a chart table twin, with visible focus', async () => {
    await waitForCharts(s.page, 6);
    const card = s.page.getByRole('region', { name: '镇街工会建家指数排名' });
    await card.getByRole('button', { name: '数据表' }).focus();
    await s.page.keyboard.press('Enter');
    await s.page.keyboard.press('Tab'); // the PNG button is hidden with the table shown: next is the first town
    const focused = await s.page.evaluate(() => {
      const el = document.activeElement as HTMLElement;
      const style = getComputedStyle(el);
      return { text: el.textContent, tag: el.tagName, outline: style.outlineStyle, width: style.outlineWidth };
    });
    expect(focused).toMatchObject({ tag: 'A', text: '银湖街道总工会' });
    expect(focused.outline).not.toBe('none');
    await s.page.keyboard.press('Enter');
    await expect.poll(() => path(s.page)).toBe('/org/T-YINHU');
  });

  it('changes year and as-of date', async () => {
    await s.page.goto(`${s.base}/`);
    await waitForCharts(s.page, 6);
    const before = await s.page.getByTestId('district-index').textContent();
    // the field commits on Enter (or blur), not per keystroke
    await s.page.getByLabel('截至日期').fill('2025-03-31');
    await s.page.getByLabel('截至日期').press('Enter');
    await expect.poll(() => search(s.page).asOf).toBe('2025-03-31');
    await expect.poll(() => s.page.getByTestId('district-index').textContent()).not.toBe(before);
    await s.page.getByRole('combobox', { name: '年度' }).selectOption('2024');
    await expect.poll(() => s.page.getByLabel('截至日期').inputValue()).toBe('2024-12-31');
    expect(search(s.page).year).toBe('2024');
    await waitForCharts(s.page, 6);
  });

  it('switches language', async () => {
    await s.page.goto(`${s.base}/?year=2024`);
    await s.page.getByRole('button', { name: '切换语言' }).click();
    await expect.poll(() => s.page.getByRole('link', { name: 'Supervision list', exact: true }).count()).toBe(1);
    expect(search(s.page)).toMatchObject({ lang: 'en', year: '2024' });
    expect(await s.page.getAttribute('html', 'lang')).toBe('en');
  });

  it('filters the supervision list', async () => {
    await s.page.goto(`${s.base}/alerts`);
    const counts = s.page.getByRole('group', { name: '各等级数量' });
    const interview = Number(await counts.getByRole('button', { name: /约谈/ }).locator('strong').textContent());
    expect(interview).toBeGreaterThan(0);
    await counts.getByRole('button', { name: /约谈/ }).click();
    await expect.poll(() => s.page.getByText(`共 ${interview} 条`).count()).toBe(1);
    expect(search(s.page).level).toBe('interview');
  });

  it('exports the organisations CSV', async () => {
    // English mode: the machine-readable CSV (Chinese mode exports Chinese headers and names)
    await s.page.goto(`${s.base}/orgs?tier=town&lang=en`);
    const [download] = await Promise.all([s.page.waitForEvent('download'), s.page.getByRole('button', { name: 'Export CSV' }).click()]);
    expect(download.suggestedFilename()).toBe('orgs-2025-2025-06-30.csv');
    const text = readFileSync((await download.path())!, 'utf8');
    expect(text.charCodeAt(0)).toBe(0xfeff);
    const lines = text.slice(1).trimEnd().split('\r\n');
    expect(lines[0]).toBe('id,name,tier,parentId,index,own,sub,grade,rank,ORG,DEM,SRV,DEV,BAS,alert');
    expect(lines).toHaveLength(1 + 28);
    expect(lines[1]).toMatch(/^T-|^S-/);
  });

  it.each(['/', '/org/T-YINHU', '/org/G-0001', '/methodology', '/?lang=en'])(
    'axe: no serious or critical violations on %s',
    async (url) => {
      await s.page.goto(`${s.base}${url}`);
      await s.page.getByRole('main').waitFor();
      await s.page.waitForFunction(() => !document.querySelector('[aria-busy="true"]'));
      await s.page.waitForTimeout(300);
      expect(await seriousViolations(s.page)).toEqual([]);
    },
  );

  // /orgs and /alerts are checked here, with every variant of their badges on screen in one check or another
  it('axe: every grade, alert level and stage badge, each on a page that shows it', async () => {
    const page = s.page;
    const seen = new Set<string>();
    const check = async (what: string) => {
      await page.waitForFunction(() => !document.querySelector('[aria-busy="true"]'));
      for (const c of await page.evaluate(() => [...document.querySelectorAll('main .badge')].map((b) => b.className))) seen.add(c);
      expect({ what, violations: await seriousViolations(page) }).toEqual({ what, violations: [] });
    };
    await page.goto(`${s.base}/orgs`);
    const grade = page.getByRole('combobox', { name: '等级' });
    await grade.waitFor();
    // the grades of this district's methodology (and "none"), read from the filter itself
    const grades = (await grade.locator('option').evaluateAll((os) => os.map((o) => (o as HTMLOptionElement).value))).filter(Boolean);
    expect(grades.length).toBeGreaterThanOrEqual(2);
    for (const g of grades) {
      await grade.selectOption(g);
      await expect.poll(() => search(page).grade).toBe(g);
      await check(`/orgs?grade=${g}`);
    }
    await page.goto(`${s.base}/alerts`);
    const counts = page.getByRole('group', { name: '各等级数量' });
    for (const level of ['提醒', '预警', '督办', '约谈']) {
      await counts.getByRole('button', { name: new RegExp(level) }).click();
      await expect.poll(() => counts.getByRole('button', { name: new RegExp(level) }).getAttribute('aria-pressed')).toBe('true');
      await check(`/alerts ${level}`);
    }
    // evaluated and exempt work carries no alert: it shows in a union's own assignments. A union with an exempt and an
    // evaluated task by the page's date, found in what the API serves (the mock district's own draw, not an id known beforehand)
    const exempt = await page.evaluate(async () => {
      const meta = (await (await fetch('/api/v1/meta')).json()) as { asOf: string; years: number[] };
      const year = Math.max(...meta.years);
      type Row = { orgId: string; exemptAt: string | null; evaluatedAt: string | null };
      const list = (await (await fetch(`/api/v1/assignments?year=${year}`)).json()) as Row[];
      const by = (test: (a: Row) => boolean) => new Set(list.filter(test).map((a) => a.orgId));
      const evaluated = by((a) => a.evaluatedAt !== null && a.evaluatedAt <= meta.asOf && !(a.exemptAt && a.exemptAt <= meta.asOf));
      return [...by((a) => a.exemptAt !== null && a.exemptAt <= meta.asOf)].find((id) => evaluated.has(id));
    });
    expect(exempt).toBeDefined();
    await page.goto(`${s.base}/org/${exempt}`);
    await page.getByRole('region', { name: '本级任务' }).locator('.stage-exempt').first().waitFor();
    await check(`/org/${exempt}`);
    // every variant was on screen for one of the checks above
    const kinds = [...seen].join(' ');
    for (const level of ['none', 'remind', 'warn', 'supervise', 'interview']) expect(kinds).toContain(`level-${level}`);
    for (const stage of ['issued', 'claimed', 'reported', 'evaluated', 'exempt']) expect(kinds).toContain(`stage-${stage}`);
    expect(kinds).toContain('grade-none');
  }, 150_000);

  it('wrote nothing to the console', () => {
    expect(s.errors).toEqual([]);
  });
});

describe('a real backend with mocks off (Node http, no MSW)', () => {
  let s: Session;
  beforeAll(async () => (s = await open(() => startBackend(example()))));
  afterAll(async () => s?.close());

  it('computes the worked example from the served resources', async () => {
    await s.page.goto(`${s.base}/orgs?sort=index&dir=desc`);
    const rows = s.page.getByRole('table').getByRole('row');
    await expect.poll(() => rows.count()).toBe(7);
    // the table leads with name, index, grade, alert (kept on screen on a phone), then tier, parent, own, sub, rank:
    // read back as name, tier, parent, index, own, sub, grade, rank
    const byName = async (name: string) => {
      const c = await rows
        .filter({ has: s.page.getByRole('link', { name, exact: true }) })
        .getByRole('cell')
        .allTextContents();
      return [c[0], c[4], c[5], c[1], c[6], c[7], c[2], c[8]];
    };
    expect(await byName('示例区总工会')).toEqual(['示例区总工会', '区总工会', '—', '73.3', '97.0', '57.4', '3A', '1']);
    expect(await byName('东镇总工会')).toEqual(['东镇总工会', '镇街工会', '示例区总工会', '40.4', '22.2', '52.6', '未评级', '2']);
    // no service worker: the app talked to the server itself
    expect(await s.page.evaluate(() => navigator.serviceWorker.controller)).toBeNull();
  });

  it('exports the engine values, rounded to 2 decimals', async () => {
    // English mode: the machine-readable headers and codes scripts rely on
    await s.page.goto(`${s.base}/orgs?lang=en`);
    const [download] = await Promise.all([s.page.waitForEvent('download'), s.page.getByRole('button', { name: 'Export CSV' }).click()]);
    const lines = readFileSync((await download.path())!, 'utf8')
      .slice(1)
      .trimEnd()
      .split('\r\n');
    expect(lines).toContain('D,示例区总工会,district,,73.25,97,57.42,3A,1,63.8,80.32,none');
    expect(lines).toContain('T2,西街道总工会,town,D,74.4,,74.4,3A,1,,74.4,none');
  });

  it('wrote nothing to the console', () => expect(s.errors).toEqual([]));
});

describe('hostile names against the real backend', () => {
  const EVIL = ['<img src=x onerror=alert(1)>', '"><script>alert(2)</script>', '=HYPERLINK("http://x","y")'];
  let s: Session;
  beforeAll(async () => {
    const data = example();
    const orgs = data.years[2025].orgs as { id: string; name: string }[];
    // T1, G1, T2 get markup for names; G2 a formula
    for (const [id, name] of [
      ['T1', EVIL[0]],
      ['G1', EVIL[1]],
      ['T2', `${EVIL[1]}街道`],
      ['G2', EVIL[2]],
    ] as const)
      orgs.find((o) => o.id === id)!.name = name;
    s = await open(() => startBackend(data));
  });
  afterAll(async () => s?.close());

  it('renders names inert in tables, chart tooltips, the breadcrumb and the title', async () => {
    await s.page.goto(`${s.base}/`);
    await waitForCharts(s.page, 6);
    // tooltip over the ranking's first bar (T2, the best town)
    const box = (await s.page.getByRole('region', { name: '镇街工会建家指数排名' }).locator('canvas').first().boundingBox())!;
    const band = (box.height - 8 - 8 - 24) / 2;
    await s.page.mouse.move(box.x + box.width * 0.3, box.y + 8 + band / 2);
    await expect.poll(() => s.page.getByText(`${EVIL[1]}街道`, { exact: false }).count()).toBeGreaterThan(0);
    await s.page.goto(`${s.base}/org/G1`);
    await s.page.getByRole('navigation', { name: '层级导航' }).waitFor();
    expect(await s.page.getByRole('navigation', { name: '层级导航' }).getByRole('listitem').allTextContents()).toEqual([
      '示例区总工会',
      EVIL[0],
      EVIL[1],
    ]);
    expect(await s.page.title()).toBe(`${EVIL[1]} · 示例区总工会`);
    await s.page.goto(`${s.base}/orgs`);
    await expect.poll(() => s.page.getByRole('link', { name: EVIL[0] }).count()).toBe(1);
    expect(await s.page.locator('img[src="x"], script:not([src])').count()).toBe(0);
    expect(s.errors).toEqual([]);
  });

  it('neutralises formulas in the CSV', async () => {
    await s.page.goto(`${s.base}/orgs?lang=en`);
    const [download] = await Promise.all([s.page.waitForEvent('download'), s.page.getByRole('button', { name: 'Export CSV' }).click()]);
    const text = readFileSync((await download.path())!, 'utf8');
    expect(text).toContain(`G2,"'=HYPERLINK(""http://x"",""y"")",grassroots,T1`);
    expect(text).toContain(`T1,<img src=x onerror=alert(1)>,town,D`);
  });
});

describe('Content-Security-Policy', () => {
  it('the production build carries a policy without unsafe-inline scripts or unsafe-eval, and runs under it', async () => {
    const html = readFileSync('dist/index.html', 'utf8');
    const csp = /http-equiv="Content-Security-Policy" content="([^"]+)"/.exec(html)?.[1] ?? '';
    const scriptSrc =
      csp
        .split(';')
        .map((d) => d.trim())
        .find((d) => d.startsWith('script-src')) ?? '';
    expect(scriptSrc).toBe("script-src 'self'");
    expect(csp).not.toContain('unsafe-eval');
    const s = await open(() => startBackend(example()));
    const violations: string[] = [];
    await s.page.exposeFunction('reportViolation', (v: string) => violations.push(v));
    await s.page.addInitScript(() =>
      document.addEventListener('securitypolicyviolation', (e) =>
        (window as unknown as { reportViolation: (v: string) => void }).reportViolation(`${e.violatedDirective} ${e.blockedURI}`),
      ),
    );
    await s.page.goto(`${s.base}/`);
    await waitForCharts(s.page, 6);
    await s.page.goto(`${s.base}/org/T1`);
    await s.page.getByRole('region', { name: '本级任务' }).waitFor();
    expect(violations).toEqual([]);
    expect(s.errors).toEqual([]);
    await s.close();
  });
});
