import { describe, expect, it } from 'vitest';
import {
  buildFunnelOption,
  buildGradeDistributionOption,
  buildHeatmapOption,
  buildRadarOption,
  textWidthPx,
  buildRankingOption,
  buildTrendOption,
} from './builders';
import { wrapWords } from './common';
import type { ChartOption } from '../echarts';
import { contrastRatio, gradeColor, scoreBands, textOn } from '../../ui/theme';
import { buildContributionsOption, buildHistogramOption, buildScatterOption, histogramBins } from './orgBuilders';
import { contributions } from '../../data/chartInputs';

const EVIL = '<img src=x onerror=alert(1)>';
type Formatter = (p: unknown) => string;
const tooltip = (o: { tooltip?: unknown }) => (o.tooltip as { formatter: Formatter }).formatter;
const series = (o: { series?: unknown }) => o.series as { data: unknown[]; type: string }[];

describe('option builders', () => {
  it('ranking: best first, each bar carries its org id, no-data last, tooltip escapes names', () => {
    const o = buildRankingOption(
      [
        { id: 'n', name: 'N', value: undefined, gradeIndex: -1, grade: undefined },
        { id: 'a', name: 'A', value: 50, gradeIndex: -1, grade: undefined },
        { id: 'b', name: EVIL, value: 91, gradeIndex: 0, grade: '5A' },
      ],
      { valueLabel: 'index', ungradedLabel: '未评级', bandCount: 5 },
    );
    expect((o.yAxis as { data: string[] }).data).toEqual([EVIL, 'A', 'N']);
    expect(series(o)[0].data.map((d) => (d as { id: string }).id)).toEqual(['b', 'a', 'n']);
    expect(series(o)[0].data.map((d) => (d as { grade: string }).grade)).toEqual(['5A', '未评级', '未评级']);
    const html = tooltip(o)({ marker: '', name: EVIL, data: { id: 'b', grade: '5A', value: 91 } });
    expect(html).not.toContain('<img');
    expect(html).toContain('&lt;img src=x onerror=alert(1)&gt;');
    expect(o.animation).toBe(false);
  });

  it('ranking: adds a slider beyond 30 bars', () => {
    const many = Array.from({ length: 40 }, (_, k) => ({ id: `o${k}`, name: `o${k}`, value: k, gradeIndex: -1, grade: undefined }));
    const ui = { valueLabel: 'x', ungradedLabel: '-', bandCount: 5 };
    expect((buildRankingOption(many, ui).dataZoom as unknown[]).length).toBe(2);
    expect((buildRankingOption(many.slice(0, 5), ui).dataZoom as unknown[]).length).toBe(0);
  });

  it('radar: one axis per category at 0–100, missing values empty (never 0), escaped series names', () => {
    const o = buildRadarOption(['A', 'B'], [{ name: EVIL, values: [80, undefined] }]);
    expect((o.radar as { indicator: { max: number }[] }).indicator.map((i) => i.max)).toEqual([100, 100]);
    expect(series(o)[0].data).toEqual([{ name: EVIL, value: [80, '-'] }]);
    expect(tooltip(o)({ name: EVIL, value: [80, '-'] })).toBe(
      '<b>&lt;img src=x onerror=alert(1)&gt;</b><br/>A: <b>80.0</b><br/>B: <b>—</b>',
    );
  });

  it('radar: a narrow card shrinks the web, more for long (English) axis names, so the side labels are not cut', () => {
    const narrow = (o: ReturnType<typeof buildRadarOption>) =>
      (o.media as { query: { maxWidth: number }; option: { radar: { radius: string } } }[]).find((m) => m.query.maxWidth);
    const english = buildRadarOption(['Organisation', 'Democratic management', 'Rights and services'], []);
    expect((english.radar as { radius: string }).radius).toBe('52%');
    expect(narrow(english)?.option.radar.radius).toBe('40%');
    const chinese = buildRadarOption(['组织建设', '民主管理'], []);
    expect((chinese.radar as { radius: string }).radius).toBe('66%');
    expect(narrow(chinese)?.option.radar.radius).toBe('56%');
  });

  it('grade distribution: one bar per band plus ungraded', () => {
    const o = buildGradeDistributionOption(
      [
        { grade: '5A', count: 3, gradeIndex: 0 },
        { grade: undefined, count: 9, gradeIndex: -1 },
      ],
      { countLabel: 'n', ungradedLabel: '未评级' },
    );
    expect(series(o)[0].data.map((d) => (d as { value: number }).value)).toEqual([3, 9]);
    expect((o.xAxis as { data: string[] }).data).toEqual(['5A', '未评级']);
  });

  it('grade colours: one distinct colour per band for any number of bands, never clamped', () => {
    for (const n of [1, 4, 5, 7]) {
      const colors = Array.from({ length: n }, (_, k) => gradeColor(k, n));
      expect(new Set(colors).size).toBe(n);
      expect(gradeColor(-1, n)).not.toBe(colors[n - 1]);
    }
    // the usual five bands are told apart at a glance: neighbours far apart in colour (2A and 1A were 25 apart)
    const rgb = (hex: string) => [16, 8, 0].map((shift) => (parseInt(hex.slice(1), 16) >> shift) & 255);
    const distance = (a: string, b: string) => Math.hypot(...rgb(a).map((c, i) => c - rgb(b)[i]));
    const five = Array.from({ length: 5 }, (_, k) => gradeColor(k, 5));
    for (let k = 1; k < 5; k++) expect(distance(five[k - 1], five[k]), `${five[k - 1]} ${five[k]}`).toBeGreaterThan(45);
    const seven = scoreBands([95, 90, 85, 80, 70, 60, 50]);
    expect(seven).toHaveLength(8);
    expect(new Set(seven.map((b) => b.color)).size).toBe(8);
  });

  it('grade colours: white badge text reads on every band of any methodology (WCAG AA, 4.5:1)', () => {
    const onWhite = (hex: string) => contrastRatio(hex, '#ffffff');
    const worst: { ratio: number; color: string } = { ratio: Infinity, color: '' };
    for (let n = 1; n <= 12; n++)
      for (let k = -1; k < n; k++) {
        const color = gradeColor(k, n);
        if (onWhite(color) < worst.ratio) Object.assign(worst, { ratio: onWhite(color), color });
      }
    expect(worst.ratio, worst.color).toBeGreaterThanOrEqual(4.5);
  });

  it('trend: null where there is no data, escaped series names in the axis tooltip', () => {
    const o = buildTrendOption(['2025-01-31', '2025-02-28'], [{ name: EVIL, values: [undefined, 40] }]);
    expect(series(o)[0].data).toEqual([null, 40]);
    const html = tooltip(o)([{ marker: '', seriesName: EVIL, value: 40, dataIndex: 1 }]);
    expect(html).toContain('2025-02-28');
    expect(html).not.toContain('<img');
  });

  it('heatmap: [column, row, value] cells carrying row ids; missing cells empty', () => {
    const bands = scoreBands([90, 80, 70, 60, 50]);
    const o = buildHeatmapOption([{ id: 't1', name: EVIL, values: [55.55, undefined] }], ['A', 'B'], bands);
    // a number in the colour that reads on its band's fill; an empty cell has none
    expect(series(o)[0].data).toEqual([
      { value: [0, 0, 55.6], id: 't1', label: { color: textOn(bands[1].color) } },
      { value: [1, 0, '-'], id: 't1' },
    ]);
    const pieces = (o.visualMap as { pieces: { gte: number }[] }).pieces;
    expect(pieces.map((p) => p.gte)).toEqual([0, 50, 60, 70, 80, 90]);
    expect(tooltip(o)({ value: [0, 0, 55.6] })).toBe('<b>&lt;img src=x onerror=alert(1)&gt;</b><br/>A: <b>55.6</b>');
  });

  it('heatmap: every number reads on its cell (≥ 4.5:1) for any band count; a scrolled heatmap numbers its rows in view', () => {
    const rows = Array.from({ length: 60 }, (_, k) => ({ id: `u${k}`, name: `U${k}`, values: [k * (100 / 59), 100 - k] }));
    for (const mins of [
      [90, 80, 70, 60, 50],
      [80, 60],
      [95, 90, 85, 80, 70, 60, 40],
    ]) {
      const bands = scoreBands(mins);
      const o = buildHeatmapOption(rows, ['A', 'B'], bands);
      const pieces = (o.visualMap as { pieces: { gte: number; lt: number; color: string }[] }).pieces;
      const cells = series(o)[0].data as { value: [number, number, number]; label: { color: string } }[];
      expect(cells).toHaveLength(120);
      for (const c of cells) {
        // the fill is the visual map's piece for the value
        const fill = pieces.find((p) => c.value[2] >= p.gte && c.value[2] < p.lt)!.color;
        expect(contrastRatio(fill, c.label.color), `${c.value[2]} on ${fill}`).toBeGreaterThanOrEqual(4.5);
      }
      // 60 rows scroll 16 at a time: rows tall enough for their numbers
      expect((series(o)[0] as { label?: unknown }).label).toMatchObject({ show: true, fontSize: 10 });
    }
  });

  it('heatmap: in a narrow card a Chinese column name wider than its column less a gap breaks in two', () => {
    const zh = ['组织建设', '民主管理', '维权', '新就业形态劳动者'];
    const o = buildHeatmapOption([{ id: 't', name: 'T', values: [1, 2, 3, 4] }], zh, scoreBands([90, 80, 70, 60, 50]));
    type Rule = { query: { maxWidth?: number }; option: { xAxis?: { axisLabel: { width: number; formatter: (n: string) => string } } } };
    const narrow = (o.media as Rule[]).find((m) => m.query.maxWidth !== undefined)!.option.xAxis!.axisLabel;
    expect(zh.map(narrow.formatter)).toEqual(['组织\n建设', '民主\n管理', '维权', '新就业形\n态劳动者']);
    // the catalog's four-character names then leave room between columns (a longer one is cut at the column)
    for (const name of zh.slice(0, 3))
      for (const line of narrow.formatter(name).split('\n')) expect(textWidthPx(line, 10)).toBeLessThanOrEqual(narrow.width - 6);
    // English keeps its word wrap
    expect(narrow.formatter('Democratic management')).toBe('Democratic\nmanagement');
  });

  it('heatmap: a card too short for 28 rows with numbers drops the numbers, then thins the names from the weakest up', () => {
    const rows = Array.from({ length: 28 }, (_, k) => ({ id: `t${k}`, name: `镇${k}`, values: [60 + k] }));
    const o = buildHeatmapOption(rows, ['A'], scoreBands([90, 80, 70, 60, 50]));
    expect((series(o)[0] as { label?: unknown }).label).toMatchObject({ show: true });
    const [small, half, third] = o.media as {
      query: { maxHeight: number };
      option: { yAxis: { axisLabel: { interval?: (i: number) => boolean; fontSize?: number } }; series?: { label: { show: boolean } }[] };
    }[];
    // every name, smaller, without the numbers
    expect(small.query.maxHeight).toBe(28 * 13 + 40);
    expect(small.option.yAxis.axisLabel).toEqual({ fontSize: 9 });
    expect(small.option.series![0].label.show).toBe(false);
    // every other name, then every third: the last row (the weakest) always named
    const named = (rule: typeof half) => rows.map((_, i) => i).filter((i) => rule.option.yAxis.axisLabel.interval!(i));
    expect(half.query.maxHeight).toBe(28 * 10 + 40);
    expect(named(half)).toEqual([1, 3, 5, 7, 9, 11, 13, 15, 17, 19, 21, 23, 25, 27]);
    expect(third.query.maxHeight).toBe(28 * 5 + 40);
    expect(named(third)).toEqual([0, 3, 6, 9, 12, 15, 18, 21, 24, 27]);
  });

  it('heatmap: English category names wrap onto at most two lines that fit the label width; Chinese names stay whole', () => {
    const en = ['Organisation', 'Democratic management', 'Rights and services', 'Skills and achievement', 'Foundations'];
    const zh = ['组织建设', '民主管理', '维权服务', '建功立业', '基础保障'];
    const o = buildHeatmapOption([{ id: 't', name: 'T', values: [1, 2, 3, 4, 5] }], en, scoreBands([90, 80, 70, 60, 50]));
    const x = o.xAxis as {
      data: string[];
      axisLabel: { width: number; fontSize: number; overflow: string; formatter: (n: string) => string };
    };
    // the axis keeps the full names (the tooltip and the table twin show them); only the label is wrapped
    expect(x.data).toEqual(en);
    const label = x.axisLabel;
    expect(label.overflow).toBe('truncate');
    // a Latin character at 11 px is at most ~0.62 em wide in the system sans-serif fonts
    const fits = (line: string) => line.length * label.fontSize * 0.62 <= label.width;
    expect(label.formatter('Democratic management')).toBe('Democratic\nmanagement');
    for (const name of en) {
      const lines = label.formatter(name).split('\n');
      expect(lines.length).toBeLessThanOrEqual(2);
      expect(lines.join(' ')).toBe(name);
      for (const line of lines) expect(fits(line), line).toBe(true);
    }
    for (const name of zh) expect(label.formatter(name)).toBe(name);
    // a name that would take three lines keeps two: the rest runs on in the second, where the width cuts it
    expect(label.formatter('Workers and new forms of employment')).toBe('Workers and\nnew forms of employment');
    // a narrow card (the org page's, a phone's) shrinks the lines to the column; a narrow and tall one (the org
    // page's) stands English names on end, whole; Chinese names stay across in any card
    type Rule = {
      query: { maxWidth?: number; minHeight?: number };
      option: { xAxis?: { axisLabel: { width?: number; rotate?: number; formatter?: (n: string) => string } } };
    };
    const rules = (option: ChartOption) => (option.media as Rule[]).filter((m) => m.query.maxWidth !== undefined);
    const [narrow, upright] = rules(o);
    expect(narrow.query).toEqual({ maxWidth: 5 * label.width + 130 });
    expect(narrow.option.xAxis!.axisLabel.width).toBeLessThan(label.width);
    expect(upright.query.maxWidth).toBe(narrow.query.maxWidth);
    expect(upright.query.minHeight).toBeGreaterThan(340); // a phone's overview card is 340 px tall: it keeps its rows
    const stood = upright.option.xAxis!.axisLabel;
    expect(stood.rotate).toBe(90);
    for (const name of en) {
      expect(stood.formatter!(name)).toBe(name);
      expect(textWidthPx(name, 10)).toBeLessThanOrEqual(stood.width!);
    }
    const zhRules = rules(buildHeatmapOption([{ id: 't', name: 'T', values: [1, 2, 3, 4, 5] }], zh, scoreBands([90, 80, 70, 60, 50])));
    expect(zhRules).toHaveLength(1);
    for (const name of zh) expect(textWidthPx(name, 10)).toBeLessThanOrEqual(zhRules[0].option.xAxis!.axisLabel.width!);
  });

  it('heatmap: English names stand on end only in a card that still gives every fitted row 11 px below them', () => {
    const en = ['Organisation', 'Democratic management', 'Rights and services', 'Skills and achievement', 'Foundations'];
    const uprightMinHeight = (n: number) => {
      const rows = Array.from({ length: n }, (_, k) => ({ id: `t${k}`, name: `T${k}`, values: [1, 2, 3, 4, 5] }));
      const media = buildHeatmapOption(rows, en, scoreBands([90, 80, 70, 60, 50])).media as {
        query: { minHeight?: number };
        option: { xAxis?: { axisLabel: { rotate?: number } } };
      }[];
      return media.find((m) => m.option.xAxis?.axisLabel.rotate === 90)?.query.minHeight;
    };
    // a few rows: the 420 px floor; the overview's 28 towns: 28 × 11 + 140 (a phone's two-row card draws 515 px)
    expect(uprightMinHeight(5)).toBe(420);
    expect(uprightMinHeight(28)).toBe(28 * 11 + 140);
    // 40 towns in a 520 px card would get 9 px rows under upright names: they stay across there
    expect(uprightMinHeight(40)).toBeGreaterThan(520);
    // a scrolling heatmap (a town's hundred unions) shows 16 rows at a time: the floor again
    expect(uprightMinHeight(120)).toBe(420);
  });

  it('grade distribution names every band on the axis', () => {
    const o = buildGradeDistributionOption(
      ['5A', '4A', '3A', '2A', '1A'].map((grade, k) => ({ grade, gradeIndex: k, count: k })),
      { countLabel: 'n', ungradedLabel: 'Ungraded' },
    );
    expect((o.xAxis as { axisLabel: { interval: number } }).axisLabel.interval).toBe(0);
  });

  it('funnel keeps stage order', () => {
    const o = buildFunnelOption([
      { name: '下达', value: 10 },
      { name: '领办', value: 7 },
    ]);
    expect(series(o)[0]).toMatchObject({ sort: 'none', max: 10 });
    // steps as wide as their counts (no floor that draws an empty step large), labelled beside them in text colour
    expect(series(o)[0]).toMatchObject({ min: 0, minSize: '2%', label: { position: 'right', color: '#111827' } });
  });

  it('histogram: a narrow card names each band by where it starts; the data keep the ranges', () => {
    const o = buildHistogramOption([5, 15, 95], { countLabel: 'n' });
    const [narrow] = o.media as { query: { maxWidth: number }; option: { xAxis: { axisLabel: { formatter: (l: string) => string } } } }[];
    expect(narrow.query.maxWidth).toBeLessThan(420); // the org page's card at 1920 px keeps the ranges
    expect(['0–10', '10–20', '90–100'].map(narrow.option.xAxis.axisLabel.formatter)).toEqual(['0', '10', '90']);
    expect((o.xAxis as { data: string[] }).data[1]).toBe('10–20');
  });

  it('histogram: ten bins of 10 points, 100 in the last', () => {
    const bins = histogramBins([0, 9.99, 10, 55, 100]);
    expect(bins).toHaveLength(10);
    expect(bins.map((b) => b.count)).toEqual([2, 1, 0, 0, 0, 1, 0, 0, 0, 1]);
    expect(series(buildHistogramOption([1, 2], { countLabel: 'n' }))[0].data[0]).toBe(2);
  });

  it('scatter: log members axis, 0 members at 1, ids for drilling, escaped tooltip', () => {
    const o = buildScatterOption([{ id: 'g', name: EVIL, members: 0, index: 70 }], { membersLabel: 'm', indexLabel: 'i' });
    expect(o.xAxis).toMatchObject({ type: 'log' });
    expect(series(o)[0].data[0]).toMatchObject({ id: 'g', value: [1, 70] });
    expect(tooltip(o)({ data: { name: EVIL, value: [1, 70], members: 0 } })).not.toContain('<img');
  });

  it('contributions: weight shares over present categories; gain + loss = share of 100', () => {
    const c = contributions([
      { name: 'A', weight: 0.6, score: 50 },
      { name: 'B', weight: 0.4, score: 100 },
      { name: 'C', weight: 1, score: undefined },
    ]);
    expect(c).toEqual([
      { name: 'A', gain: 30, loss: 30 },
      { name: 'B', gain: 40, loss: 0 },
    ]);
    const o = buildContributionsOption(c, { gainLabel: '+', lossLabel: '-' });
    expect(series(o).map((s) => s.data)).toEqual([
      [30, 40],
      [30, 0],
    ]);
  });
});

describe('wrapWords (radar axis names on a phone)', () => {
  it('breaks long names between words and leaves short ones alone', () => {
    expect(wrapWords('Democratic management', 12)).toBe('Democratic\nmanagement');
    expect(wrapWords('Skills and achievements', 12)).toBe('Skills and\nachievements');
    expect(wrapWords('组织建设', 12)).toBe('组织建设');
  });
});
