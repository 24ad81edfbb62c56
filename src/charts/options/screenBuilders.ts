/**
 * Option builders of the command-room screen (/screen): a dark theme and every
 * size in design pixels times `u`, the screen's scale (1 at 1920×1080, 2 at
 * 3840×2160), so the canvases are drawn at the screen's real pixel size with
 * type that grows with the wall — never a CSS-scaled canvas. Pure: data in,
 * option out; every formatter escapes names.
 */
import type { HeatmapRow, RadarSeries } from '../../data/chartInputs';
import type { RankedChild } from '../../data/screen';
import type { EscalationLevel, LevelTally } from '../../engine';
import { textOn, type ScoreBand } from '../../ui/theme';
import type { ChartOption } from '../echarts';
import { escapeHtml } from '../escape';
import { base, fmtScore, hasLongAxisNames, tooltipLine, wrapWords, type TooltipParam } from './common';

/** The screen's dark palette (the CSS in features/screen/screen.css uses the same values). */
export const screenColors = {
  text: '#e6edf7',
  muted: '#a9bbd0',
  grid: 'rgba(148, 163, 184, 0.22)',
  panel: '#0f1d36',
  district: '#38bdf8',
  focus: '#fbbf24',
  pace: '#e2e8f0',
  levels: { remind: '#60a5fa', warn: '#facc15', supervise: '#fb923c', interview: '#f43f5e' } satisfies Record<EscalationLevel, string>,
} as const;

/** Dark tooltips whose type scales with the screen. */
function tooltip(u: number) {
  return {
    backgroundColor: '#0b1630',
    borderColor: '#3b5b86',
    textStyle: { color: screenColors.text, fontSize: 14 * u },
    confine: true,
  } as const;
}

const px = (n: number, u: number) => Math.round(n * u * 10) / 10;

/** The band a 0–100 score falls in (the top band includes 100). */
export function bandOf(bands: ScoreBand[], v: number): ScoreBand | undefined {
  return bands.find((b) => v >= b.min && (v < b.max || (b.max === 100 && v <= 100)));
}

/**
 * Groups × categories, one row per group in the board's order. No axis labels:
 * the board's HTML rows beside it name the groups and its header the
 * categories, so names stay text (readable, translatable, selectable).
 */
export function buildScreenHeatmapOption(rows: HeatmapRow[], columns: string[], bands: ScoreBand[], u: number): ChartOption {
  const data: { value: [number, number, number | string]; label?: { color: string } }[] = [];
  rows.forEach((r, y) =>
    r.values.forEach((v, x) => {
      const band = v === undefined ? undefined : bandOf(bands, v);
      // the label contrasts with its own cell: white on the dark reds, dark on the yellows and greens
      data.push({
        value: [x, y, v === undefined ? '-' : Math.round(v * 10) / 10],
        ...(band ? { label: { color: textOn(band.color) } } : {}),
      });
    }),
  );
  return {
    ...base(),
    grid: { left: 0, right: 0, top: 0, bottom: 0 },
    xAxis: { type: 'category', data: columns, show: false },
    yAxis: { type: 'category', data: rows.map((r) => r.name), inverse: true, show: false },
    visualMap: {
      type: 'piecewise',
      show: false,
      dimension: 2,
      pieces: bands.map((b) => ({ gte: b.min, lt: b.max === 100 ? 100.0001 : b.max, color: b.color })),
    },
    tooltip: {
      ...tooltip(u),
      trigger: 'item',
      formatter: (p: unknown) => {
        const x = p as TooltipParam & { value: [number, number, number | string] };
        const v = x.value[2];
        return `<b>${escapeHtml(rows[x.value[1]]?.name ?? '')}</b><br/>${tooltipLine('', columns[x.value[0]] ?? '', typeof v === 'number' ? v.toFixed(1) : '—')}`;
      },
    },
    series: [
      {
        type: 'heatmap',
        itemStyle: { borderColor: screenColors.panel, borderWidth: px(2, u) },
        label: {
          show: true,
          fontSize: px(15, u),
          fontWeight: 'bold',
          color: screenColors.text,
          formatter: (p: unknown) => {
            const v = (p as { value: [number, number, number | string] }).value[2];
            return typeof v === 'number' ? v.toFixed(0) : '—';
          },
        },
        data: data as never,
      },
    ],
  };
}

