/**
 * A chart unmounted while ECharts is still painting it: ECharts 6.1 marks every heatmap rectangle incremental, so
 * zrender paints the heatmap's layer 15 ms at a time and continues in the next animation frame. That frame must not
 * run on the disposed chart (it threw "Cannot read properties of null (reading 'layerStack')" in CI).
 */
import { render } from '@testing-library/react';
import { afterEach, expect, it, vi } from 'vitest';
import EChartsView from './EChartsView';
import type { ChartOption } from './echarts';

const heatmap: ChartOption = {
  animation: false,
  xAxis: { type: 'category', data: ['a', 'b', 'c'] },
  yAxis: { type: 'category', data: ['x', 'y'] },
  visualMap: { type: 'piecewise', show: false, min: 0, max: 10, dimension: 2 },
  series: [
    {
      type: 'heatmap',
      data: [
        [0, 0, 1],
        [1, 0, 2],
        [2, 0, 3],
        [0, 1, 4],
        [1, 1, 5],
        [2, 1, 6],
      ],
    },
  ],
};

afterEach(() => vi.restoreAllMocks());

it('a heatmap unmounted mid-paint leaves no frame behind that throws', async () => {
  const thrown: unknown[] = [];
  const onError = (e: unknown) => thrown.push(e);
  process.on('uncaughtException', onError);
  try {
    // every reading of the clock 20 ms later: each rectangle overruns the painter's 15 ms frame budget
    let now = Date.now();
    vi.spyOn(Date, 'now').mockImplementation(() => (now += 20));
    const { unmount } = render(<EChartsView option={heatmap} size={{ width: 400, height: 300 }} />);
    await new Promise((ok) => setTimeout(ok, 20));
    unmount();
    for (let k = 0; k < 5; k++) await new Promise((ok) => setImmediate(ok));
  } finally {
    process.off('uncaughtException', onError);
  }
  expect(thrown).toEqual([]);
});
