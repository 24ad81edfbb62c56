/** Issue 11 in the UI: the date field, year over year, 表彰/退出, term help, laggards first, exports in the reader's language. */
import { screen, waitFor, within } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { http, HttpResponse } from 'msw';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { server } from '../../mocks/node';
import { mockDistrict } from '../../mocks/data/district';
import { buildHeatmapOption } from '../../src/charts/options/builders';
import { heatmapRows } from '../../src/data/chartInputs';
import { paceLine, yearPace } from '../../src/data/compare';
import { comparisonAsOf } from '../../src/data/dashboard';
import { urgentAlertsVaried } from '../../src/data/selectors';
import { orgScores } from '../../src/engine';
import { TermHelp } from '../../src/ui/TermHelp';
import { scoreBands } from '../../src/ui/theme';
import { meta } from '../fixtures/build';
import { captureDownloads, parseCsv } from '../support/csv';
import { dashboardOf, engineAt, renderWithDashboard } from '../support/dashboard';
import { renderApp, waitForData } from './render';

describe('the as-of field', () => {
  it('typing 03152025 commits nothing and says the format; Enter on a valid date commits once', async () => {
    const user = userEvent.setup();
    const { router, history } = renderApp('/');
    await waitForData();
    const before = history.length;
    const input = screen.getByLabelText('截至日期') as HTMLInputElement;
    expect(input.type).toBe('text');
    expect(input.placeholder).toBe('YYYY-MM-DD');
    await user.clear(input);
    await user.type(input, '03152025{Enter}');
    expect(router.state.location.search).not.toHaveProperty('asOf');
    expect(input).toHaveAttribute('aria-invalid', 'true');
    expect(screen.getByRole('alert')).toHaveTextContent('2025-01-01 至 2025-06-30');
    await user.clear(input);
    await user.type(input, '2025-03-15');
    expect(router.state.location.search).not.toHaveProperty('asOf');
    await user.keyboard('{Enter}');
    await waitFor(() => expect(router.state.location.search).toMatchObject({ asOf: '2025-03-15' }));
    expect(history.length).toBe(before + 1);
    expect(input).not.toHaveAttribute('aria-invalid');
  }, 30000);

  it('a date past meta.asOf says the data is complete to meta.asOf; the picker stops there', async () => {
    renderApp('/?asOf=2025-09-01&lang=en');
    await waitForData();
    expect(screen.getByText('Data complete to 2025-06-30')).toBeInTheDocument();
    expect((screen.getByLabelText('As of') as HTMLInputElement).value).toBe('2025-06-30');
    expect(document.querySelector('input[type="date"]')).toHaveAttribute('max', '2025-06-30');
  }, 30000);

  it('no cap note when the date is inside the data', async () => {
    renderApp('/?asOf=2025-05-01');
    await waitForData();
    expect(screen.queryByText(/数据截至/)).not.toBeInTheDocument();
  }, 30000);
});