export interface AlertBarRow {
  name: string;
  alerts: LevelTally;
}

/** Alerted assignments per group, stacked by level (提醒 → 约谈), total at the end; rows as the board orders them. */
export function buildScreenAlertBarsOption(
  rows: AlertBarRow[],
  levels: readonly EscalationLevel[],
  levelName: (l: EscalationLevel) => string,
  u: number,
): ChartOption {
  const totals = rows.map((r) => levels.reduce((s, l) => s + r.alerts[l], 0));
  const max = Math.max(1, ...totals);
  return {
    ...base(),
    // room on the right for the total's label
    grid: { left: 0, right: px(44, u), top: 0, bottom: 0 },
    xAxis: { type: 'value', show: false, max },
    yAxis: { type: 'category', data: rows.map((r) => r.name), inverse: true, show: false },
    tooltip: {
      ...tooltip(u),
      trigger: 'axis',
      axisPointer: { type: 'shadow' },
      formatter: (p: unknown) => {
        const xs = p as (TooltipParam & { dataIndex: number })[];
        const k = xs[0]?.dataIndex ?? 0;
        const lines = levels.map((l) => tooltipLine('', levelName(l), String(rows[k]?.alerts[l] ?? 0)));
        return `<b>${escapeHtml(rows[k]?.name ?? '')}</b><br/>${lines.join('<br/>')}`;
      },
    },
    series: [
      ...levels.map((l) => ({
        type: 'bar' as const,
        name: levelName(l),
        stack: 'alerts',
        barWidth: '62%',
        itemStyle: { color: screenColors.levels[l] },
        data: rows.map((r) => r.alerts[l]),
      })),
      {
        // a zero-width bar at the end of each stack carries the total
        type: 'bar' as const,
        name: 'total',
        stack: 'alerts',
        data: totals.map(() => 0),
        label: {
          show: true,
          position: 'right',
          color: screenColors.text,
          fontSize: px(15, u),
          fontWeight: 'bold',
          formatter: (p: unknown) => String(totals[(p as { dataIndex: number }).dataIndex] ?? ''),
        },
        tooltip: { show: false },
      },
    ],
  };
}

/** The focused group's children ranked; a gap row (name '…') marks the ones left out between best and weakest. */
export function buildScreenChildRankingOption(rows: (RankedChild | undefined)[], bands: ScoreBand[], u: number): ChartOption {
  const label = (r: RankedChild | undefined) => (r ? `${r.rank}. ${r.name}` : '…');
  return {
    ...base(),
    grid: { left: px(6, u), right: px(52, u), top: 0, bottom: 0, containLabel: true },
    xAxis: { type: 'value', min: 0, max: 100, show: false },
    yAxis: {
      type: 'category',
      inverse: true,
      data: rows.map(label),
      axisLine: { show: false },
      axisTick: { show: false },
      axisLabel: { color: screenColors.text, fontSize: px(15, u), width: px(190, u), overflow: 'truncate' },
    },
    tooltip: {
      ...tooltip(u),
      trigger: 'item',
      formatter: (p: unknown) => {
        const x = p as TooltipParam & { dataIndex: number };
        const r = rows[x.dataIndex];
        return r ? tooltipLine('', `${r.rank}. ${r.name}`, fmtScore(r.index)) : '';
      },
    },
    series: [
      {
        type: 'bar',
        barWidth: '64%',
        label: {
          show: true,
          position: 'right',
          color: screenColors.text,
          fontSize: px(15, u),
          formatter: (p: unknown) => fmtScore((p as { value: number | null }).value),
        },
        data: rows.map((r) =>
          r ? { value: r.index, itemStyle: { color: bandOf(bands, r.index)?.color ?? screenColors.muted } } : { value: null },
        ) as never,
      },
    ],
  };
}

