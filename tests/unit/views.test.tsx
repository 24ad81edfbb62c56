import { screen, waitFor, within } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { mockDistrict, mockMeta } from '../../mocks/data/district';
import { server } from '../../mocks/node';
import { serveDataset, singleYearSource } from '../../mocks/scenarios';
import { orgAssignments, orgScores, subtreeAlertTally } from '../../src/engine';
import { engineAt as runEngine } from '../support/dashboard';
import { captureDownloads, expectedOrgRow, parseCsv } from '../support/csv';
import { renderApp, waitForData } from './render';

/** The mock district's year through the engine, as the app computes it. */
function engineAt(year: number, asOf: string) {
  const d = mockDistrict(year);
  return { d, ...runEngine(d, asOf) };
}

describe('organisation page', () => {
  it("an organisation without data reads 无数据, not 未评级: its KPI and its row in the parent's children table", async () => {
    const d = mockDistrict(2025);
    const town = d.orgs.find((o) => o.id === 'T-HUYUAN')!;
    const [silent, graded] = d.orgs.filter((o) => o.parentId === town.id);
    // the town keeps two unions (one page of children); nothing issued to one: no index, so no grade (§5 grades an
    // index; no data is not zero)
    const gone = new Set(d.orgs.filter((o) => o.parentId === town.id && o !== silent && o !== graded).map((o) => o.id));
    const orgs = d.orgs.filter((o) => !gone.has(o.id));
    const assignments = d.assignments.filter((a) => a.orgId !== silent.id && !gone.has(a.orgId));
    server.use(...serveDataset(singleYearSource(mockMeta, 2025, { ...d, orgs, assignments })));
    renderApp(`/org/${silent.id}`);
    await waitForData();
    expect(await screen.findByTestId('org-index')).toHaveTextContent('—');
    expect(screen.getByTestId('org-index').parentElement!.querySelector('.badge.grade')).toHaveTextContent('无数据');
    await userEvent.setup().click(screen.getByRole('link', { name: town.name }));
    const children = await within(await screen.findByRole('region', { name: '下级组织' })).findByRole('table');
    const row = (name: string) => within(children).getByRole('link', { name }).closest('tr')!;
    expect(row(silent.name).querySelector('.badge.grade')).toHaveTextContent('无数据');
    expect(row(graded.name).querySelector('.badge.grade')!.textContent).not.toBe('无数据');
  });

  it('shows index, grade, ranks and every own assignment of a union', async () => {
    const { ds, r } = engineAt(2025, '2025-06-30');
    const u = ds.orgIndex.get('T-HUYUAN')!;
    const child = ds.children[u][0];
    const id = ds.orgs[child].id;
    renderApp(`/org/${id}`);
    await waitForData();
    const s = orgScores(ds, r, child);
    expect(await screen.findByTestId('org-index')).toHaveTextContent(s.index === undefined ? '—' : s.index.toFixed(1));
    const table = within(await screen.findByRole('region', { name: '本级任务' })).getByRole('table');
    expect(within(table).getAllByRole('row')).toHaveLength(1 + orgAssignments(ds, r, child).length);
    expect(screen.queryByRole('region', { name: '下级组织' })).not.toBeInTheDocument();
    expect(document.title).toBe(`${ds.orgs[child].name} · 富阳区总工会`);
  });

  it('a town shows its children, and Back returns to the overview', async () => {
    const user = userEvent.setup();
    const { router } = renderApp('/');
    await waitForData();
    await user.click(await screen.findByRole('link', { name: '查看全部督办清单' }));
    await waitFor(() => expect(router.state.location.pathname).toBe('/alerts'));
    await router.navigate({ to: '/org/$orgId', params: { orgId: 'T-YINHU' } });
    expect(await screen.findByRole('region', { name: '下级组织' })).toBeInTheDocument();
    router.history.back();
    await waitFor(() => expect(router.state.location.pathname).toBe('/alerts'));
  });

  it('an unknown organisation says so', async () => {
    renderApp('/org/NOPE');
    await waitForData();
    expect(await screen.findByRole('alert')).toHaveTextContent('未找到组织 NOPE');
  });
});

