/** The demand model and the /demands CSV against an independent §12 computation; /demands with and without demands. */
import { screen, within } from '@testing-library/react';
import { describe, expect, it } from 'vitest';
import type { Demand, Org } from '../../src/api/schemas';
import { demandCsvTable } from '../../src/data/demands';
import { useOptionalDashboard } from '../../src/data/dashboard';
import { useOverviewFromDashboard } from '../../src/data/overview';
import { DemandsPage } from '../../src/features/demands/DemandsPage';
import { toCsv } from '../../src/lib/csv';
import { DemandKpi } from '../../src/ui/DemandKpi';
import { exampleDataset } from '../support/dashboard';
import { dashboardWithDemands, demandConfig, renderWithDemandDashboard, seededDemands } from '../support/demands';
import { parseCsv } from '../support/csv';

const day = (iso: string) => Date.UTC(+iso.slice(0, 4), +iso.slice(5, 7) - 1, +iso.slice(8, 10)) / 86_400_000;

/** §12 written out plainly, record by record, organisation by organisation. */
function expectedRow(orgs: Org[], demands: Demand[], org: Org, asOf: string): (string | number)[] {
  const D = day(asOf);
  const parentOf = new Map(orgs.map((o) => [o.id, o.parentId]));
  const under = (id: string) => {
    for (let x: string | null | undefined = id; x; x = parentOf.get(x)) if (x === org.id) return true;
    return false;
  };
  const c = { reported: 0, untriaged: 0, analysing: 0, service: 0, policy: 0, declined: 0, triageOverdue: 0, resolveOverdue: 0 };
  const response: number[] = [];
  for (const q of demands) {
    if (!under(q.orgId) || day(q.reportedAt) > D) continue; // does not exist yet
    c.reported++;
    const age = D - day(q.reportedAt);
    if (q.resolvedAt !== null && day(q.resolvedAt) <= D) {
      c[q.outcome!]++;
      response.push(day(q.resolvedAt) - day(q.reportedAt));
      continue;
    }
    if (q.triagedAt !== null && day(q.triagedAt) <= D) c.analysing++;
    else {
      c.untriaged++;
      if (age > demandConfig.triageDays) c.triageOverdue++;
    }
    if (age > demandConfig.resolveDays) c.resolveOverdue++;
  }
  response.sort((a, b) => a - b);
  const n = response.length;
  const median = n === 0 ? '' : n % 2 ? response[(n - 1) / 2] : (response[n / 2 - 1] + response[n / 2]) / 2;
  return [
    org.id,
    org.name,
    org.tier,
    c.reported,
    c.untriaged,
    c.analysing,
    c.service,
    c.policy,
    c.declined,
    c.triageOverdue,
    c.resolveOverdue,
    typeof median === 'number' ? Math.round(median * 100) / 100 : '',
  ];
}

/** The overview's demand card as the overview builds it (from the year on screen). */
function OverviewDemandKpi() {
  const o = useOverviewFromDashboard(useOptionalDashboard(), undefined);
  return o?.demands ? <DemandKpi figures={o.demands} /> : null;
}

describe('the /demands CSV', () => {
  const demands = seededDemands(80, 11);
  for (const asOf of ['2025-02-15', '2025-06-30', '2025-09-01', '2025-12-31']) {
    it(`matches §12 computed independently, every organisation root first, as of ${asOf}`, () => {
      const d = dashboardWithDemands(demands, asOf);
      const table = demandCsvTable(d.demands!);
      const lines = parseCsv(toCsv(table.header, table.rows));
      expect(lines[0].join(',')).toBe(
        'id,name,tier,reported,untriaged,analysing,service,policy,declined,triageOverdue,resolveOverdue,medianDays',
      );
      const orgs = exampleDataset.orgs;
      expect(lines.slice(1).map((l) => l[0])).toEqual(['D', 'T1', 'T2', 'G1', 'G2', 'G3']);
      for (const line of lines.slice(1)) {
        const org = orgs.find((o) => o.id === line[0])!;
        expect(line, org.id).toEqual(expectedRow(orgs, demands, org, asOf).map(String));
      }
    });
  }

  it('names the columns in Chinese when asked, and leaves medianDays empty when nothing is resolved', () => {
    const d = dashboardWithDemands([
      { id: 'Q', orgId: 'G1', topicId: 'WAGE', title: 'x', reportedAt: '2025-06-01', triagedAt: null, resolvedAt: null, outcome: null },
    ]);
    const zh = demandCsvTable(d.demands!, (c) => ({ id: '编号', medianDays: '响应天数中位数' })[c as 'id'] ?? c);
    expect(zh.header[0]).toBe('编号');
    expect(zh.header[11]).toBe('响应天数中位数');
    const g1 = zh.rows.find((r) => r[0] === 'G1')!;
    expect(g1.slice(3)).toEqual([1, 1, 0, 0, 0, 0, 1, 0, undefined]);
  });

  it('median with an even count is the mean of the two middle ones, rounded to 2 decimals', () => {
    const mk = (id: string, from: string, to: string): Demand => ({
      id,
      orgId: 'G1',
      topicId: 'SITE',
      title: id,
      reportedAt: from,
      triagedAt: from,
      resolvedAt: to,
      outcome: 'service',
    });
    const d = dashboardWithDemands([
      mk('a', '2025-01-01', '2025-01-04'),
      mk('b', '2025-01-01', '2025-01-09'),
      mk('c', '2025-01-01', '2025-01-02'),
      mk('e', '2025-01-01', '2025-01-11'),
    ]);
    expect(d.demands!.tally('G1').medianDays).toBe(5.5); // 1, 3, 8, 10
    expect(d.demands!.tally('T2').medianDays).toBeUndefined();
  });
});

