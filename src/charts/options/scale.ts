/**
 * A chart option scaled for a wall display: the app's type grows with the width above 2,560 px (root font-size,
 * styles.css), and a chart drawn at 1920 px sizes would be half the size of the text around it there. ECharts draws
 * on a canvas in CSS pixels, so every pixel size in an option — type, line heights, label widths, margins, marks,
 * the sizes its media queries test — is multiplied by the page's scale `k`. At k = 1 (every screen up to 2,560 px)
 * the option is returned as it is (the same object).
 */
import type { ChartOption } from '../echarts';

/** Keys whose numbers are lengths in pixels. Anything else (data, min/max, intervals, rotations, opacities) stays. */
const PIXEL_KEYS = new Set([
  'fontSize',
  'lineHeight',
  'width',
  'height',
  'left',
  'right',
  'top',
  'bottom',
  'symbolSize',
  'barMaxWidth',
  'barWidth',
  'barMinHeight',
  'textBorderWidth',
  'gap',
  'nameGap',
  'margin',
  'itemWidth',
  'itemHeight',
  'distance',
  'padding',
  // an ECharts media query's conditions: the chart's own size, in pixels
  'minWidth',
  'maxWidth',
  'minHeight',
  'maxHeight',
]);
/** Subtrees of values, never sizes. */
const DATA_KEYS = new Set(['data', 'dataset', 'pieces', 'categories']);

/** ECharts' own default sizes where an option leaves them out (axisDefault.js, TooltipModel.js, globalDefault.js). */
const DEFAULT_FONT = 12;
const DEFAULT_TOOLTIP_FONT = 14;
const DEFAULT_AXIS_LABEL_MARGIN = 8;

function scaleNode(node: unknown, k: number): unknown {
  if (Array.isArray(node)) return node.map((x) => scaleNode(x, k));
  if (node === null || typeof node !== 'object') return node;
  const out: Record<string, unknown> = {};
  for (const [key, value] of Object.entries(node)) {
    if (DATA_KEYS.has(key)) out[key] = value;
    else if (PIXEL_KEYS.has(key) && typeof value === 'number') out[key] = value * k;
    else if (PIXEL_KEYS.has(key) && Array.isArray(value) && value.every((v) => typeof v === 'number'))
      out[key] = value.map((v: number) => v * k);
    else out[key] = scaleNode(value, k);
  }
  return out;
}

type Dict = Record<string, unknown>;
const asDicts = (x: unknown): Dict[] => (Array.isArray(x) ? (x as Dict[]) : x && typeof x === 'object' ? [x as Dict] : []);

/** Fills in a default ECharts would use (already scaled), where the option has none. */
function withDefault(parent: Dict, key: string, sub: string, value: number): void {
  const obj = (parent[key] ?? {}) as Dict;
  if (obj[sub] === undefined) parent[key] = { ...obj, [sub]: value };
}

export function scaleChartOption(option: ChartOption, k: number): ChartOption {
  if (!(k > 0) || Math.abs(k - 1) < 0.01) return option;
  const scaled = scaleNode(option, k) as Dict;
  // text with no size of its own falls back to the global text style (series labels) or to ECharts' defaults (axes,
  // tooltips): both are set here, already scaled
  withDefault(scaled, 'textStyle', 'fontSize', DEFAULT_FONT * k);
  for (const axisKey of ['xAxis', 'yAxis', 'radiusAxis', 'angleAxis']) {
    for (const axis of asDicts(scaled[axisKey])) {
      withDefault(axis, 'axisLabel', 'fontSize', DEFAULT_FONT * k);
      withDefault(axis, 'axisLabel', 'margin', DEFAULT_AXIS_LABEL_MARGIN * k);
      withDefault(axis, 'nameTextStyle', 'fontSize', DEFAULT_FONT * k);
    }
  }
  for (const radar of asDicts(scaled.radar)) withDefault(radar, 'axisName', 'fontSize', DEFAULT_FONT * k);
  for (const tooltip of asDicts(scaled.tooltip)) withDefault(tooltip, 'textStyle', 'fontSize', DEFAULT_TOOLTIP_FONT * k);
  return scaled as ChartOption;
}
