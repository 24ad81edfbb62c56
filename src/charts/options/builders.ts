/**
 * Pure option builders for the charts of the first screen (also used deeper
 * in): data in, ECharts option out. Tested on the option object, never on
 * pixels. Every formatter escapes names.
 */
import type { ChartOption } from '../echarts';
import { escapeHtml } from '../escape';
import type { FunnelStage, GradeCount, HeatmapRow, RadarSeries, RankedItem } from '../../data/chartInputs';
import { gradeColor, gridLine, mutedText, palette, stageColors, textOn, type ScoreBand } from '../../ui/theme';
import { base, fmtScore, hasLongAxisNames, tooltipLine, wrapWords, type TooltipParam } from './common';

/** Horizontal bars, best on top; each bar carries its org id for drilling. */
export function buildRankingOption(
  items: RankedItem[],
  ui: { valueLabel: string; ungradedLabel: string; bandCount: number; maxVisible?: number },
): ChartOption {
  const sorted = [...items].sort((a, b) => (b.value ?? -1) - (a.value ?? -1));
  const maxVisible = ui.maxVisible ?? 30;
  return {
    ...base(),
    grid: { left: 8, right: sorted.length > maxVisible ? 36 : 40, top: 8, bottom: 8 },
    xAxis: { type: 'value', min: 0, max: 100, splitLine: { lineStyle: { color: gridLine } } },
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
            { type: 'slider', yAxisIndex: 0, startValue: 0, endValue: maxVisible - 1, width: 14, right: 6 },
            { type: 'inside', yAxisIndex: 0 },
          ]
        : [],
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
        label: {
          show: true,
          position: 'right',
          formatter: (p: unknown) => fmtScore((p as { value: number | null }).value),
          color: mutedText,
          fontSize: 11,
        },
        data: sorted.map((i) => ({
          id: i.id,
          value: i.value ?? null,
          grade: i.grade ?? ui.ungradedLabel,
          itemStyle: { color: gradeColor(i.gradeIndex, ui.bandCount) },
        })) as never,
      },
    ],
  };
}

/** Below this card width a radar with long axis names draws a smaller web. */
const RADAR_NARROW_PX = 380;

export function buildRadarOption(axes: string[], series: RadarSeries[]): ChartOption {
  const long = hasLongAxisNames(axes);
  return {
    ...base(),
    color: palette,
    tooltip: {
      trigger: 'item',
      formatter: (p: unknown) => {
        const x = p as TooltipParam & { value: (number | string)[] };
        const lines = axes.map((a, k) => tooltipLine('', a, typeof x.value[k] === 'number' ? (x.value[k] as number).toFixed(1) : '—'));
        return `<b>${escapeHtml(x.name ?? '')}</b><br/>${lines.join('<br/>')}`;
      },
    },
    // long (English) axis names get more room around the web, wrapped short, so the side labels are not clipped
    radar: {
      indicator: axes.map((name) => ({ name, max: 100, min: 0 })),
      radius: long ? '52%' : '66%',
      center: ['50%', '52%'],
      axisName: { color: mutedText, lineHeight: 14, formatter: (name?: string) => wrapWords(name ?? '', 10) },
    },
    // a narrow card (the overview's radar column, a phone's brief): a wrapped English name still needs ~80 px
    // beside the web, a four-character Chinese one ~55 px, so the web shrinks there (民主管理 was cut on a phone)
    media: [{ query: { maxWidth: RADAR_NARROW_PX }, option: { radar: { radius: long ? '40%' : '56%' } } }],
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

export function buildGradeDistributionOption(counts: GradeCount[], ui: { countLabel: string; ungradedLabel: string }): ChartOption {
  const bandCount = counts.filter((c) => c.gradeIndex >= 0).length;
  return {
    ...base(),
    grid: { left: 8, right: 8, top: 24, bottom: 8 },
    // every band named, however narrow the card (ECharts would drop every other label)
    xAxis: {
      type: 'category',
      data: counts.map((c) => c.grade ?? ui.ungradedLabel),
      axisTick: { show: false },
      axisLabel: { interval: 0, fontSize: 11, width: 56, overflow: 'truncate' },
    },
    yAxis: { type: 'value', minInterval: 1, splitLine: { lineStyle: { color: gridLine } } },
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
        barMaxWidth: 42,
        label: { show: true, position: 'top', color: mutedText },
        data: counts.map((c) => ({ value: c.count, itemStyle: { color: gradeColor(c.gradeIndex, bandCount) } })),
      },
    ],
  };
}

