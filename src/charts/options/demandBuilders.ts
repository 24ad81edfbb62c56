/**
 * Option builders of the demands view (需求上报, methodology §12): the funnel
 * 上报 → 研判 → 处置, outcomes, topic × group counts, response-time
 * distribution. Pure: data in, ECharts option out; names escaped in tooltips.
 */
import type { ChartOption } from '../echarts';
import { escapeHtml } from '../escape';
import { gridLine, mutedText, palette, textOn } from '../../ui/theme';
import { funnelOption } from './builders';
import { base, tooltipLine, type TooltipParam } from './common';

export interface CountItem {
  name: string;
  value: number;
}

/** Colours of the outcomes, in the order service, policy, declined (and of the open states before them). */
export const demandColors = {
  untriaged: '#f59e0b',
  analysing: '#60a5fa',
  service: '#0f766e',
  policy: '#7c3aed',
  declined: '#94a3b8',
} as const;
const funnelColors = ['#93c5fd', '#3b82f6', '#1e40af'];

/** 上报 → 研判 → 处置: each stage counts the demands that got at least that far (at D). */
export function buildDemandFunnelOption(stages: CountItem[]): ChartOption {
  return funnelOption(stages, funnelColors);
}

/** One horizontal bar per state or outcome, in the given order, each in its colour. */
export function buildOutcomeBarOption(items: (CountItem & { color: string })[], ui: { countLabel: string }): ChartOption {
  return {
    ...base(),
    grid: { left: 8, right: 40, top: 8, bottom: 8, containLabel: true },
    // four-digit counts on a phone's narrow axis ran together ("9001,2001,500"): labels that would touch are dropped
    xAxis: { type: 'value', minInterval: 1, axisLabel: { hideOverlap: true }, splitLine: { lineStyle: { color: gridLine } } },
    yAxis: { type: 'category', inverse: true, data: items.map((i) => i.name), axisLabel: { color: mutedText }, axisTick: { show: false } },
    tooltip: {
      trigger: 'item',
      formatter: (p: unknown) => {
        const x = p as TooltipParam;
        return tooltipLine(x.marker ?? '', x.name ?? '', String(x.value));
      },
    },
    series: [
      {
        type: 'bar',
        name: ui.countLabel,
        label: { show: true, position: 'right', fontSize: 11 },
        data: items.map((i) => ({ value: i.value, itemStyle: { color: i.color } })),
      },
    ],
  };
}

/** Colour steps for counts 1…max (0 is left blank): up to five equal-width bands. */
export function countPieces(max: number): { gte: number; lte: number; color: string; label: string }[] {
  const colors = ['#dbeafe', '#93c5fd', '#3b82f6', '#1d4ed8', '#1e3a8a'];
  if (max <= 0) return [];
  const steps = Math.min(colors.length, max);
  const width = max / steps;
  const out: { gte: number; lte: number; color: string; label: string }[] = [];
  let from = 1;
  for (let k = 0; k < steps; k++) {
    const to = k === steps - 1 ? max : Math.max(from, Math.round((k + 1) * width));
    if (to < from) continue;
    out.push({
      gte: from,
      lte: to,
      color: colors[Math.round((k * (colors.length - 1)) / Math.max(1, steps - 1))],
      label: from === to ? `${from}` : `${from}–${to}`,
    });
    from = to + 1;
  }
  return out;
}

/** Below this width per column the demand heatmap's column names stand on end and its cells drop their numbers. */
const DEMAND_HEATMAP_MIN_COLUMN_PX = 22;
/**
 * Columns in view at once where there are more (a town's grassroots unions: 60 to 180; all of them squeezed into one
 * card left 6 px a column and every other name), the rest a drag, a shift+wheel or the slider away; on a phone fewer.
 */
const DEMAND_HEATMAP_SCROLL_COLUMNS = 30;
const DEMAND_HEATMAP_SCROLL_COLUMNS_NARROW = 12;

/**
 * Topic (rows) × group (columns) counts as a heatmap; `open[t][k]` (not yet
 * resolved) goes into the tooltip beside the count.
 */
