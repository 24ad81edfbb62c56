import { screen, waitFor, within } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { describe, expect, it } from 'vitest';
import { mockDistrict } from '../../mocks/data/district';
import { orgScores, subtreeAlertTally } from '../../src/engine';
import { engineAt as runEngine } from '../support/dashboard';
import { renderApp, waitForData } from './render';

/** The mock district's year through the engine, as the app computes it. */
function engineAt(year: number, asOf: string) {
  const d = mockDistrict(year);
  return { d, ...runEngine(d, asOf) };
}

describe('overview', () => {
  it('shows the district index, grade and alert counts the engine computes', async () => {
    renderApp('/');
    await waitForData();
    const { ds, r } = engineAt(2025, '2025-06-30');
    const root = orgScores(ds, r, 0);
    expect((await screen.findByTestId('district-index')).textContent).toBe(root.index!.toFixed(1));
    const alerts = subtreeAlertTally(r, 0);
    const kpi = screen.getByRole('heading', { name: '预警（任务数）' }).parentElement!;
    expect(within(kpi).getByText('督办').closest('div')!.querySelector('dd')!.textContent).toBe(String(alerts.supervise));
    await waitFor(() => expect(document.title).toBe('全区总览 · 富阳区总工会'));
    for (const name of [
      '镇街工会建家指数排名',
      '各类别得分',
      '基层工会等级分布',
      '月度趋势',
      '镇街工会 × 类别得分',
      '四项流程',
      '最紧急的预警',
    ]) {
      expect(await screen.findByRole('region', { name }, { timeout: 10000 })).toBeInTheDocument();
    }
  });

  it('every chart has a data-table twin; the ranking twin drills to a town by keyboard', async () => {
    const user = userEvent.setup();
    const { router } = renderApp('/');
    await waitForData();
    // the cards render in a task after the KPI row has painted
    const ranking = await screen.findByRole('region', { name: '镇街工会建家指数排名' });
    await user.click(within(ranking).getByRole('button', { name: '数据表' }));
    const table = within(ranking).getByRole('table');
    const rows = within(table).getAllByRole('row');
    expect(rows.length).toBe(29); // header + 28 towns and system unions
    const first = within(rows[1]).getByRole('link');
    expect(first).toHaveTextContent('银湖街道总工会');
    first.focus();
    await user.keyboard('{Enter}');
    await waitFor(() => expect(router.state.location.pathname).toBe('/org/T-YINHU'));
    const crumbs = within(await screen.findByRole('navigation', { name: '层级导航' }, { timeout: 10000 })).getAllByRole('listitem');
    expect(crumbs.map((li) => li.textContent)).toEqual(['富阳区总工会', '银湖街道总工会']);
  });

  it('changing the as-of date recomputes without blanking', async () => {
    const user = userEvent.setup();
    const { router } = renderApp('/');
    await waitForData();
    const input = screen.getByLabelText('截至日期');
    await user.clear(input);
    await user.type(input, '2025-03-31');
    // nothing is committed while typing: the date applies on Enter (or leaving the field)
    expect(router.state.location.search).not.toHaveProperty('asOf');
    await user.keyboard('{Enter}');
    await waitFor(() => expect(router.state.location.search).toMatchObject({ asOf: '2025-03-31' }));
    // the view stays on screen while it recomputes: no loading screen in between
    expect(screen.getByRole('region', { name: '镇街工会建家指数排名' })).toBeInTheDocument();
    expect(screen.queryByText('正在加载数据…')).not.toBeInTheDocument();
    const { ds, r } = engineAt(2025, '2025-03-31');
    await waitFor(() => expect(screen.getByTestId('district-index')).toHaveTextContent(orgScores(ds, r, 0).index!.toFixed(1)));
  });

  it('switching year loads that year with its own default date', async () => {
    const user = userEvent.setup();
    const { router } = renderApp('/');
    await waitForData();
    await user.selectOptions(screen.getByRole('combobox', { name: '年度' }), '2024');
    await waitFor(() => expect(screen.getByLabelText('截至日期')).toHaveValue('2024-12-31'));
    expect(router.state.location.search).toMatchObject({ year: 2024 });
    const { ds, r } = engineAt(2024, '2024-12-31');
    await waitFor(() => expect(screen.getByTestId('district-index')).toHaveTextContent(orgScores(ds, r, 0).index!.toFixed(1)));
  });
});
