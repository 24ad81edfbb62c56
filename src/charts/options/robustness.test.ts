import { describe, expect, it } from 'vitest';
import { buildRankIntervalOption } from './robustness';

const EVIL = '<img src=x onerror=alert(1)>';
type Formatter = (p: unknown) => string;
const series = (o: { series?: unknown }) => o.series as { data: unknown[]; type: string; stack?: string }[];
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
    expect(o.xAxis).toMatchObject({ min: 0.5, max: 6.5 });
  });

  it('tooltip escapes names and states the range', () => {
    const html = (o.tooltip as { formatter: Formatter }).formatter({ dataIndex: 1 });
    expect(html).not.toContain('<img');
    expect(html).toContain('&lt;img');
    expect(html).toContain('2–6');
  });
});
