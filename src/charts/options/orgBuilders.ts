/**
 * Option builders only the organisation page draws (histogram, scatter,
 * contributions): they load with that page, not with the first screen.
 */
import { ScatterChart } from 'echarts/charts';
import type { ChartOption } from '../echarts';
import { echarts } from '../echarts';
import { escapeHtml } from '../escape';
import { gainColor, gridLine, lossColor, palette } from '../../ui/theme';
import { base, fmtScore, tooltipLine, type TooltipParam } from './common';
import type { Contribution, ScatterPoint } from '../../data/chartInputs';

// the scatter chart is only drawn here: registered with this lazy chunk, not with the first screen
echarts.use([ScatterChart]);

export function histogramBins(values: number[], width = 10): { label: string; from: number; to: number; count: number }[] {
  const bins = Array.from({ length: Math.ceil(100 / width) }, (_, k) => ({
    label: `${k * width}–${Math.min(100, (k + 1) * width)}`,
    from: k * width,
    to: Math.min(100, (k + 1) * width),
    count: 0,
  }));
  for (const v of values) bins[Math.min(bins.length - 1, Math.max(0, Math.floor(v / width)))].count++;
  return bins;
}

/** Below this card width the bands' ranges ("10–20", ~32 px at 10 px) no longer fit side by side. */
const HISTOGRAM_RANGE_LABELS_MIN_PX = 400;

export function buildHistogramOption(values: number[], ui: { countLabel: string }): ChartOption {
  const bins = histogramBins(values);
  return {
    ...base(),
    grid: { left: 8, right: 8, top: 24, bottom: 8 },
    xAxis: { type: 'category', data: bins.map((b) => b.label), axisLabel: { interval: 0, fontSize: 10 } },
    yAxis: { type: 'value', minInterval: 1, splitLine: { lineStyle: { color: gridLine } } },
    // a phone's card has ~35 px per band: "10–20" beside "20–30" ran together. There each band is named by where it
    // starts (the tooltip and the table twin keep the whole range)
    media: [
      {
        query: { maxWidth: HISTOGRAM_RANGE_LABELS_MIN_PX },
        option: { xAxis: { axisLabel: { formatter: (label: string) => label.split('–')[0] } } },
      },
    ],
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
        barCategoryGap: '8%',
        itemStyle: { color: palette[1] },
        label: {
          show: true,
          position: 'top',
          fontSize: 10,
          formatter: (p: unknown) => {
            const v = (p as { value: number }).value;
            return v ? String(v) : '';
          },
        },
        data: bins.map((b) => b.count),
      },
    ],
  };
}

/** Members beyond any real union (1e308 from a broken payload) would stretch the log axis to Infinity. */
const MEMBERS_AXIS_MAX = 1e9;

export function buildScatterOption(points: ScatterPoint[], ui: { membersLabel: string; indexLabel: string }): ChartOption {
  return {
    ...base(),
    grid: { left: 8, right: 24, top: 24, bottom: 28 },
    // members are skewed (8 … 3,000): a log axis; 0 members sit at 1
    xAxis: {
      type: 'log',
      name: ui.membersLabel,
      nameLocation: 'middle',
      nameGap: 22,
      min: 1,
      splitLine: { lineStyle: { color: gridLine } },
    },
    yAxis: { type: 'value', name: ui.indexLabel, min: 0, max: 100, splitLine: { lineStyle: { color: gridLine } } },
    tooltip: {
      trigger: 'item',
      formatter: (p: unknown) => {
        const x = p as TooltipParam & { data: { name: string; value: [number, number]; members: number } };
        return `<b>${escapeHtml(x.data.name)}</b><br/>${tooltipLine('', ui.membersLabel, String(x.data.members))}<br/>${tooltipLine('', ui.indexLabel, fmtScore(x.data.value[1]))}`;
      },
    },
    series: [
      {
        type: 'scatter',
        cursor: 'pointer',
        symbolSize: 7,
        itemStyle: { color: palette[1], opacity: 0.7 },
        data: points.map((p) => ({
          id: p.id,
          name: p.name,
          members: p.members,
          value: [Math.min(MEMBERS_AXIS_MAX, Math.max(1, p.members)), p.index],
        })) as never,
      },
    ],
  };
}

export function buildContributionsOption(items: Contribution[], ui: { gainLabel: string; lossLabel: string }): ChartOption {
  return {
    ...base(),
    grid: { left: 8, right: 16, top: 8, bottom: 8 },
    xAxis: { type: 'value', splitLine: { lineStyle: { color: gridLine } } },
    yAxis: { type: 'category', inverse: true, data: items.map((i) => i.name), axisTick: { show: false } },
    tooltip: {
      trigger: 'axis',
      axisPointer: { type: 'shadow' },
      formatter: (p: unknown) => {
        const xs = p as TooltipParam[];
        return `<b>${escapeHtml(xs[0]?.name ?? '')}</b><br/>${xs.map((x) => tooltipLine(x.marker ?? '', x.seriesName ?? '', (x.value as number).toFixed(1))).join('<br/>')}`;
      },
    },
    series: [
      {
        type: 'bar',
        name: ui.gainLabel,
        stack: 'total',
        itemStyle: { color: gainColor },
        label: { show: true, formatter: (p: unknown) => (p as { value: number }).value.toFixed(1), color: '#fff', fontSize: 10 },
        data: items.map((i) => i.gain),
      },
      {
        type: 'bar',
        name: ui.lossLabel,
        stack: 'total',
        itemStyle: { color: lossColor },
        label: { show: true, formatter: (p: unknown) => (p as { value: number }).value.toFixed(1), color: '#7f1d1d', fontSize: 10 },
        data: items.map((i) => i.loss),
      },
    ],
  };
}