describe('alerts page', () => {
  it('filters by level and town, counts per level, links to the organisation', async () => {
    const user = userEvent.setup();
    const { r, ds } = engineAt(2025, '2025-06-30');
    const { router } = renderApp('/alerts');
    await waitForData();
    const counts = screen.getByRole('group', { name: '各等级数量' });
    const total = subtreeAlertTally(r, 0);
    expect(within(counts).getByRole('button', { name: /约谈/ }).querySelector('strong')!.textContent).toBe(String(total.interview));
    await user.click(within(counts).getByRole('button', { name: /约谈/ }));
    await waitFor(() => expect(router.state.location.search).toMatchObject({ level: 'interview' }));
    expect(screen.getByText(`共 ${total.interview} 条`)).toBeInTheDocument();
    await user.selectOptions(screen.getByRole('combobox', { name: '镇街' }), 'T-HUYUAN');
    const town = subtreeAlertTally(r, ds.orgIndex.get('T-HUYUAN')!);
    await waitFor(() => expect(screen.getByText(`共 ${town.interview} 条`)).toBeInTheDocument());
    expect(within(counts).getByRole('button', { name: /督办/ }).querySelector('strong')!.textContent).toBe(String(town.supervise));
  });
});

describe('organisations page and CSV export', () => {
  let downloads: ReturnType<typeof captureDownloads>;
  beforeEach(() => (downloads = captureDownloads()));
  afterEach(() => downloads.restore());

  it('exports every matching row (not just the page) with the engine values for the same date', async () => {
    const user = userEvent.setup();
    renderApp('/orgs?asOf=2025-05-15&tier=grassroots&lang=en');
    await waitForData();
    await user.click(screen.getByRole('button', { name: 'Export CSV' }));
    expect(downloads.blobs).toHaveLength(1);
    const text = await downloads.blobs[0].text();
    expect(text.startsWith('\uFEFF')).toBe(true);
    const [header, ...rows] = parseCsv(text);
    const { ds, r } = engineAt(2025, '2025-05-15');
    expect(header).toEqual([
      'id',
      'name',
      'tier',
      'parentId',
      'index',
      'own',
      'sub',
      'grade',
      'rank',
      ...ds.categories.map((c) => c.id),
      'alert',
    ]);
    const grassroots = ds.orgs.filter((o) => o.tier === 'grassroots');
    expect(rows).toHaveLength(grassroots.length);
    const byId = new Map(rows.map((row) => [row[0], row]));
    for (const o of grassroots) {
      const s = orgScores(ds, r, ds.orgIndex.get(o.id)!);
      expect(byId.get(o.id)).toEqual(expectedOrgRow(o, s));
    }
  });

  it('filters by name search, grade and parent; the visible page is 100 rows', async () => {
    renderApp('/orgs?parent=T-YINHU&sort=index&dir=desc');
    await waitForData();
    const { ds } = engineAt(2025, '2025-06-30');
    const n = ds.children[ds.orgIndex.get('T-YINHU')!].length;
    expect(screen.getByText(`共 ${n} 条`)).toBeInTheDocument();
    expect(within(screen.getByRole('table')).getAllByRole('row')).toHaveLength(101);
  });
});

describe('methodology page', () => {
  it('explains the rules as served, including every indicator', async () => {
    renderApp('/methodology?lang=en');
    await waitForData();
    expect(await screen.findByRole('heading', { name: 'Core indicators (23)' })).toBeInTheDocument();
    expect(screen.getByText('Worker membership rate')).toBeInTheDocument();
    expect(screen.getByText(/40% × own \+ 60% × subordinate/)).toBeInTheDocument();
  });
});

describe('organisation kinds', () => {
  it('are shown in the chosen language when known', async () => {
    renderApp('/org/T-YINHU');
    await waitForData();
    expect(await screen.findByText(/镇街工会 · 街道 · 会员数/)).toBeInTheDocument();
  });
});
