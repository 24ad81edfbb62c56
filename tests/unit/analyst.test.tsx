/**
 * The analyst's panels (issue 12) rendered on the worked example: provenance
 * adding up level by level and its CSV, the next-grade plan, the what-if
 * sandbox (a grade changes, the URL holds it, reset restores the official
 * numbers) and the rank-range column.
 */
import { screen, waitFor, within } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { useDashboard } from '../../src/data/dashboard';
import { useRankIntervals } from '../../src/data/robustness';
import { AnalystPanels } from '../../src/features/org/AnalystPanels';
import { WhatIfPage } from '../../src/features/whatif/WhatIfPage';
import { useI18n } from '../../src/i18n';
import { DataTable } from '../../src/ui/DataTable';
import { rankRangeColumn } from '../../src/ui/rankRange';
import { exampleDataset, renderWithDashboard } from '../support/dashboard';
import { expectedProvenanceRows } from '../support/provenance';

function Panels({ id }: { id: string }) {
  const d = useDashboard();
  const i18n = useI18n();
  return <AnalystPanels d={d} id={id} i18n={i18n} />;
}

/** The numbers of a table's body rows in one column, and its footer's. */
function column(table: HTMLElement, k: number): { body: number[]; total: number } {
  const cell = (row: Element) => Number(row.querySelectorAll('th, td')[k].textContent);
  return { body: [...table.querySelectorAll('tbody tr')].map(cell), total: cell(table.querySelector('tfoot tr')!) };
}

const sum = (xs: number[]) => xs.reduce((a, b) => a + b, 0);

describe('provenance panel', () => {
  afterEach(() => vi.restoreAllMocks());

  it('T1: index = own and sub by α, own = categories, category = indicators, sub = children, each within display rounding', async () => {
    await renderWithDashboard(<Panels id="T1" />, { url: '/org/T1' });
    const panel = screen.getByTestId('provenance');
    const index = within(panel).getByTestId('prov-index');
    expect(index.textContent).toContain('α = 0.4');
    const points = column(index, 3);
    expect(points.total).toBe(40.44);
    expect(points.body).toEqual([8.88, 31.56]);
    expect(Math.abs(sum(points.body) - points.total)).toBeLessThanOrEqual(0.01);

    const own = column(within(panel).getByTestId('prov-own'), 4);
    expect(own.total).toBe(22.2);
    expect(Math.abs(sum(own.body) - own.total)).toBeLessThanOrEqual(0.01);
    // the own index in the index table is the total of the categories
    expect(column(index, 1).body[0]).toBe(own.total);

    for (const cat of ['A', 'B']) {
      const table = within(panel).getByTestId(`prov-category-${cat}`);
      const toCategory = column(table, 7);
      const toOwn = column(table, 8);
      expect(Math.abs(sum(toCategory.body) - toCategory.total)).toBeLessThanOrEqual(0.01);
      expect(Math.abs(sum(toOwn.body) - toOwn.total)).toBeLessThanOrEqual(0.01);
    }
    // the inverse rule in words, with its penalty
    expect(within(within(panel).getByTestId('prov-category-B')).getByText(/100 − 20 ×/)).toBeTruthy();

    const sub = column(within(panel).getByTestId('prov-sub'), 4);
    expect(sub.total).toBe(52.6);
    expect(sub.body).toEqual([47.6, 5]);
    expect(within(panel).getByTestId('prov-sub').textContent).toContain('甲公司工会');
  });

  it('shows an assignment’s workflow dates and progress events', async () => {
    await renderWithDashboard(<Panels id="D" />, { url: '/org/D' });
    const table = screen.getByTestId('prov-category-A');
    const row = within(table).getByText('职工入会率').closest('tr')!;
    await userEvent.click(within(row).getByText('流程与进度'));
    expect(row.textContent).toContain('下达 2025-01-10');
    expect(row.textContent).toContain('认领 2025-01-12');
    expect(row.textContent).toContain('2025-03-31: 85');
    expect(row.textContent).toContain('2025-06-30: 90.25');
  });

  it.each(['D', 'T1', 'G3'])(
    'the Provenance CSV of %s: exact header, official rows as computed independently, in both languages',
    async (id) => {
      for (const lang of ['zh', 'en']) {
        const blobs: Blob[] = [];
        vi.spyOn(URL, 'createObjectURL').mockImplementation((b) => {
          blobs.push(b as Blob);
          return 'blob:test';
        });
        vi.spyOn(URL, 'revokeObjectURL').mockImplementation(() => undefined);
        vi.spyOn(HTMLAnchorElement.prototype, 'click').mockImplementation(() => undefined);
        const { unmount } = await renderWithDashboard(<Panels id={id} />, { url: `/org/${id}${lang === 'en' ? '?lang=en' : ''}` });
        await userEvent.click(screen.getByRole('button', { name: lang === 'en' ? 'Provenance CSV' : '来源明细 CSV' }));
        expect(blobs).toHaveLength(1);
        const lines = (await blobs[0].text())
          .replace(/^\uFEFF/, '')
          .trimEnd()
          .split('\r\n');
        expect(lines[0]).toBe('indicatorId,categoryId,target,actual,score,contribution');
        expect(lines.slice(1)).toEqual(expectedProvenanceRows(id, '2025-06-30').map((r) => r.join(',')));
        unmount();
        vi.restoreAllMocks();
      }
    },
  );
});

