import { escapeHtml } from '../escape';

export { fmtScore } from '../../lib/format';

/** One tooltip line: a coloured marker, an escaped label and a value. */
export function tooltipLine(marker: string, label: string, value: string): string {
  return `${marker}${escapeHtml(label)}: <b>${escapeHtml(value)}</b>`;
}

/**
 * The common frame of every chart option: no animation while data refreshes.
 * Accessibility is the card's: an accessible name and a data-table twin (ECharts'
 * own aria text is English-only, so it is not used).
 */
export function base() {
  return {
    animation: false,
    textStyle: { fontFamily: 'system-ui, "Noto Sans CJK SC", "PingFang SC", "Microsoft YaHei", sans-serif' },
  } as const;
}

/** `{ marker, name, value, data }` as ECharts passes to formatters (loosely typed). */
export interface TooltipParam {
  marker?: string;
  name?: string;
  seriesName?: string;
  value?: unknown;
  data?: unknown;
  dataIndex?: number;
  color?: string;
}
