import { describe, expect, it } from 'vitest';
import { buildHeatmapOption } from './builders';
import { buildRankIntervalOption } from './robustness';
import { scaleChartOption } from './scale';
import { scoreBands } from '../../ui/theme';

type Dict = Record<string, never>;

describe('chart options scaled for a wall display', () => {
  const rows = Array.from({ length: 28 }, (_, k) => ({ id: `t${k}`, name: `T${k}`, values: [60 + k, 70] }));
  const heatmap = buildHeatmapOption(rows, ['Organisation', 'Democratic management'], scoreBands([90, 80, 70, 60, 50]));

  it('is the same option at scale 1 (every screen up to 2,560 px)', () => {
    expect(scaleChartOption(heatmap, 1)).toBe(heatmap);
  });

  it('multiplies type, label widths, margins and media-query sizes; leaves data, ranges and formatters alone', () => {
    const o = scaleChartOption(heatmap, 2) as Dict;
    const x = heatmap.xAxis as { axisLabel: { fontSize: number; width: number; lineHeight: number; formatter: unknown } };
    expect(o.xAxis).toMatchObject({
      axisLabel: { fontSize: x.axisLabel.fontSize * 2, width: x.axisLabel.width * 2, lineHeight: x.axisLabel.lineHeight * 2 },
    });
    expect((o.xAxis as { axisLabel: { formatter: unknown } }).axisLabel.formatter).toBe(x.axisLabel.formatter);
    expect(o.grid).toEqual({ left: 16, right: 16, top: 16, bottom: 16 });
    const media = o.media as { query: Record<string, number> }[];
    const before = heatmap.media as { query: Record<string, number> }[];
    media.forEach((m, i) => {
      for (const [key, value] of Object.entries(before[i].query)) expect(m.query[key]).toBe(value * 2);
    });
    // data (scores, category names, colour pieces) keep their values
    expect((o.series as { data: unknown }[])[0].data).toBe((heatmap.series as { data: unknown }[])[0].data);
    expect((o.visualMap as { pieces: unknown }).pieces).toBe((heatmap.visualMap as { pieces: unknown }).pieces);
    expect((o.yAxis as { data: unknown }).data).toBe((heatmap.yAxis as { data: unknown }).data);
  });

  it('gives text that relies on ECharts defaults (12 px axes, 14 px tooltip) the scaled size', () => {
    const ranks = buildRankIntervalOption([{ id: 'a', name: 'A', nominal: 1, p5: 1, p95: 2 }], { nominalLabel: 'n', intervalLabel: 'i' });
    const o = scaleChartOption(ranks, 2) as Dict;
    expect(o.textStyle).toMatchObject({ fontSize: 24 });
    expect(o.xAxis).toMatchObject({ axisLabel: { fontSize: 24, margin: 16 }, min: 0.5 });
    expect(o.yAxis).toMatchObject({ axisLabel: { fontSize: 24, width: 220 } });
    expect(o.tooltip).toMatchObject({ textStyle: { fontSize: 28 } });
    // the rank axis's end is still a rank, not a length
    expect((o.xAxis as { max: (e: { max: number }) => number }).max({ max: 6.5 })).toBe(6.5);
  });
});