describe('next-grade panel', () => {
  it('T1: 9.56 points short of 1A; complete A2 (按期换届) to 1; assumptions stated; G2 is the best lever', async () => {
    await renderWithDashboard(<Panels id="T1" />, { url: '/org/T1' });
    const panel = screen.getByTestId('next-grade');
    expect(within(panel).getByTestId('next-summary').textContent).toBe('当前指数 40.4（未评级），距 1A（≥ 50）还差 9.56 分。');
    const rows = within(within(panel).getByTestId('next-actions')).getAllByRole('row').slice(1);
    expect(rows.map((r) => [...r.querySelectorAll('th, td')].map((c) => c.textContent))).toEqual([
      ['1', '按期换届', '1', '0', '1', '0.0 → 100.0', '+12.00', '52.44'],
    ]);
    expect(within(panel).getByTestId('next-outcome').textContent).toContain('52.44');
    expect(panel.textContent).toContain('假设：');
    const levers = within(within(panel).getByTestId('child-levers')).getAllByRole('row').slice(1);
    expect(levers[0].textContent).toContain('乙学校工会');
  });

  it('at α = 0 own assignments carry no weight: it says so instead of "nothing to improve"', async () => {
    const data = {
      ...exampleDataset,
      methodology: { ...exampleDataset.methodology, rollup: { ...exampleDataset.methodology.rollup, ownWeight: 0 } },
    };
    await renderWithDashboard(<Panels id="T1" />, { data, url: '/org/T1' });
    const panel = screen.getByTestId('next-grade');
    expect(within(panel).queryByTestId('next-actions')).toBeNull();
    expect(panel.textContent).toContain('α = 0：本级任务不计入指数');
    expect(panel.textContent).not.toContain('本级没有可提升的未完成任务');
  });

  it('G1 in the top band says so, in English too', async () => {
    await renderWithDashboard(<Panels id="G1" />, { url: '/org/G1?lang=en' });
    expect(screen.getByTestId('next-summary').textContent).toBe('Already in the top band, 5A.');
  });
});

