import { describe, expect, it } from 'vitest';
import {
  buildDemandFunnelOption,
  buildDemandHeatmapOption,
  buildOutcomeBarOption,
  buildResponseHistogramOption,
  countPieces,
} from './demandBuilders';

type Series = { type: string; data: unknown[] };
const seriesOf = (o: unknown) => (o as { series: Series[] }).series;

describe('demand option builders', () => {
  it('funnel keeps the stages in order with their counts', () => {
    const o = buildDemandFunnelOption([
      { name: '上报', value: 10 },
      { name: '已研判', value: 7 },
      { name: '已处置', value: 4 },
    ]);
    const s = seriesOf(o)[0] as Series & { sort: string; max: number };
    expect(s.type).toBe('funnel');
    expect(s.sort).toBe('none');
    expect(s.max).toBe(10);
    expect(s.data.map((x) => (x as { value: number }).value)).toEqual([10, 7, 4]);
  });

  it('outcome bars carry each colour', () => {
    const o = buildOutcomeBarOption(
      [
        { name: 'a', value: 2, color: '#111111' },
        { name: 'b', value: 0, color: '#222222' },
      ],
      { countLabel: 'n' },
    );
    expect(seriesOf(o)[0].data).toEqual([
      { value: 2, itemStyle: { color: '#111111' } },
      { value: 0, itemStyle: { color: '#222222' } },
    ]);
  });

  it('heatmap: on a card narrower than 22 px a column, names stand on end and thin out, cells drop their numbers', () => {
    const towns = Array.from({ length: 28 }, (_, k) => `T${k}`);
    const o = buildDemandHeatmapOption(['Pay'], towns, [towns.map(() => 1)], [towns.map(() => 0)], { countLabel: 'n', openLabel: 'open' });
    const [narrow] = o.media as { query: { maxWidth: number }; option: { xAxis: { axisLabel: object }; series: { label: object }[] } }[];
    expect(narrow.query.maxWidth).toBe(28 * 22 + 120); // a 390 px phone's card is narrower; a 1920 px card is not
    expect(narrow.option.xAxis.axisLabel).toMatchObject({ interval: 'auto', rotate: 90 });
    expect(narrow.option.series[0].label).toEqual({ show: false });
    // on a wide card a town's name (7 CJK characters at 11 px, 77 px) stands whole on its slant
    const axis = (o.xAxis as { axisLabel: { width: number; fontSize: number; overflow: string } }).axisLabel;
    expect(axis.overflow).toBe('truncate');
    expect(axis.width).toBeGreaterThanOrEqual(7 * axis.fontSize);
  });

  it("heatmap: more than 30 columns (a town's unions) scroll, 30 in view and 12 on a phone; 30 or fewer all show", () => {
    const cols = (n: number) => Array.from({ length: n }, (_, k) => `U${k}`);
    const option = (n: number) =>
      buildDemandHeatmapOption(['Pay'], cols(n), [cols(n).map(() => 1)], [cols(n).map(() => 0)], { countLabel: 'n', openLabel: 'open' });
    type Zoom = { type: string; xAxisIndex: number; startValue: number; endValue: number; moveOnMouseWheel?: unknown };
    const many = option(170);
    const zoom = many.dataZoom as Zoom[];
    expect(zoom.map((z) => [z.type, z.xAxisIndex, z.startValue, z.endValue])).toEqual([
      ['inside', 0, 0, 29],
      ['slider', 0, 0, 29],
    ]);
    // a plain wheel still scrolls the page
    expect(zoom[0].moveOnMouseWheel).toBe('shift');
    const [narrow] = many.media as { query: { maxWidth: number }; option: { dataZoom?: Partial<Zoom>[] } }[];
    expect(narrow.query.maxWidth).toBe(30 * 22 + 120);
    expect(narrow.option.dataZoom).toEqual([
      { startValue: 0, endValue: 11 },
      { startValue: 0, endValue: 11 },
    ]);
    // every topic named, however short its row
    expect((many.yAxis as { axisLabel: { interval: number } }).axisLabel.interval).toBe(0);
    expect(option(30).dataZoom).toEqual([]);
    expect((option(30).media as { option: { dataZoom?: unknown } }[])[0].option.dataZoom).toBeUndefined();
  });

  it('heatmap: one cell per topic × column, zero cells blank, tooltip escapes names', () => {
    const o = buildDemandHeatmapOption(
      ['<i>Pay</i>', 'Sites'],
      ['T&1', 'T2'],
      [
        [3, 0],
        [1, 5],
      ],
      [
        [1, 0],
        [0, 2],
      ],
      { countLabel: 'n', openLabel: 'open' },
    );
    const cells = seriesOf(o)[0].data as { value: unknown; label?: { color: string } }[];
    expect(cells.map((c) => c.value)).toEqual([
      [0, 0, 3],
      [1, 0, '-'],
      [0, 1, 1],
      [1, 1, 5],
    ]);
    // each count in the colour that reads on its fill: dark on the palest blue, white on the darkest; none on a blank
    expect(cells[2].label?.color).toBe('#0b1220');
    expect(cells[3].label?.color).toBe('#ffffff');
    expect(cells[1].label).toBeUndefined();
    const tip = (o.tooltip as { formatter: (p: unknown) => string }).formatter({ value: [0, 0, 3] });
    expect(tip).toContain('&lt;i&gt;Pay&lt;/i&gt;');
    expect(tip).toContain('T&amp;1');
    expect(tip).not.toContain('<i>');
    expect(tip).toContain('open: <b>1</b>');
  });

  it('count pieces cover 1…max without gaps or overlaps', () => {
    for (const max of [1, 2, 3, 7, 40]) {
      const p = countPieces(max);
      expect(p[0].gte).toBe(1);
      expect(p[p.length - 1].lte).toBe(max);
      for (let k = 1; k < p.length; k++) expect(p[k].gte).toBe(p[k - 1].lte + 1);
    }
    expect(countPieces(0)).toEqual([]);
  });

  it('histogram labels each bin with its inclusive day range', () => {
    const o = buildResponseHistogramOption(
      [
        { from: 0, to: 7, count: 2 },
        { from: 7, to: 14, count: 1 },
      ],
      { countLabel: 'n', binLabel: (a, b) => `${a}-${b}` },
    );
    expect((o.xAxis as { data: string[] }).data).toEqual(['0-6', '7-13']);
    expect(seriesOf(o)[0].data).toEqual([2, 1]);
  });
});