describe('year over year', () => {
  it('the comparison date is the same month and day, never past what that year holds', () => {
    const m = meta({ years: [2023, 2024, 2025], defaultYear: 2025, asOf: '2025-06-30' });
    expect(comparisonAsOf(m, '2025-03-15', 2024)).toBe('2024-03-15');
    expect(comparisonAsOf(m, '2024-02-29', 2023)).toBe('2023-02-28');
    expect(comparisonAsOf(m, '2024-12-31', 2025)).toBe('2025-06-30');
  });

  it('the pace line runs 0 → 100 across the calendar, as §7 expects of an indicator issued Jan 1 and due Dec 31', () => {
    const [jan1, jan31, jun30, dec31] = paceLine(['2025-01-01', '2025-01-31', '2025-06-30', '2025-12-31']);
    expect(jan1).toBe(0);
    expect(jan31).toBeCloseTo((100 * 30) / 364, 9);
    expect(jun30).toBeCloseTo((100 * 180) / 364, 9);
    expect(dec31).toBe(100);
    expect(paceLine(['2024-07-02', '2024-12-31'])).toEqual([(100 * 183) / 365, 100]); // a leap year: 366 days
    // the wall's trend draws the same line
    expect(paceLine(['2025-06-30'])).toEqual([yearPace('2025-06-30')]);
  });

  it('the header toggle turns compare=2024 on; KPI cards show the change against the same day', async () => {
    const user = userEvent.setup();
    const { router } = renderApp('/');
    await waitForData();
    expect(screen.queryByTestId('district-index-change')).not.toBeInTheDocument();
    const toggle = screen.getByRole('button', { name: '对比上年' });
    expect(toggle).toHaveAttribute('aria-pressed', 'false');
    await user.click(toggle);
    await waitFor(() => expect(router.state.location.search).toMatchObject({ compare: 2024 }));
    const now = engineAt(mockDistrict(2025), '2025-06-30');
    const prev = engineAt(mockDistrict(2024), '2024-06-30');
    const change = orgScores(now.ds, now.r, 0).index! - orgScores(prev.ds, prev.r, 0).index!;
    const text = `${change >= 0 ? '▲ +' : '▼ −'}${Math.abs(change).toFixed(1)}`;
    await waitFor(() => expect(screen.getByTestId('district-index-change')).toHaveTextContent(text), { timeout: 20000 });
    // the colour says good or bad: more alerts is bad, fewer good, whichever way the arrow points
    const alerts = screen.getByRole('heading', { name: '预警（任务数）' }).parentElement!;
    const tones = [...alerts.querySelectorAll('.change')].map((c) => [
      c.classList.contains('up') ? 'up' : c.classList.contains('down') ? 'down' : 'flat',
      c.classList.contains('good') ? 'good' : c.classList.contains('bad') ? 'bad' : 'neutral',
    ]);
    expect(tones).toHaveLength(4);
    for (const [dir, tone] of tones) expect(tone).toBe(dir === 'up' ? 'bad' : dir === 'down' ? 'good' : 'neutral');
    expect(
      screen
        .getByTestId('district-index-change')
        .querySelector('.change')!
        .classList.contains(change >= 0 ? 'good' : 'bad'),
    ).toBe(true);
    expect(screen.getByRole('button', { name: '对比上年' })).toHaveAttribute('aria-pressed', 'true');
    // the comparison follows links
    await user.click(screen.getByRole('link', { name: '组织列表' }));
    await waitFor(() => expect(router.state.location.search).toMatchObject({ compare: 2024 }));
    expect(await screen.findByRole('columnheader', { name: /^层级排名变化/ })).toBeInTheDocument();
  }, 60000);

  it('a comparison year that fails to load: the year is shown alone, and the header says so', async () => {
    // only 2024 fails; other requests fall through to the mock handlers
    server.use(
      http.get('*/v1/orgs', ({ request }) =>
        new URL(request.url).searchParams.get('year') === '2024'
          ? HttpResponse.json({ error: { code: 'internal', message: 'down' } }, { status: 503 })
          : undefined,
      ),
    );
    renderApp('/?compare=2024');
    await waitForData();
    expect(await screen.findByText('2024 年数据加载失败，暂不对比', {}, { timeout: 15000 })).toBeInTheDocument();
    expect(screen.getByTestId('district-index').textContent).toMatch(/^\d+\.\d$/);
    expect(screen.queryByTestId('district-index-change')).not.toBeInTheDocument();
    server.resetHandlers();
  }, 30000);

  it('no toggle where there is no previous year; a compare year that is not earlier is ignored', async () => {
    renderApp('/?year=2024&compare=2025');
    await waitForData();
    expect(screen.queryByRole('button', { name: '对比上年' })).not.toBeInTheDocument();
    expect(screen.queryByTestId('district-index-change')).not.toBeInTheDocument();
  }, 30000);
});

describe('表彰 and 退出', () => {
  it('lists the top band per tier and those that left it since the same day last year', async () => {
    const user = userEvent.setup();
    renderApp('/');
    await waitForData();
    await user.click(screen.getByRole('link', { name: '表彰与退出名单' }));
    const now = engineAt(mockDistrict(2025), '2025-06-30');
    const prev = engineAt(mockDistrict(2024), '2024-06-30');
    const top = now.r.gradeBands[0].grade;
    expect(await screen.findByRole('heading', { name: `表彰名单：${top}（截至 2025-06-30）` })).toBeInTheDocument();
    const topNow = now.ds.orgs.filter((_, u) => now.r.grade[u] === 0 && now.ds.tier[u] === 2);
    expect(screen.getByRole('heading', { name: `基层工会 · ${topNow.length}` })).toBeInTheDocument();
    const exits = prev.ds.orgs.filter(
      (o, p) => prev.r.grade[p] === 0 && !(now.ds.orgIndex.has(o.id) && now.r.grade[now.ds.orgIndex.get(o.id)!] === 0),
    );
    const section = await screen.findByRole('region', { name: `退出名单：2024 年同期为 ${top}、现已不是` }, { timeout: 20000 });
    if (exits.length) {
      expect(within(section).getByText(`共 ${exits.length} 条`)).toBeInTheDocument();
    } else expect(within(section).getByText('无')).toBeInTheDocument();
  }, 60000);
});