/** Year over year on the trend (methodology §13): the comparison year's lines (dashed, same colours) and the 序时 pace line. */
export interface TrendOverlay {
  /** One per series of the year on screen, in the same order. */
  previous: RadarSeries[];
  /** 0 → 100 across the calendar at each date. */
  pace: { name: string; values: number[] };
}

export function buildTrendOption(dates: string[], series: RadarSeries[], overlay?: TrendOverlay): ChartOption {
  const lines = series.map((s) => ({
    type: 'line' as const,
    name: s.name,
    showSymbol: true,
    symbolSize: 5,
    connectNulls: false,
    data: s.values.map((v) => v ?? null),
  }));
  const extra = overlay
    ? [
        ...overlay.previous.map((s, k) => ({
          type: 'line' as const,
          name: s.name,
          showSymbol: false,
          connectNulls: false,
          lineStyle: { type: 'dashed' as const, width: 1.5, color: palette[k % palette.length], opacity: 0.75 },
          itemStyle: { color: palette[k % palette.length] },
          data: s.values.map((v) => v ?? null),
        })),
        {
          type: 'line' as const,
          name: overlay.pace.name,
          showSymbol: false,
          lineStyle: { type: 'dotted' as const, width: 1.5, color: mutedText },
          itemStyle: { color: mutedText },
          // named by the legend: an end label at the plot's right edge was cut ("Calendar p…")
          data: overlay.pace.values.map((v) => Math.round(v * 10) / 10),
        },
      ]
    : [];
  return {
    ...base(),
    color: palette,
    grid: { left: 8, right: overlay ? 64 : 16, top: 16, bottom: 8 },
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
    series: [...lines, ...extra],
  };
}

/** Below this height a heatmap row's name and numbers overlap their neighbours'. */
const HEATMAP_MIN_ROW_PX = 13;
/** Below this height a row's 9 px name touches its neighbours': every other name, then every third, is shown. */
const HEATMAP_MIN_NAMED_ROW_PX = 10;
/**
 * The width of a line of a heatmap column's name: at 11 px some 13 Latin characters fit in 88 px, and a column is
 * wider than that from a 1366 px desktop up (measured: about 150 px there, five categories across the card).
 */
const HEATMAP_COLUMN_LABEL_PX = 88;
const HEATMAP_COLUMN_LABEL_CHARS = 13;
/** In a narrow card a column is about 45 px wide (the org page's at 1920 px, a phone's overview: measured). */
const HEATMAP_NARROW_LABEL_PX = 42;
/** The least room between two column names side by side. */
const HEATMAP_LABEL_GAP_PX = 6;
/** There, names that do not fit across (English) stand on end, up to this long: the full name in 10 px type. */
const HEATMAP_UPRIGHT_LABEL_PX = 140;
/** Upright names take 140 px off the grid: only a card this tall (the org page's, about 550 px) can spare it. */
const HEATMAP_UPRIGHT_MIN_CARD_PX = 420;
/** …and only if every fitted row keeps this much below them: its 10 px name, not drawn over its neighbours'. */
const HEATMAP_UPRIGHT_MIN_ROW_PX = 11;

/** About how wide `text` sets at `fontSize` in the system sans-serif: CJK full width, Latin about 0.62 em at most. */
export function textWidthPx(text: string, fontSize: number): number {
  let em = 0;
  for (const ch of text) em += /[\u2e80-\u9fff\uf900-\ufaff\uff00-\uffef]/u.test(ch) ? 1 : 0.62;
  return em * fontSize;
}
/** Rows in view at once when a heatmap has too many to fit (the rest scroll). */
const HEATMAP_SCROLL_ROWS = 16;
/** The row names' column (110 px) and the grid's margins. */
const HEATMAP_ROW_LABEL_PX = 130;

/** `wrapWords` held to two lines: what would make a third runs on in the second (cut at the label's width). */
function twoLines(text: string, perLine: number): string {
  const [first, ...rest] = wrapWords(text, perLine).split('\n');
  return rest.length ? `${first}\n${rest.join(' ')}` : first;
}

