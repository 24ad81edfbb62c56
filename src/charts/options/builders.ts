/**
 * Pure option builders: data in, ECharts option out. Tested on the option
 * object, never on pixels. Every formatter escapes names.
 */
import type { ChartOption } from '../echarts';
import { escapeHtml } from '../echarts';
import { gradeColors, gridLine, levelColors, mutedText, palette, scoreScale, stageColors, ungradedColor } from '../theme';
import { base, fmtScore, tooltipLine, type TooltipParam } from './common';
import type { AlertLevel } from '../../engine';

export interface RankedItem {
  id: string;
  name: string;
  value: number | undefined;
  /** Index into the grade bands (0 = best), -1 ungraded. */
  gradeIndex: number;
  gradeLabel: string;
}

/** Horizontal bars, best on top; each bar carries its org id for drilling. */
export function buildRankingOption(items: RankedItem[], ui: { description: string; valueLabel: string; maxVisible?: number }): ChartOption {
  const sorted = [...items].sort((a, b) => (b.value ?? -1) - (a.value ?? -1));
  const maxVisible = ui.maxVisible ?? 30;
  return {
    ...base(ui.description),
    grid: { left: 8, right: sorted.length > maxVisible ? 36 : 40, top: 8, bottom: 8, containLabel: true },
    xAxis: { type: 'value', min: 0, max: 100, splitLine: { lineStyle: { color: gridLine } } },
    yAxis: {
      type: 'category',
      inverse: true,
      data: sorted.map((i) => i.name),
      axisLabel: { width: 110, overflow: 'truncate', color: mutedText },
      axisTick: { show: false },
    },
    dataZoom: sorted.length > maxVisible ? [{ type: 'slider', yAxisIndex: 0, startValue: 0, endValue: maxVisible - 1, width: 14, right: 6 }, { type: 'inside', yAxisIndex: 0 }] : [],
    tooltip: {
      trigger: 'item',
      formatter: (p: unknown) => {
        const x = p as TooltipParam & { data: { id: string; grade: string; value: number | null } };
        return `${tooltipLine(x.marker ?? '', x.name ?? '', fmtScore(x.data.value))}<br/>${escapeHtml(x.data.grade)}`;
      },
    },
    series: [
      {
        type: 'bar',
        name: ui.valueLabel,
        cursor: 'pointer',
        barMaxWidth: 18,
        label: { show: true, position: 'right', formatter: (p: unknown) => fmtScore((p as { value: number | null }).value), color: mutedText, fontSize: 11 },
        data: sorted.map((i) => ({
          id: i.id,
          value: i.value ?? null,
          grade: i.gradeLabel,
          itemStyle: { color: i.gradeIndex >= 0 ? gradeColors[Math.min(i.gradeIndex, gradeColors.length - 1)] : ungradedColor },
        })) as never,
      },
    ],
  };
}

export interface RadarSeries {
  name: string;
  values: (number | undefined)[];
}

export function buildRadarOption(axes: string[], series: RadarSeries[], ui: { description: string }): ChartOption {
  return {
    ...base(ui.description),
    color: palette,
    legend: { bottom: 0, type: 'scroll', data: series.map((s) => s.name) },
    tooltip: {
      trigger: 'item',
      formatter: (p: unknown) => {
        const x = p as TooltipParam & { value: (number | string)[] };
        const lines = axes.map((a, k) => tooltipLine('', a, typeof x.value[k] === 'number' ? (x.value[k] as number).toFixed(1) : '—'));
        return `<b>${escapeHtml(x.name ?? '')}</b><br/>${lines.join('<br/>')}`;
      },
    },
    radar: { indicator: axes.map((name) => ({ name, max: 100, min: 0 })), radius: '62%', center: ['50%', '48%'], axisName: { color: mutedText } },
    series: [
      {
        type: 'radar',
        symbolSize: 4,
        areaStyle: { opacity: 0.12 },
        data: series.map((s) => ({ name: s.name, value: s.values.map((v) => (v === undefined ? '-' : v)) })) as never,
      },
    ],
  };
}

export interface GradeCount {
  label: string;
  count: number;
  /** 0 = best band; -1 = ungraded. */
  gradeIndex: number;
}

export function buildGradeDistributionOption(counts: GradeCount[], ui: { description: string; countLabel: string }): ChartOption {
  return {
    ...base(ui.description),
    grid: { left: 8, right: 8, top: 24, bottom: 8, containLabel: true },
    xAxis: { type: 'category', data: counts.map((c) => c.label), axisTick: { show: false } },
    yAxis: { type: 'value', minInterval: 1, splitLine: { lineStyle: { color: gridLine } } },
    tooltip: { trigger: 'item', formatter: (p: unknown) => { const x = p as TooltipParam; return tooltipLine(x.marker ?? '', x.name ?? '', String(x.value)); } },
    series: [
      {
        type: 'bar',
        name: ui.countLabel,
        barMaxWidth: 42,
        label: { show: true, position: 'top', color: mutedText },
        data: counts.map((c) => ({ value: c.count, itemStyle: { color: c.gradeIndex >= 0 ? gradeColors[Math.min(c.gradeIndex, gradeColors.length - 1)] : ungradedColor } })),
      },
    ],
  };
}

