/**
 * ECharts' incremental painting and this wrapper: a heatmap drawn at once is not painted incrementally (ECharts
 * 6.1.0 regression, undone in echarts.ts), and a chart unmounted while a progressive paint is still going on leaves
 * no frame behind that runs on the disposed chart (it threw "Cannot read properties of null (reading 'layerStack')").
 */
import { render } from '@testing-library/react';
import { afterEach, expect, it, vi } from 'vitest';
import EChartsView from './EChartsView';
import { echarts, type ChartOption } from './echarts';

function heatmap(series: Record<string, unknown> = {}): ChartOption {
  return {
    animation: false,
    xAxis: { type: 'category', data: ['a', 'b', 'c'] },
    yAxis: { type: 'category', data: ['x', 'y'] },
    visualMap: { type: 'piecewise', show: false, min: 0, max: 10, dimension: 2 },
    series: [
      {
        type: 'heatmap',
        label: { show: true },
        data: [
          [0, 0, 1],
          [1, 0, 2],
          [2, 0, 3],
          [0, 1, 4],
          [1, 1, 5],
          [2, 1, 6],
        ],
        ...series,
      },
    ],
  };
}

afterEach(() => vi.restoreAllMocks());

it('a heatmap drawn at once paints its cells on the chart’s one canvas, not as incremental layers', () => {
  const host = document.createElement('div');
  document.body.append(host);
  const chart = echarts.init(host, undefined, { renderer: 'canvas', width: 400, height: 300 });
  try {
    chart.setOption(heatmap());
    const shown = (
      chart.getZr() as unknown as { storage: { getDisplayList(update: boolean): { incremental?: number }[] } }
    ).storage.getDisplayList(true);
    expect(shown.length).toBeGreaterThan(6);
    expect(shown.filter((el) => el.incremental)).toEqual([]);
    expect(host.querySelectorAll('canvas')).toHaveLength(1);
  } finally {
    chart.dispose();
    host.remove();
  }
});

it('a chart unmounted mid-paint leaves no frame behind that throws', async () => {
  const thrown: unknown[] = [];
  const onError = (e: unknown) => thrown.push(e);
  process.on('uncaughtException', onError);
  try {
    // a progressive heatmap paints its cells within a 15 ms budget per frame; every reading of the clock 20 ms later
    // makes each cell overrun it, so the paint goes on in the next frame
    let now = Date.now();
    vi.spyOn(Date, 'now').mockImplementation(() => (now += 20));
    const { unmount } = render(
      <EChartsView option={heatmap({ progressive: 2, progressiveThreshold: 1 })} size={{ width: 400, height: 300 }} />,
    );
    await new Promise((ok) => setTimeout(ok, 20));
    unmount();
    for (let k = 0; k < 5; k++) await new Promise((ok) => setImmediate(ok));
  } finally {
    process.off('uncaughtException', onError);
  }
  expect(thrown).toEqual([]);
});