describe('rank robustness', () => {
  function RangeTable() {
    const d = useDashboard();
    const i18n = useI18n();
    const intervals = useRankIntervals(d);
    const rows = ['T1', 'T2'].map((id) => d.model.scores(id));
    return <DataTable caption="t" columns={[rankRangeColumn(intervals, i18n)]} rows={rows} rowKey={(r) => r.org.id} />;
  }

  it('the org page states its own range once computed (in-process here: no Worker in jsdom)', async () => {
    await renderWithDashboard(<Panels id="T2" />, { url: '/org/T2' });
    await waitFor(() => expect(screen.getByTestId('robust-own').textContent).toMatch(/^本组织层级内排名 1，区间 1(–\d)?。$/));
  });

  it('the Rank range column fills in: each official rank lies in its range', async () => {
    await renderWithDashboard(<RangeTable />, { url: '/orgs?lang=en' });
    expect(screen.getByRole('columnheader', { name: /Rank range/ })).toBeTruthy();
    await waitFor(() => expect(screen.getAllByRole('cell')[0].textContent).not.toBe('…'));
    const cells = screen.getAllByRole('cell').map((c) => c.textContent!);
    // T1 is ranked 2nd of the two towns and T2 1st; perturbing weights can swap them
    for (const [k, nominal] of [
      [0, 2],
      [1, 1],
    ] as const) {
      const [lo, hi = lo] = cells[k].split('–').map(Number);
      expect(lo).toBeLessThanOrEqual(nominal);
      expect(hi).toBeGreaterThanOrEqual(nominal);
    }
  });
});

describe('what-if sandbox', () => {
  it('α 0.8 moves D from 3A to 4A (what-if), the URL holds it, reset restores the official numbers', async () => {
    const { router } = await renderWithDashboard(<WhatIfPage />, { url: '/whatif' });
    expect(screen.getByTestId('whatif-sim-index').textContent).toBe('73.3 3A');
    expect(screen.getByTestId('whatif-summary').textContent).toBe('与正式结果相比，没有组织改变等级或排名。');

    const alpha = screen.getByRole('spinbutton', { name: 'α' });
    await userEvent.clear(alpha);
    await userEvent.type(alpha, '0.8');
    await userEvent.click(screen.getByRole('button', { name: '模拟计算' }));

    await waitFor(() => expect(router.state.location.search).toMatchObject({ whatif: 'a:0.8' }));
    expect(screen.getByTestId('whatif-sim-index').textContent).toBe('87.9 4A');
    expect(screen.getByTestId('whatif-official-index').textContent).toBe('73.3 3A');
    const table = screen.getByRole('table');
    expect(within(table).getByRole('columnheader', { name: /模拟等级（模拟）/ })).toBeTruthy();
    const row = within(table).getByText('示例区总工会').closest('tr')!;
    expect([...row.querySelectorAll('td')].map((c) => c.textContent)).toEqual([
      '示例区总工会',
      '区总工会',
      '73.3',
      '87.9',
      '3A',
      '4A',
      '1',
      '1',
    ]);
    // every simulated figure is marked
    expect(row.querySelectorAll('[data-whatif]')).toHaveLength(3);

    await userEvent.click(screen.getByRole('button', { name: '恢复正式口径' }));
    await waitFor(() => expect(router.state.location.search).not.toHaveProperty('whatif'));
    expect(screen.getByTestId('whatif-sim-index').textContent).toBe('73.3 3A');
    expect(screen.queryByRole('table')).toBeNull();
    expect((screen.getByRole('spinbutton', { name: 'α' }) as HTMLInputElement).value).toBe('0.4');
  });

  it('a shared link reproduces the sandbox: grade bands from the URL', async () => {
    await renderWithDashboard(<WhatIfPage />, { url: '/whatif?whatif=g.4A:75;g.3A:74&lang=en' });
    expect(screen.getByTestId('whatif-sim-index').textContent).toBe('73.3 2A');
    expect(screen.getByTestId('whatif-summary').textContent).toMatch(/^What-if: \d+ organisations change grade/);
    expect((screen.getByRole('spinbutton', { name: '4A' }) as HTMLInputElement).value).toBe('75');
  });
});