describe('term help', () => {
  it('is a button with aria-expanded whose explanation appears in a live region, closes on Escape', async () => {
    const user = userEvent.setup();
    await renderWithDashboard(<TermHelp term="本级 / 下级" text="本级：自己的任务；下级：下属组织。" />);
    const button = screen.getByRole('button', { name: '说明：本级 / 下级' });
    expect(button).toHaveAttribute('aria-expanded', 'false');
    const live = document.getElementById(button.getAttribute('aria-controls')!)!;
    expect(live).toHaveAttribute('role', 'status');
    expect(live).toBeEmptyDOMElement();
    await user.click(button);
    expect(button).toHaveAttribute('aria-expanded', 'true');
    expect(live).toHaveTextContent('本级：自己的任务；下级：下属组织。');
    await user.keyboard('{Escape}');
    expect(button).toHaveAttribute('aria-expanded', 'false');
    expect(button).toHaveFocus();
    button.focus();
    await user.keyboard('{Enter}');
    expect(live).not.toBeEmptyDOMElement();
  });

  it('the overview labels stage counts and reached-at-least counts differently and explains both', async () => {
    renderApp('/?lang=en');
    await waitForData();
    expect(screen.getByText('At this stage now')).toBeInTheDocument();
    expect(await screen.findByText('Reached at least this stage')).toBeInTheDocument();
    for (const term of ['At this stage now', 'Reached at least this stage', 'Own / Subordinate', 'Grade']) {
      expect(screen.getAllByRole('button', { name: `About: ${term}` }).length).toBeGreaterThan(0);
    }
  }, 30000);
});

describe('laggards first', () => {
  it('the heatmap fits every row: no scrollbar hides the weakest', () => {
    const d = dashboardOf();
    const ids = d.model.groups();
    const rows = heatmapRows(d.model, ids);
    const many = Array.from({ length: 28 }, (_, k) => ({ ...rows[0], id: `X${k}`, name: `X${k}` }));
    const option = buildHeatmapOption(many, ['a'], scoreBands([60, 70, 80, 90]));
    expect(option.dataZoom ?? []).toEqual([]);
    expect((option.yAxis as { data: string[] }).data).toHaveLength(28);
    // a town's hundred unions would be unreadable fitted: they scroll
    const hundred = Array.from({ length: 100 }, (_, k) => ({ ...rows[0], id: `X${k}`, name: `X${k}` }));
    expect((buildHeatmapOption(hundred, ['a'], scoreBands([60, 70, 80, 90])).dataZoom as unknown[]).length).toBe(2);
  });

  it('the urgent list holds at most two of one indicator and names the town', async () => {
    const d = engineAt(mockDistrict(2025), '2025-06-30');
    const dash = { ...dashboardOf(), ds: d.ds, result: d.r, model: d.model };
    const urgent = urgentAlertsVaried(dash, 12, 2);
    const perIndicator = new Map<string, number>();
    for (const a of urgent) perIndicator.set(a.indicator.id, (perIndicator.get(a.indicator.id) ?? 0) + 1);
    expect(Math.max(...perIndicator.values())).toBeLessThanOrEqual(2);
    expect(urgent).toHaveLength(12);
    renderApp('/');
    await waitForData();
    const list = await screen.findByRole('region', { name: '最紧急的预警' });
    const first = urgent.find((a) => a.townId !== a.orgId)!;
    expect(within(list).getAllByText(new RegExp(`所属：${first.townName}`)).length).toBeGreaterThan(0);
  }, 30000);

  it('/orgs opens by rank in tier, best first', async () => {
    renderApp('/orgs?tier=town');
    await waitForData();
    const table = await screen.findByRole('table');
    // find the rank column by its header, not its position (the phone layout leads with name, index, grade, alert)
    const headers = within(table)
      .getAllByRole('columnheader')
      .map((h) => h.textContent ?? '');
    const rankColumn = headers.findIndex((h) => h.startsWith('层级排名'));
    const ranks = within(table)
      .getAllByRole('row')
      .slice(1, 6)
      .map((r) => r.querySelectorAll('th, td')[rankColumn].textContent);
    expect(ranks).toEqual(['1', '2', '3', '4', '5']);
  }, 30000);

  it('a grade count opens the list it counts; an alert count the alerts of that level', async () => {
    const user = userEvent.setup();
    const { router } = renderApp('/');
    await waitForData();
    const card = screen.getByRole('heading', { name: '等级分布（基层工会）' }).closest('.kpi') as HTMLElement;
    const first = within(card).getAllByRole('link')[0];
    const count = first.textContent;
    await user.click(first);
    await waitFor(() => expect(router.state.location.pathname).toBe('/orgs'));
    expect(router.state.location.search).toMatchObject({ tier: 'grassroots' });
    expect(await screen.findByText(`共 ${count} 条`)).toBeInTheDocument();
  }, 30000);

  it('/alerts searches by organisation or indicator name', async () => {
    const user = userEvent.setup();
    const { router } = renderApp('/alerts');
    await waitForData();
    const box = await screen.findByLabelText('搜索组织或指标');
    await user.type(box, '银湖');
    await waitFor(() => expect(router.state.location.search).toMatchObject({ q: '银湖' }));
    const rows = within(screen.getByRole('table')).getAllByRole('row').slice(1);
    expect(rows.length).toBeGreaterThan(0);
    for (const r of rows.slice(0, 20)) expect(r.textContent).toMatch(/银湖/);
  }, 30000);
});