/**
 * Rows × columns of 0–100 scores, coloured by score band; each cell carries its row's org id.
 * Up to `maxFitted` rows (the overview's towns) all fit the card, so no scrollbar hides the
 * weakest; beyond that (a town's hundred unions) rows would be unreadable, so 16 show and the rest scroll.
 */
export function buildHeatmapOption(rows: HeatmapRow[], columns: string[], bands: ScoreBand[], maxFitted = 40): ChartOption {
  const scroll = rows.length > maxFitted;
  const narrowBelow = columns.length * HEATMAP_COLUMN_LABEL_PX + HEATMAP_ROW_LABEL_PX;
  const data: { value: [number, number, number | string]; id: string; label?: { color: string } }[] = [];
  const pieces = bands.map((b) => ({ gte: b.min, lt: b.max === 100 ? 100.0001 : b.max, color: b.color }));
  // each number in the colour that reads on its cell (white on the dark greens): the fill the visual map gives it
  const fillOf = (v: number) => pieces.find((p) => v >= p.gte && v < p.lt)?.color;
  rows.forEach((r, y) =>
    r.values.forEach((v, x) => {
      const value = v === undefined ? undefined : Math.round(v * 10) / 10;
      const fill = value === undefined ? undefined : fillOf(value);
      data.push({ value: [x, y, value ?? '-'], id: r.id, ...(fill ? { label: { color: textOn(fill) } } : {}) });
    }),
  );
  return {
    ...base(),
    grid: { left: 8, right: scroll ? 22 : 8, top: 8, bottom: 8 },
    xAxis: {
      type: 'category',
      data: columns,
      position: 'top',
      splitArea: { show: true },
      axisTick: { show: false },
      // English category names ("Democratic management") wrap onto two lines instead of being cut at a fixed width;
      // a word longer than a line is still cut there (the tooltip and the table twin keep the full name). CJK names
      // have no spaces and stay on one line.
      axisLabel: {
        interval: 0,
        width: HEATMAP_COLUMN_LABEL_PX,
        overflow: 'truncate',
        fontSize: 11,
        lineHeight: 13,
        formatter: (name: string) => twoLines(name, HEATMAP_COLUMN_LABEL_CHARS),
      },
    },
    // fitted rows and their labels shrink as rows grow
    yAxis: {
      type: 'category',
      data: rows.map((r) => r.name),
      inverse: true,
      axisLabel: {
        width: HEATMAP_ROW_LABEL_PX - 20,
        overflow: 'truncate',
        color: mutedText,
        interval: scroll ? 'auto' : 0,
        fontSize: !scroll && rows.length > 24 ? 10 : 12,
      },
      axisTick: { show: false },
    },
    // the legend is the card's (HTML); the bands come from the methodology's grade thresholds
    visualMap: {
      type: 'piecewise',
      show: false,
      dimension: 2,
      pieces,
    },
    dataZoom: scroll
      ? [
          { type: 'inside', yAxisIndex: 0, startValue: 0, endValue: HEATMAP_SCROLL_ROWS - 1 },
          { type: 'slider', yAxisIndex: 0, startValue: 0, endValue: HEATMAP_SCROLL_ROWS - 1, width: 12, right: 0, showDetail: false },
        ]
      : [],
    // where the card is too short for a row's name and numbers (a 1920×1080 overview holds 28 towns in ~320 px, a
    // 1366×768 one in ~240), the cells drop their numbers and the names get smaller; shorter still, they thin out,
    // counted from the last row so the weakest is always named. The tooltip and the table twin keep everything
    media: [
      ...(scroll
        ? []
        : [
            {
              query: { maxHeight: rows.length * HEATMAP_MIN_ROW_PX + 40 },
              option: { yAxis: { axisLabel: { fontSize: 9 } }, series: [{ label: { show: false } }] },
            },
            ...[2, 3].map((every) => ({
              query: { maxHeight: (rows.length * HEATMAP_MIN_NAMED_ROW_PX) / (every - 1) + 40 },
              option: { yAxis: { axisLabel: { interval: (i: number) => (rows.length - 1 - i) % every === 0 } } },
            })),
          ]),
      // a card too narrow for a full line per column (the org page's, a phone's): the lines shrink to the column
      // and are cut there; a Chinese name wider than the column less a gap breaks in the middle onto two lines (a
      // four-character name, 40 px at 10 px, ran into the next one)
      {
        query: { maxWidth: narrowBelow },
        option: {
          xAxis: {
            axisLabel: {
              width: HEATMAP_NARROW_LABEL_PX,
              fontSize: 10,
              formatter: (name: string) =>
                !name.includes(' ') && textWidthPx(name, 10) > HEATMAP_NARROW_LABEL_PX - HEATMAP_LABEL_GAP_PX
                  ? `${name.slice(0, Math.ceil(name.length / 2))}\n${name.slice(Math.ceil(name.length / 2))}`
                  : twoLines(name, HEATMAP_COLUMN_LABEL_CHARS),
            },
          },
        },
      },
      // names that do not fit across (English) stand on end, whole, where the card is tall enough to spare the room
      // and still give each row its line (the org page's; a phone's overview, whose heatmap card is two rows tall);
      // a shorter card keeps its rows instead
      ...(columns.every((c) => textWidthPx(c, 10) <= HEATMAP_NARROW_LABEL_PX)
        ? []
        : [
            {
              query: {
                maxWidth: narrowBelow,
                minHeight: Math.max(
                  HEATMAP_UPRIGHT_MIN_CARD_PX,
                  (scroll ? HEATMAP_SCROLL_ROWS : rows.length) * HEATMAP_UPRIGHT_MIN_ROW_PX + HEATMAP_UPRIGHT_LABEL_PX,
                ),
              },
              option: { xAxis: { axisLabel: { rotate: 90, width: HEATMAP_UPRIGHT_LABEL_PX, formatter: (name: string) => name } } },
            },
          ]),
    ],
    tooltip: {
      trigger: 'item',
      formatter: (p: unknown) => {
        const x = p as TooltipParam & { value: [number, number, number | string] };
        const row = rows[x.value[1]];
        return `<b>${escapeHtml(row?.name ?? '')}</b><br/>${tooltipLine('', columns[x.value[0]] ?? '', typeof x.value[2] === 'number' ? x.value[2].toFixed(1) : '—')}`;
      },
    },
    series: [
      {
        type: 'heatmap',
        cursor: 'pointer',
        // the numbers where rows are tall enough for them: up to 30 fitted rows, or the 16 in view of a scrolled one
        label: {
          show: scroll || rows.length <= 30,
          fontSize: !scroll && rows.length > 24 ? 9 : 10,
          formatter: (p: unknown) => {
            const v = (p as { value: [number, number, number | string] }).value[2];
            return typeof v === 'number' ? v.toFixed(0) : '';
          },
        },
        data: data as never,
      },
    ],
  };
}

