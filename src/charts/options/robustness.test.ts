import { describe, expect, it } from 'vitest';
import { buildRankIntervalOption, rankAxisEnd } from './robustness';

const EVIL = '<img src=x onerror=alert(1)>';
type Formatter = (p: unknown) => string;
const series = (o: { series?: unknown }) => o.series as { data: unknown[]; type: string; stack?: string }[];
const axisMax = (o: { xAxis?: unknown }) => (o.xAxis as { max: (e: { min: number; max: number }) => number }).max;
const value = (x: unknown) => (typeof x === 'number' ? x : (x as { value: number }).value);

describe('rank interval option', () => {
  const o = buildRankIntervalOption(
    [
      { id: 'b', name: EVIL, nominal: 3, p5: 2, p95: 6 },
      { id: 'a', name: 'A', nominal: 1, p5: 1, p95: 1 },
    ],
    { nominalLabel: 'Official rank', intervalLabel: 'Range' },
  );

  it('best official rank on top; each bar spans p5 − 0.5 … p95 + 0.5 on a rank axis from 0.5', () => {
    expect((o.yAxis as { data: string[] }).data).toEqual(['A', EVIL]);
    const [offset, band, nominal] = series(o);
    expect(offset.data).toEqual([0.5, 1.5]);
    expect(band.data.map(value)).toEqual([1, 5]);
    expect(offset.stack).toBe(band.stack);
    expect(nominal.data.map(value)).toEqual([1, 3]);
    expect(band.data.map((d) => (d as { id: string }).id)).toEqual(['a', 'b']);
    expect(o.xAxis).toMatchObject({ min: 0.5 });
    // ECharts passes the extent of what is drawn: the stacked bars end at p95 + 0.5
    expect(axisMax(o)({ min: 0.5, max: 6.5 })).toBe(6.5);
  });

  it('the rank axis ends at the intervals on screen, rounded up, not at the tier’s last rank', () => {
    // a town's children: 40 unions ranked 1–40 of 1,782 in their tier, the worst with a long interval far down
    const items = Array.from({ length: 40 }, (_, k) => ({
      id: `g${k}`,
      name: `G${k}`,
      nominal: k + 1,
      p5: k + 1,
      p95: k === 39 ? 1782 : k + 3,
    }));
    const wide = buildRankIntervalOption(items, { nominalLabel: 'Official rank', intervalLabel: 'Range', maxVisible: 30 });
    // the slider shows the first 30 (ranks up to 32): the axis runs to 35, not 1,800
    expect(axisMax(wide)({ min: 0.5, max: 32.5 })).toBe(35.5);
    // scrolled down to the long interval, the axis grows to hold it
    expect(axisMax(wide)({ min: 0.5, max: 1782.5 })).toBe(2000.5);
    // the rows the slider hides do not count in that extent
    expect((wide.dataZoom as { filterMode: string }[]).every((z) => z.filterMode === 'filter')).toBe(true);
    // few ticks, and a label over another is dropped
    expect(wide.xAxis).toMatchObject({ splitNumber: 4, axisLabel: { hideOverlap: true } });
  });

  it('rounds rank ends up to a half-decade step', () => {
    expect([1, 6, 10, 31, 99, 140, 1782].map(rankAxisEnd)).toEqual([1.5, 6.5, 10.5, 35.5, 100.5, 150.5, 2000.5]);
  });

  it('tooltip escapes names and states the range', () => {
    const html = (o.tooltip as { formatter: Formatter }).formatter({ dataIndex: 1 });
    expect(html).not.toContain('<img');
    expect(html).toContain('&lt;img');
    expect(html).toContain('2–6');
  });
});
