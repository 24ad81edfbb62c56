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

/**
 * A name broken into lines of at most `perLine` characters between words (a longer word keeps a line of its own),
 * so a long English axis name wraps instead of being clipped; CJK names have no spaces and stay whole.
 */
export function wrapWords(text: string, perLine: number): string {
  const lines: string[] = [];
  for (const word of text.split(' ')) {
    const last = lines.length - 1;
    if (last >= 0 && lines[last].length + 1 + word.length <= perLine) lines[last] += ` ${word}`;
    else lines.push(word);
  }
  return lines.join('\n');
}

/** A radar's axis names need room beside the web (English ones, wrapped by `wrapWords`): any longer than 8 characters. */
export function hasLongAxisNames(axes: string[]): boolean {
  return axes.some((a) => a.length > 8);
}