/**
 * A funnel whose steps are as wide as their counts (a step of 7 % of the first is 7 % as wide; an empty step a
 * sliver), each labelled beside it on the right in the page's text colour: a label inside needed a floor of half
 * the width, which drew 1,961 of 27,852, or 0, as large steps, and white on the pale steps failed contrast.
 */
export function funnelOption(stages: readonly { name: string; value: number }[], colors: readonly string[]): ChartOption {
  const max = Math.max(1, ...stages.map((s) => s.value));
  return {
    ...base(),
    tooltip: {
      trigger: 'item',
      formatter: (p: unknown) => {
        const x = p as TooltipParam;
        return tooltipLine(x.marker ?? '', x.name ?? '', String(x.value));
      },
    },
    series: [
      {
        type: 'funnel',
        sort: 'none',
        min: 0,
        max,
        minSize: '2%',
        left: 8,
        // the labels' column
        right: '38%',
        top: 8,
        bottom: 8,
        gap: 2,
        label: {
          show: true,
          position: 'right',
          formatter: (p: unknown) => {
            const x = p as { name: string; value: number };
            return `${x.name} ${x.value}`;
          },
          color: '#111827',
        },
        labelLine: { show: true, length: 8, lineStyle: { color: gridLine } },
        data: stages.map((s, k) => ({ name: s.name, value: s.value, itemStyle: { color: colors[k % colors.length] } })),
      },
    ],
  };
}

/** 四项流程: 下达 → 领办 → 反馈 → 评价. */
export function buildFunnelOption(stages: FunnelStage[]): ChartOption {
  return funnelOption(stages, stageColors);
}