describe("exports in the reader's language", () => {
  let downloads: ReturnType<typeof captureDownloads>;
  beforeEach(() => (downloads = captureDownloads()));
  afterEach(() => downloads.restore());

  it('Chinese: the organisations CSV has Chinese headers, tier and parent names, levels in words', async () => {
    const user = userEvent.setup();
    renderApp('/orgs?tier=grassroots');
    await waitForData();
    await user.click(screen.getByRole('button', { name: '导出 CSV' }));
    const [header, ...rows] = parseCsv(await downloads.blobs[0].text());
    expect(header.slice(0, 9)).toEqual(['编号', '名称', '层级', '上级', '指数', '本级', '下级', '等级', '层级排名']);
    expect(header.at(-1)).toBe('预警');
    const now = engineAt(mockDistrict(2025), '2025-06-30');
    const row = rows[0];
    const o = now.model.org(row[0]);
    expect(row[2]).toBe('基层工会');
    expect(row[3]).toBe(now.model.parentOf(o.id)!.name);
    expect(['无', '提醒', '预警', '督办', '约谈']).toContain(row.at(-1));
    expect(rows.some((r) => r[7] === '未评级') || rows.every((r) => r[7] !== '')).toBe(true);
  }, 30000);

  it('Chinese: the alerts CSV names the town and spells out levels and stages; English keeps the codes', async () => {
    const user = userEvent.setup();
    const { unmount } = renderApp('/alerts?level=interview');
    await waitForData();
    await user.click(await screen.findByRole('button', { name: '导出 CSV' }));
    const [header, first] = parseCsv(await downloads.blobs[0].text());
    expect(header[0]).toBe('等级');
    expect(header).toContain('落后序时进度（百分点）');
    expect(first[0]).toBe('约谈');
    const now = engineAt(mockDistrict(2025), '2025-06-30');
    expect(first[3]).toBe(now.model.groupOf(first[1])!.name);
    expect(['下达', '领办', '反馈', '评价']).toContain(first.at(-1));
    unmount();
    renderApp('/alerts?level=interview&lang=en');
    await waitForData();
    await user.click(await screen.findByRole('button', { name: 'Export CSV' }));
    const [enHeader, enFirst] = parseCsv(await downloads.blobs[1].text());
    expect(enHeader).toEqual([
      'level',
      'orgId',
      'org',
      'townId',
      'indicatorId',
      'indicator',
      'target',
      'actual',
      'score',
      'due',
      'overdueDays',
      'paceGap',
      'stage',
    ]);
    expect(enFirst[0]).toBe('interview');
    expect(enFirst[3]).toBe(now.model.groupOf(enFirst[1])!.id);
  }, 60000);
});