export function buildTrendOption(dates: string[], series: RadarSeries[], ui: { description: string }): ChartOption {
  return {
    ...base(ui.description),
    color: palette,
    legend: { bottom: 0, type: 'scroll', data: series.map((s) => s.name) },
    grid: { left: 8, right: 16, top: 16, bottom: 32, containLabel: true },
    xAxis: { type: 'category', data: dates.map((d) => d.slice(5)), boundaryGap: false },
    yAxis: { type: 'value', min: 0, max: 100, splitLine: { lineStyle: { color: gridLine } } },
    tooltip: {
      trigger: 'axis',
      formatter: (p: unknown) => {
        const xs = p as (TooltipParam & { axisValue?: string; dataIndex: number })[];
        if (!xs.length) return '';
        return `${escapeHtml(dates[xs[0].dataIndex] ?? '')}<br/>${xs.map((x) => tooltipLine(x.marker ?? '', x.seriesName ?? '', fmtScore(x.value as number | null))).join('<br/>')}`;
      },
    },
    series: series.map((s) => ({ type: 'line', name: s.name, showSymbol: true, symbolSize: 5, connectNulls: false, data: s.values.map((v) => v ?? null) })),
  };
}

export interface HeatmapRow {
  id: string;
  name: string;
  values: (number | undefined)[];
}

export function buildHeatmapOption(rows: HeatmapRow[], columns: string[], ui: { description: string }): ChartOption {
  const data: { value: [number, number, number | string]; id: string }[] = [];
  rows.forEach((r, y) => r.values.forEach((v, x) => data.push({ value: [x, y, v === undefined ? '-' : Math.round(v * 10) / 10], id: r.id })));
  return {
    ...base(ui.description),
    grid: { left: 8, right: rows.length > 16 ? 22 : 8, top: 8, bottom: 44, containLabel: true },
    xAxis: { type: 'category', data: columns, position: 'top', splitArea: { show: true }, axisTick: { show: false }, axisLabel: { interval: 0, width: 64, overflow: 'truncate', fontSize: 11 } },
    yAxis: { type: 'category', data: rows.map((r) => r.name), inverse: true, axisLabel: { width: 110, overflow: 'truncate', color: mutedText }, axisTick: { show: false } },
    visualMap: { min: 0, max: 100, calculable: false, orient: 'horizontal', left: 'center', bottom: 0, itemHeight: 120, itemWidth: 10, inRange: { color: scoreScale } },
    dataZoom: rows.length > 16 ? [{ type: 'inside', yAxisIndex: 0, startValue: 0, endValue: 15 }, { type: 'slider', yAxisIndex: 0, startValue: 0, endValue: 15, width: 12, right: 0, showDetail: false }] : [],
    tooltip: {
      trigger: 'item',
      formatter: (p: unknown) => {
        const x = p as TooltipParam & { value: [number, number, number | string] };
        const row = rows[x.value[1]];
        return `<b>${escapeHtml(row?.name ?? '')}</b><br/>${tooltipLine('', columns[x.value[0]] ?? '', typeof x.value[2] === 'number' ? x.value[2].toFixed(1) : '—')}`;
      },
    },
    series: [{ type: 'heatmap', cursor: 'pointer', label: { show: rows.length <= 30, fontSize: 10, formatter: (p: unknown) => { const v = (p as { value: [number, number, number | string] }).value[2]; return typeof v === 'number' ? v.toFixed(0) : ''; } }, data: data as never }],
  };
}

export interface FunnelStage {
  name: string;
  /** Assignments that reached at least this stage. */
  value: number;
}

export function buildFunnelOption(stages: FunnelStage[], ui: { description: string }): ChartOption {
  const max = Math.max(1, ...stages.map((s) => s.value));
  return {
    ...base(ui.description),
    tooltip: { trigger: 'item', formatter: (p: unknown) => { const x = p as TooltipParam; return tooltipLine(x.marker ?? '', x.name ?? '', String(x.value)); } },
    series: [
      {
        type: 'funnel',
        sort: 'none',
        min: 0,
        max,
        minSize: '18%',
        left: '8%',
        right: '8%',
        top: 8,
        bottom: 8,
        gap: 2,
        label: { show: true, position: 'inside', formatter: (p: unknown) => { const x = p as { name: string; value: number }; return `${x.name} ${x.value}`; }, color: '#fff' },
        data: stages.map((s, k) => ({ name: s.name, value: s.value, itemStyle: { color: stageColors[k] } })),
      },
    ],
  };
}

export function histogramBins(values: number[], width = 10): { label: string; from: number; to: number; count: number }[] {
  const bins = Array.from({ length: Math.ceil(100 / width) }, (_, k) => ({ label: `${k * width}–${Math.min(100, (k + 1) * width)}`, from: k * width, to: Math.min(100, (k + 1) * width), count: 0 }));
  for (const v of values) bins[Math.min(bins.length - 1, Math.max(0, Math.floor(v / width)))].count++;
  return bins;
}

