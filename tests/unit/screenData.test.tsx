/** The command-room screen's URL parser, view data and option builders, on the worked example. */
import { describe, expect, it } from 'vitest';
import {
  bandOf,
  buildScreenAlertBarsOption,
  buildScreenHeatmapOption,
  buildScreenRadarOption,
  buildScreenTrendOption,
} from '../../src/charts/options/screenBuilders';
import { focusChildren, groupBoard, urgentByGroup } from '../../src/data/screen';
import { parseScreenSearch, screenTimings } from '../../src/data/screenSearch';
import { alertRows } from '../../src/data/selectors';
import { ESCALATION } from '../../src/engine';
import { scoreBands, textOn } from '../../src/ui/theme';
import { dashboardOf } from '../support/dashboard';

describe('screen URL', () => {
  it('reads year, asOf, lang, refresh and cycle; junk falls back to the defaults', () => {
    expect(parseScreenSearch({ year: '2024', asOf: '2024-05-31', lang: 'en', refresh: '30', cycle: '0', idle: '5' })).toEqual({
      year: 2024,
      asOf: '2024-05-31',
      lang: 'en',
      refresh: 30,
      cycle: 0,
      idle: 5,
    });
    const junk = parseScreenSearch({ asOf: '2025-02-30', lang: 'fr', refresh: '0.5', cycle: '-3', idle: 'x' });
    expect(junk).toEqual({ year: undefined, asOf: undefined, lang: undefined, refresh: undefined, cycle: undefined, idle: undefined });
    expect(screenTimings(junk)).toEqual({ refreshMs: 60_000, cycleMs: 15_000, idleMs: 30_000 });
    expect(screenTimings(parseScreenSearch({ refresh: 2, cycle: 0 }))).toMatchObject({ refreshMs: 2000, cycleMs: 0 });
  });
});

describe('screen view data (worked example)', () => {
  const d = dashboardOf();

  it('the board holds every level-1 group, best first, with its alerts per level', () => {
    const board = groupBoard(d.model);
    expect(board.map((r) => [r.id, r.rank, r.index?.toFixed(1), r.grade])).toEqual([
      ['T2', 1, '74.4', '3A'],
      ['T1', 2, '40.4', undefined],
    ]);
    expect(board.map((r) => r.id).sort()).toEqual([...d.model.groups()].sort());
    for (const r of board) expect(r.alerts).toEqual(d.model.alertTally(r.id));
  });

  it('the focus ranking keeps the best and the weakest children when they do not all fit', () => {
    const { rows, ranked, skipped } = focusChildren(d.model, 'T1', 10, 5);
    expect(skipped).toBe(0);
    expect(rows.map((r) => r.rank)).toEqual(rows.map((_, k) => k + 1));
    expect(ranked).toBe(rows.length);
    const cut = focusChildren(d.model, 'T1', 1, 1);
    expect(cut.rows).toHaveLength(1);
    expect(cut.rows[0].rank).toBe(ranked); // the weakest survives the cut
    expect(cut.skipped).toBe(ranked - 1);
  });

  it("each group's alerts are the supervision list's rows of that group, in the same order", () => {
    const byGroup = urgentByGroup(d, 100);
    const all = alertRows(d);
    for (const id of d.model.groups())
      expect(byGroup.get(id)!.map((a) => a.position)).toEqual(all.filter((a) => a.townId === id).map((a) => a.position));
    expect([...byGroup.values()].flat().length).toBeGreaterThan(0);
  });
});

describe('screen option builders', () => {
  const bands = scoreBands([90, 80, 70, 60]);
  const evil = '<img src=x onerror=alert(1)>';

  it('the heatmap escapes names, labels every cell in a colour that contrasts with it, and scales type with u', () => {
    const at = (u: number) => buildScreenHeatmapOption([{ id: 'a', name: evil, values: [12, 95, undefined] }], ['A', 'B', 'C'], bands, u);
    const option = at(1) as {
      tooltip: { formatter: (p: unknown) => string };
      series: { label: { fontSize: number }; data: { label?: { color: string } }[] }[];
    };
    const html = option.tooltip.formatter({ value: [0, 0, 12] });
    expect(html).not.toContain('<img');
    expect(html).toContain('&lt;img');
    const [low, high, none] = option.series[0].data;
    expect(low.label?.color).toBe('#ffffff'); // white on the dark red of the lowest band
    expect(high.label?.color).toBe(textOn(bandOf(bands, 95)!.color));
    expect(none.label).toBeUndefined();
    expect((at(2) as typeof option).series[0].label.fontSize).toBe(2 * option.series[0].label.fontSize);
  });

  it('alert bars stack the four levels per group and carry the total', () => {
    const rows = [{ name: 'x', alerts: { none: 9, remind: 1, warn: 2, supervise: 3, interview: 4 } }];
    const option = buildScreenAlertBarsOption(rows, ESCALATION, (l) => l, 1) as {
      series: { data: number[]; stack: string; label?: { formatter: (p: unknown) => string } }[];
    };
    expect(option.series.map((s) => s.data[0])).toEqual([1, 2, 3, 4, 0]);
    expect(new Set(option.series.map((s) => s.stack))).toEqual(new Set(['alerts']));
    expect(option.series[4].label!.formatter({ dataIndex: 0 })).toBe('10');
  });

  it('the trend spans the calendar year and draws 序时进度 as a straight line from 0 to 100', () => {
    const option = buildScreenTrendOption(
      2025,
      [
        { date: '2025-01-31', value: 20 },
        { date: '2025-02-14', value: 30 },
      ],
      { indexName: 'i', paceName: '序时进度', month: String },
      1,
    ) as {
      xAxis: { min: number; max: number };
      series: { name: string; data: unknown[] }[];
    };
    expect(option.xAxis.min).toBe(Date.UTC(2025, 0, 1));
    expect(option.xAxis.max).toBe(Date.UTC(2025, 11, 31));
    expect(option.series[1]).toMatchObject({
      name: '序时进度',
      data: [
        [Date.UTC(2025, 0, 1), 0],
        [Date.UTC(2025, 11, 31), 100],
      ],
    });
    expect(option.series[0].data).toHaveLength(2);
  });

  it('radar names wrap at spaces; tooltips escape series names', () => {
    const option = buildScreenRadarOption(['A'], [{ name: evil, values: [50] }], 1) as {
      tooltip: { formatter: (p: unknown) => string };
      radar: { axisName: { formatter: (name?: string) => string } };
    };
    expect(option.radar.axisName.formatter('Democratic management')).toBe('Democratic\nmanagement');
    expect(option.radar.axisName.formatter('组织建设')).toBe('组织建设');
    expect(option.tooltip.formatter({ name: evil, value: [50] })).not.toContain('<img');
  });
});