export function buildDemandHeatmapOption(
  topics: string[],
  columns: string[],
  counts: number[][],
  open: number[][],
  ui: { countLabel: string; openLabel: string },
): ChartOption {
  const max = Math.max(0, ...counts.flat());
  const pieces = countPieces(max);
  // each count in the colour that reads on its cell (white on the dark blues), not dark text with a white halo
  const data = counts.flatMap((row, y) =>
    row.map((v, x) => {
      const fill = pieces.find((p) => v >= p.gte && v <= p.lte)?.color;
      return { value: [x, y, v === 0 ? '-' : v] as [number, number, number | string], ...(fill ? { label: { color: textOn(fill) } } : {}) };
    }),
  );
  const scroll = columns.length > DEMAND_HEATMAP_SCROLL_COLUMNS;
  const firstColumns = (n: number) => ({ startValue: 0, endValue: n - 1 });
  const inView = Math.min(columns.length, DEMAND_HEATMAP_SCROLL_COLUMNS);
  return {
    ...base(),
    grid: { left: 8, right: 8, top: 8, bottom: scroll ? 26 : 8, containLabel: true },
    dataZoom: scroll
      ? [
          {
            type: 'inside',
            xAxisIndex: 0,
            ...firstColumns(DEMAND_HEATMAP_SCROLL_COLUMNS),
            // the page keeps its wheel: a plain wheel scrolls the page, shift+wheel the columns
            zoomOnMouseWheel: false,
            moveOnMouseWheel: 'shift',
          },
          {
            type: 'slider',
            xAxisIndex: 0,
            ...firstColumns(DEMAND_HEATMAP_SCROLL_COLUMNS),
            height: 12,
            bottom: 4,
            showDetail: false,
            showDataShadow: false,
            brushSelect: false,
          },
        ]
      : [],
    xAxis: {
      type: 'category',
      data: columns,
      position: 'top',
      splitArea: { show: true },
      axisTick: { show: false },
      axisLabel: { interval: 0, rotate: columns.length > 8 ? 40 : 0, width: 104, overflow: 'truncate', fontSize: 11 },
    },
    yAxis: {
      type: 'category',
      data: topics,
      inverse: true,
      // an English topic ("Workplace safety") takes two lines rather than being cut to "Workplace sa…"; every topic
      // is named (ECharts' automatic interval dropped a two-line first topic where the rows were short)
      axisLabel: { interval: 0, width: 96, overflow: 'break', lineHeight: 13, color: mutedText },
      axisTick: { show: false },
    },
    visualMap: { type: 'piecewise', show: false, dimension: 2, pieces },
    tooltip: {
      trigger: 'item',
      formatter: (p: unknown) => {
        const v = (p as { value: [number, number, number | string] }).value;
        const n = typeof v[2] === 'number' ? v[2] : 0;
        return `<b>${escapeHtml(topics[v[1]] ?? '')}</b> · ${escapeHtml(columns[v[0]] ?? '')}<br/>${tooltipLine('', ui.countLabel, String(n))}<br/>${tooltipLine('', ui.openLabel, String(open[v[1]]?.[v[0]] ?? 0))}`;
      },
    },
    series: [
      {
        type: 'heatmap',
        label: { show: true, fontSize: 10 },
        data: data as never,
      },
    ],
    // a card too narrow for a readable column each (a phone: 28 towns in ~340 px piled their slanted names into one
    // smear and overprinted the counts): names stand on end and thin out to those that fit, cells drop their numbers
    // (the tooltip and the table twin keep them)
    media: [
      {
        query: { maxWidth: inView * DEMAND_HEATMAP_MIN_COLUMN_PX + 120 },
        option: {
          xAxis: { axisLabel: { interval: 'auto', rotate: 90, fontSize: 10 } },
          yAxis: { axisLabel: { width: 72 } },
          series: [{ label: { show: false } }],
          ...(scroll
            ? { dataZoom: [firstColumns(DEMAND_HEATMAP_SCROLL_COLUMNS_NARROW), firstColumns(DEMAND_HEATMAP_SCROLL_COLUMNS_NARROW)] }
            : {}),
        },
      },
    ],
  };
}

/** Response-time bins (days from report to resolution) as bars. */
export function buildResponseHistogramOption(
  bins: { from: number; to: number; count: number }[],
  ui: { countLabel: string; binLabel: (from: number, to: number) => string },
): ChartOption {
  const labels = bins.map((b) => ui.binLabel(b.from, b.to - 1));
  return {
    ...base(),
    grid: { left: 8, right: 8, top: 24, bottom: 8, containLabel: true },
    xAxis: { type: 'category', data: labels, axisLabel: { fontSize: 10, hideOverlap: true } },
    yAxis: { type: 'value', minInterval: 1, splitLine: { lineStyle: { color: gridLine } } },
    tooltip: {
      trigger: 'item',
      formatter: (p: unknown) => {
        const x = p as TooltipParam;
        return tooltipLine(x.marker ?? '', x.name ?? '', String(x.value));
      },
    },
    series: [{ type: 'bar', name: ui.countLabel, barCategoryGap: '8%', itemStyle: { color: palette[2] }, data: bins.map((b) => b.count) }],
  };
}