export function buildHistogramOption(values: number[], ui: { description: string; countLabel: string }): ChartOption {
  const bins = histogramBins(values);
  return {
    ...base(ui.description),
    grid: { left: 8, right: 8, top: 24, bottom: 8, containLabel: true },
    xAxis: { type: 'category', data: bins.map((b) => b.label), axisLabel: { interval: 0, fontSize: 10 } },
    yAxis: { type: 'value', minInterval: 1, splitLine: { lineStyle: { color: gridLine } } },
    tooltip: { trigger: 'item', formatter: (p: unknown) => { const x = p as TooltipParam; return tooltipLine(x.marker ?? '', x.name ?? '', String(x.value)); } },
    series: [{ type: 'bar', name: ui.countLabel, barCategoryGap: '8%', itemStyle: { color: palette[1] }, label: { show: true, position: 'top', fontSize: 10, formatter: (p: unknown) => { const v = (p as { value: number }).value; return v ? String(v) : ''; } }, data: bins.map((b) => b.count) }],
  };
}

export interface ScatterPoint {
  id: string;
  name: string;
  members: number;
  index: number;
}

export function buildScatterOption(points: ScatterPoint[], ui: { description: string; membersLabel: string; indexLabel: string }): ChartOption {
  return {
    ...base(ui.description),
    grid: { left: 8, right: 24, top: 24, bottom: 28, containLabel: true },
    // members are skewed (8 … 3,000): a log axis; 0 members sit at 1
    xAxis: { type: 'log', name: ui.membersLabel, nameLocation: 'middle', nameGap: 22, min: 1, splitLine: { lineStyle: { color: gridLine } } },
    yAxis: { type: 'value', name: ui.indexLabel, min: 0, max: 100, splitLine: { lineStyle: { color: gridLine } } },
    tooltip: {
      trigger: 'item',
      formatter: (p: unknown) => {
        const x = p as TooltipParam & { data: { name: string; value: [number, number]; members: number } };
        return `<b>${escapeHtml(x.data.name)}</b><br/>${tooltipLine('', ui.membersLabel, String(x.data.members))}<br/>${tooltipLine('', ui.indexLabel, fmtScore(x.data.value[1]))}`;
      },
    },
    series: [{ type: 'scatter', cursor: 'pointer', symbolSize: 7, itemStyle: { color: palette[1], opacity: 0.7 }, data: points.map((p) => ({ id: p.id, name: p.name, members: p.members, value: [Math.max(1, p.members), p.index] })) as never }],
  };
}

export interface Contribution {
  name: string;
  /** Points the category adds to a 100-point scale (its weight share × score). */
  gain: number;
  /** Points it loses against 100. */
  loss: number;
}

/** Weight-share contributions of each category to a 100-point scale, over categories with a score. */
export function contributions(categories: { name: string; weight: number; score: number | undefined }[]): Contribution[] {
  const present = categories.filter((c) => c.score !== undefined);
  const total = present.reduce((s, c) => s + c.weight, 0);
  return present.map((c) => ({ name: c.name, gain: (c.weight / total) * c.score!, loss: (c.weight / total) * (100 - c.score!) }));
}

export function buildContributionsOption(items: Contribution[], ui: { description: string; gainLabel: string; lossLabel: string }): ChartOption {
  return {
    ...base(ui.description),
    legend: { bottom: 0, data: [ui.gainLabel, ui.lossLabel] },
    grid: { left: 8, right: 16, top: 8, bottom: 28, containLabel: true },
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
      { type: 'bar', name: ui.gainLabel, stack: 'total', itemStyle: { color: '#15803d' }, label: { show: true, formatter: (p: unknown) => (p as { value: number }).value.toFixed(1), color: '#fff', fontSize: 10 }, data: items.map((i) => i.gain) },
      { type: 'bar', name: ui.lossLabel, stack: 'total', itemStyle: { color: '#fca5a5' }, label: { show: true, formatter: (p: unknown) => (p as { value: number }).value.toFixed(1), color: '#7f1d1d', fontSize: 10 }, data: items.map((i) => i.loss) },
    ],
  };
}

export function buildLevelBarOption(counts: { level: AlertLevel; label: string; count: number }[], ui: { description: string }): ChartOption {
  return {
    ...base(ui.description),
    grid: { left: 8, right: 8, top: 20, bottom: 8, containLabel: true },
    xAxis: { type: 'category', data: counts.map((c) => c.label), axisTick: { show: false } },
    yAxis: { type: 'value', minInterval: 1, splitLine: { lineStyle: { color: gridLine } } },
    tooltip: { trigger: 'item', formatter: (p: unknown) => { const x = p as TooltipParam; return tooltipLine(x.marker ?? '', x.name ?? '', String(x.value)); } },
    series: [{ type: 'bar', barMaxWidth: 36, label: { show: true, position: 'top' }, data: counts.map((c) => ({ value: c.count, itemStyle: { color: levelColors[c.level] } })) }],
  };
}