describe('the demand model by id', () => {
  const demands = seededDemands(80, 11);
  const d = dashboardWithDemands(demands, '2025-06-30');
  const dm = d.demands!;

  it('lists overdue demands with the reporter, its group and topic, oldest first', () => {
    const late = dm.overdue('D', 'resolve');
    expect(late.length).toBe(dm.tally('D').resolveOverdue);
    expect(late.every((x) => x.resolveOverdue && x.ageDays > 30)).toBe(true);
    expect([...late].sort((a, b) => b.ageDays - a.ageDays).map((x) => x.id)).toEqual(late.map((x) => x.id));
    const fromG3 = late.find((x) => x.orgId === 'G3');
    if (fromG3) expect(fromG3.groupId).toBe('T2');
    expect(dm.overdue('D', 'triage').length).toBe(dm.tally('D').triageOverdue);
  });

  it('policy changes carry who raised them; the heatmap splits the root by its children', () => {
    const p = dm.policies('D');
    expect(p.length).toBe(dm.tally('D').policy);
    expect(p.every((x) => x.outcome === 'policy' && x.orgName.length > 0)).toBe(true);
    const h = dm.heatmap('D');
    expect(h.columns.map((o) => o.id)).toEqual(['T1', 'T2']);
    const total = h.reported.flat().reduce((a, b) => a + b, 0);
    expect(total).toBe(dm.tally('T1').reported + dm.tally('T2').reported);
  });

  it('own demands are the organisation’s only', () => {
    expect(dm.own('T1').every((x) => x.orgId === 'T1')).toBe(true);
    expect(dm.own('T1').length).toBeLessThan(dm.tally('T1').reported + 1);
  });
});

describe('/demands', () => {
  it('shows the funnel, lists and policy changes; titles are text, never markup', async () => {
    const d = dashboardWithDemands(seededDemands(80, 11), '2025-12-31');
    await renderWithDemandDashboard(<DemandsPage />, d);
    expect(await screen.findByRole('heading', { name: '上报 → 研判 → 处置' })).toBeTruthy();
    expect(screen.getByRole('button', { name: '导出 CSV' })).toBeTruthy();
    const policies = screen.getByRole('heading', { name: new RegExp(`政策调整及提出单位 · ${d.demands!.tally('D').policy}`) });
    expect(policies).toBeTruthy();
    // the one title with markup in it appears as its characters, and makes no element
    const lists = document.querySelectorAll('.demand-title');
    expect([...lists].filter((el) => el.textContent === '<b>高温补贴</b> & "夏季"').length).toBe(2); // in both overdue lists
    expect(document.querySelector('.demand-title b')).toBeNull();
  });

  it('without demands says so quietly, and the overview KPI is absent', async () => {
    const d = dashboardWithDemands(undefined);
    await renderWithDemandDashboard(
      <>
        <DemandsPage />
        <OverviewDemandKpi />
      </>,
      d,
    );
    expect(await screen.findByText('当前数据源未提供需求上报数据')).toBeTruthy();
    expect(screen.queryByTestId('demand-kpi')).toBeNull();
    expect(screen.queryByRole('alert')).toBeNull();
  });

  it('the overview KPI counts reported, open and overdue, linking to /demands', async () => {
    const d = dashboardWithDemands(seededDemands(80, 11), '2025-06-30');
    await renderWithDemandDashboard(<OverviewDemandKpi />, d);
    const kpi = await screen.findByTestId('demand-kpi');
    const x = d.demands!.tally('D');
    const values = within(kpi)
      .getAllByRole('definition')
      .map((e) => Number(e.textContent));
    expect(values).toEqual([x.reported, x.untriaged + x.analysing, x.resolveOverdue]);
    expect(within(kpi).getByRole('link').getAttribute('href')).toBe('/demands');
  });
});
