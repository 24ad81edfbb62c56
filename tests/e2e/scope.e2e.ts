/**
 * Scoped sessions in the browser (contract "Scope of the session", issue 13)
 * against the real deployment server with users.json: a town's session shows
 * the town as the top, says "no access" for a link outside it, and after
 * signing in as another town in the same browser shows nothing of the first.
 */
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { mockDistrict, mockMeta } from '../../mocks/data/district';
import { startServer, type RunningServer } from '../../server/serve';
import { writeMockDataDir } from '../bench/load';
import { launch, seriousViolations, type Browser } from './browser';

const meta = mockMeta();
const district = mockDistrict(meta.defaultYear);
const towns = district.orgs.filter((o) => o.tier === 'town');
const [townA, townB] = towns;
const subtree = (rootId: string) => {
  const ids = new Set([rootId]);
  for (const o of district.orgs) if (o.parentId && ids.has(o.parentId)) ids.add(o.id); // orgs come root first
  return district.orgs.filter((o) => ids.has(o.id));
};
const namesA = new Set(subtree(townA.id).map((o) => o.name));
const namesB = new Set(subtree(townB.id).map((o) => o.name));
/** Names only A's subtree has (a generic name B also carries would prove nothing). */
const onlyA = [...namesA].filter((n) => !namesB.has(n));

let dir: string;
let server: RunningServer;
let browser: Browser;
let page: Page;
const errors: string[] = [];

beforeAll(async () => {
  dir = mkdtempSync(join(tmpdir(), 'jj-scope-'));
  writeMockDataDir(dir);
  writeFileSync(
    join(dir, 'users.json'),
    JSON.stringify({ tokens: { 'town-a': { orgId: townA.id }, 'town-b': { orgId: townB.id }, all: {} } }),
  );
  server = await startServer({ distDir: 'dist', dataDir: dir, log: () => undefined });
  browser = await launch({ width: 1366, height: 900 });
  page = await browser.context.newPage();
  page.on('pageerror', (e) => errors.push(e.message));
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

const signIn = async (token: string) => {
  await page.goto(`${server.url}/session?token=${token}`);
  await page.waitForURL(`${server.url}/`);
};

describe('a town session', () => {
  it('presents the town as the top: its name as "your organisation", its index, ranks within the scope', async () => {
    expect(onlyA.length).toBeGreaterThan(10);
    await signIn('town-a');
    await expect.poll(() => page.locator('.scope-tag').textContent()).toBe(`本单位 · ${townA.name}`);
    await expect.poll(() => page.getByRole('heading', { name: '本单位建家指数' }).count()).toBe(1);
    // an organisation under the town: the breadcrumb starts at the town, ranks are within the scope
    const child = subtree(townA.id)[1];
    await page.goto(`${server.url}/org/${child.id}`);
    const crumbs = page.getByRole('navigation', { name: '层级导航' }).getByRole('listitem');
    await expect.poll(() => crumbs.first().textContent()).toBe(townA.name);
    expect(await page.getByRole('link', { name: meta.district.name }).count()).toBe(0);
    await expect.poll(() => page.getByRole('heading', { name: '范围内排名' }).count()).toBe(1);
    expect(await seriousViolations(page)).toEqual([]);
  });

  it("names what it ranks by the tier of the town's children (its grassroots unions), not by the district's towns", async () => {
    await signIn('town-a');
    const leaf = meta.tiers[meta.tiers.length - 1].name.zh;
    const town = meta.tiers[1].name.zh;
    await page.getByRole('region', { name: `${leaf}建家指数排名` }).waitFor();
    await page.getByRole('region', { name: `${leaf} × 类别得分` }).waitFor();
    expect(await page.getByRole('region', { name: `${town}建家指数排名` }).count()).toBe(0);
    await page.goto(`${server.url}/demands`);
    await page.getByRole('region', { name: `议题 × ${leaf}` }).waitFor();
    expect(await page.getByRole('region', { name: `议题 × ${town}` }).count()).toBe(0);
  });

  it('an old link to another town says "no access", not an error', async () => {
    await page.goto(`${server.url}/org/${townB.id}`);
    await expect.poll(() => page.getByTestId('no-access').textContent()).toContain('无权访问');
    expect(await page.getByRole('button', { name: '重试' }).count()).toBe(0);
    // and the API itself refuses it
    const status = await page.evaluate(async (id) => (await fetch(`/api/v1/assignments?year=2025&orgId=${id}`)).status, townB.id);
    expect(status).toBe(403);
  });

  it('after signing in as another town in the same browser, nothing of the first is shown', async () => {
    await signIn('town-b');
    await expect.poll(() => page.locator('.scope-tag').textContent()).toBe(`本单位 · ${townB.name}`);
    for (const path of ['/', '/orgs?pageSize=100', '/alerts', '/demands']) {
      await page.goto(`${server.url}${path}`);
      await expect.poll(() => page.locator('.scope-tag').textContent()).toBe(`本单位 · ${townB.name}`);
      await page.waitForLoadState('networkidle');
      const text = await page.locator('body').innerText();
      const leaked = onlyA.filter((n) => text.includes(n));
      expect(leaked, path).toEqual([]);
    }
    // the browser's back button does not bring A's pages back either
    await page.goBack();
    await page.waitForLoadState('networkidle');
    const back = await page.locator('body').innerText();
    expect(onlyA.filter((n) => back.includes(n))).toEqual([]);
    expect(errors).toEqual([]);
  });
});