/** Category scores of the focused group against the district. */
export function buildScreenRadarOption(axes: string[], series: RadarSeries[], u: number): ChartOption {
  const colors = [screenColors.district, screenColors.focus];
  return {
    ...base(),
    color: colors,
    tooltip: {
      ...tooltip(u),
      trigger: 'item',
      formatter: (p: unknown) => {
        const x = p as TooltipParam & { value: (number | string)[] };
        const lines = axes.map((a, k) => tooltipLine('', a, typeof x.value[k] === 'number' ? (x.value[k] as number).toFixed(1) : '—'));
        return `<b>${escapeHtml(x.name ?? '')}</b><br/>${lines.join('<br/>')}`;
      },
    },
    radar: {
      indicator: axes.map((name) => ({ name, max: 100, min: 0 })),
      // 37 %: the left name ("management", ten letters) clears the panel's edge (at 40 % its first letter was cut);
      // short (Chinese) names leave room for a larger web
      radius: hasLongAxisNames(axes) ? '37%' : '50%',
      center: ['50%', '54%'],
      // long names (English) wrap at spaces instead of running off the panel
      axisName: { color: screenColors.text, fontSize: px(13, u), formatter: (name?: string) => wrapWords(name ?? '', 10) },
      axisLine: { lineStyle: { color: screenColors.grid } },
      splitLine: { lineStyle: { color: screenColors.grid } },
      splitArea: { show: false },
    },
    series: [
      {
        type: 'radar',
        symbolSize: px(6, u),
        lineStyle: { width: px(3, u) },
        areaStyle: { opacity: 0.18 },
        data: series.map((s) => ({ name: s.name, value: s.values.map((v) => (v === undefined ? '-' : v)) })) as never,
      },
    ],
  };
}

const utc = (iso: string) => Date.UTC(+iso.slice(0, 4), +iso.slice(5, 7) - 1, +iso.slice(8, 10));

/**
 * The district index at each month end up to the as-of date, over the whole
 * calendar year, with 序时进度 drawn as a straight dashed line from 0 on
 * January 1 to 100 on December 31 (the share of the year elapsed).
 */
export function buildScreenTrendOption(
  year: number,
  points: { date: string; value: number | undefined }[],
  ui: { indexName: string; paceName: string; month: (m: number) => string },
  u: number,
): ChartOption {
  const start = `${year}-01-01`;
  const end = `${year}-12-31`;
  return {
    ...base(),
    color: [screenColors.district, screenColors.pace],
    grid: { left: px(8, u), right: px(20, u), top: px(14, u), bottom: px(4, u), containLabel: true },
    xAxis: {
      type: 'time',
      min: utc(start),
      max: utc(end),
      splitNumber: 6,
      axisLine: { lineStyle: { color: screenColors.grid } },
      axisLabel: {
        color: screenColors.muted,
        fontSize: px(13, u),
        hideOverlap: true,
        formatter: (v: number) => ui.month(new Date(v).getUTCMonth() + 1),
      },
      splitLine: { show: false },
    },
    yAxis: {
      type: 'value',
      min: 0,
      max: 100,
      interval: 25,
      axisLabel: { color: screenColors.muted, fontSize: px(13, u) },
      splitLine: { lineStyle: { color: screenColors.grid } },
    },
    tooltip: {
      ...tooltip(u),
      trigger: 'item',
      formatter: (p: unknown) => {
        const x = p as TooltipParam & { value: [number, number | null] };
        const date = new Date(x.value[0]).toISOString().slice(0, 10);
        return `${escapeHtml(date)}<br/>${tooltipLine('', x.seriesName ?? '', fmtScore(x.value[1]))}`;
      },
    },
    series: [
      {
        type: 'line',
        name: ui.indexName,
        showSymbol: true,
        symbolSize: px(8, u),
        lineStyle: { width: px(4, u) },
        // only the latest value is labelled: month labels on a rising line overlap it
        label: {
          show: false,
          position: 'top',
          color: screenColors.text,
          fontSize: px(16, u),
          fontWeight: 'bold',
          formatter: (p: unknown) => fmtScore((p as { value: [number, number | null] }).value[1]),
        },
        data: points.map((p, k) =>
          k === points.length - 1 ? { value: [utc(p.date), p.value ?? null], label: { show: true } } : [utc(p.date), p.value ?? null],
        ) as never,
      },
      {
        type: 'line',
        name: ui.paceName,
        showSymbol: false,
        lineStyle: { width: px(2, u), type: 'dashed' },
        data: [
          [utc(start), 0],
          [utc(end), 100],
        ],
        endLabel: {
          show: true,
          formatter: ui.paceName,
          color: screenColors.pace,
          fontSize: px(13, u),
          align: 'right',
          offset: [-px(4, u), -px(12, u)],
        },
      },
    ],
  };
}
