/**
 * Rank intervals (issue 12): each organisation's 5th–95th percentile rank in
 * its tier under perturbed weights as a horizontal bar from p5 to p95 (a
 * stacked bar over an invisible offset), with its official rank as a marker.
 * Rank 1 on the left; best official rank on top.
 */
import type { ChartOption } from '../echarts';
import { escapeHtml } from '../escape';
import { gridLine, mutedText, palette } from '../../ui/theme';
import { base, type TooltipParam } from './common';

export interface RankIntervalItem {
  id: string;
  name: string;
  nominal: number;
  p5: number;
  p95: number;
}

export const intervalColor = '#93c5fd';
export const nominalColor = palette[0];

/**
 * The rank axis's end for intervals reaching rank `maxRank`: rounded up to a half-decade step (6 → 6, 31 → 35,
 * 1,782 → 2,000), plus the half rank a bar reaches past its p95.
 */
export function rankAxisEnd(maxRank: number): number {
  const top = Math.max(1, maxRank);
  const step = Math.max(1, 10 ** Math.floor(Math.log10(top)) / 2);
  return Math.ceil(top / step) * step + 0.5;
}

export function buildRankIntervalOption(
  items: RankIntervalItem[],
  ui: { nominalLabel: string; intervalLabel: string; maxVisible?: number },
): ChartOption {
  const sorted = [...items].sort((a, b) => a.nominal - b.nominal || a.p5 - b.p5);
  const maxVisible = ui.maxVisible ?? 30;
  return {
    ...base(),
    grid: { left: 8, right: sorted.length > maxVisible ? 36 : 16, top: 8, bottom: 24 },
    // the axis ends at the intervals on screen, not at the tier's last rank: a town's first thirty unions rank 1–30
    // of 1,782, and an axis to 1,800 drew them all on its first pixels. ECharts hands `max` the extent of the rows the
    // slider shows (the slider filters the others out), so scrolling down re-scales the axis to those rows.
    xAxis: {
      type: 'value',
      min: 0.5,
      max: (extent: { max: number }) => rankAxisEnd(Math.round(extent.max - 0.5)),
      minInterval: 1,
      // few ticks, and none drawn over another: four-digit ranks on a phone's 200 px axis ran together ("12001500")
      splitNumber: 4,
      splitLine: { lineStyle: { color: gridLine } },
      axisLabel: { hideOverlap: true, formatter: (v: number) => (Number.isInteger(v) ? String(v) : '') },
    },
    yAxis: {
      type: 'category',
      inverse: true,
      data: sorted.map((i) => i.name),
      axisLabel: { width: 110, overflow: 'truncate', color: mutedText },
      axisTick: { show: false },
    },
    dataZoom:
      sorted.length > maxVisible
        ? [
            { type: 'slider', yAxisIndex: 0, filterMode: 'filter', startValue: 0, endValue: maxVisible - 1, width: 14, right: 6 },
            { type: 'inside', yAxisIndex: 0, filterMode: 'filter' },
          ]
        : [],
    tooltip: {
      trigger: 'item',
      formatter: (p: unknown) => {
        const x = p as TooltipParam;
        const item = sorted[x.dataIndex ?? 0];
        if (!item) return '';
        const range = item.p5 === item.p95 ? String(item.p5) : `${item.p5}–${item.p95}`;
        return `<b>${escapeHtml(item.name)}</b><br/>${escapeHtml(ui.nominalLabel)}: <b>${item.nominal}</b><br/>${escapeHtml(ui.intervalLabel)}: <b>${range}</b>`;
      },
    },
    series: [
      // offset from the axis start (0.5) to the interval's left edge: invisible
      {
        type: 'bar',
        stack: 'interval',
        silent: true,
        itemStyle: { color: 'transparent' },
        barMaxWidth: 14,
        data: sorted.map((i) => i.p5 - 0.5),
      },
      // the interval itself, p5 − 0.5 … p95 + 0.5: one rank wide when p5 = p95
      {
        type: 'bar',
        stack: 'interval',
        name: ui.intervalLabel,
        cursor: 'pointer',
        itemStyle: { color: intervalColor },
        barMaxWidth: 14,
        data: sorted.map((i) => ({ id: i.id, value: i.p95 - i.p5 + 1 })) as never,
      },
      // the official rank, a marker on the interval
      {
        type: 'line',
        name: ui.nominalLabel,
        cursor: 'pointer',
        lineStyle: { width: 0 },
        symbol: 'diamond',
        symbolSize: 10,
        itemStyle: { color: nominalColor },
        data: sorted.map((i) => ({ id: i.id, value: i.nominal })) as never,
      },
    ],
  };
}
