/** The shared chart cards on the worked example (methodology §10): values in their table twins, by id. */
import { screen, within } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { describe, expect, it } from 'vitest';
import { GradeDistributionCard, HeatmapCard, RadarCard, RankingCard } from '../../src/charts/cards';
import { renderWithDashboard } from '../support/dashboard';

async function twinRows(regionName: string): Promise<string[][]> {
  const region = await screen.findByRole('region', { name: regionName });
  await userEvent.click(within(region).getByRole('button', { name: '数据表' }));
  const rows = within(region).getAllByRole('row').slice(1);
  return rows.map((row) => [...row.querySelectorAll('th, td')].map((c) => c.textContent ?? ''));
}

describe('shared chart cards (worked example)', () => {
  it('ranking: the children of D, best first, with their grades', async () => {
    const started = performance.now();
    await renderWithDashboard(<RankingCard title="排名" ids={['T1', 'T2']} />);
    expect(await twinRows('排名')).toEqual([
      ['西街道总工会', '74.4', '3A'],
      ['东镇总工会', '40.4', '未评级'],
    ]);
    // a card on a six-organisation fixture renders in well under a second
    expect(performance.now() - started).toBeLessThan(1000);
  });

  it('heatmap: categories per organisation, no data as a dash (never 0)', async () => {
    await renderWithDashboard(<HeatmapCard title="热力" ids={['T1', 'T2']} />);
    expect(await twinRows('热力')).toEqual([
      ['西街道总工会', '—', '74.4'],
      ['东镇总工会', '43.0', '60.0'],
    ]);
  });

  it('radar: one column per organisation', async () => {
    await renderWithDashboard(<RadarCard title="雷达" ids={['D', 'T1']} />);
    expect(await twinRows('雷达')).toEqual([
      ['组织建设', '63.8', '43.0'],
      ['维权服务', '80.3', '60.0'],
    ]);
  });

  it('grade distribution: every band of the methodology, then ungraded', async () => {
    await renderWithDashboard(<GradeDistributionCard title="等级" ids={['G1', 'G2', 'G3']} />);
    expect(await twinRows('等级')).toEqual([
      ['5A', '1'],
      ['4A', '0'],
      ['3A', '1'],
      ['2A', '0'],
      ['1A', '0'],
      ['未评级', '1'],
    ]);
  });
});

describe('a chart still loading', () => {
  it('holds its place with a named status (a name on a role-less div is prohibited ARIA)', async () => {
    const { ChartCard } = await import('../../src/charts/ChartCard');
    await renderWithDashboard(<ChartCard title="趋势" option={undefined} loading table={{ columns: [], rows: [] }} />);
    const region = await screen.findByRole('region', { name: '趋势' });
    expect(within(region).getByRole('status', { name: '加载中…' })).toHaveAttribute('aria-busy', 'true');
  });
});
