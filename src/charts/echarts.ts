/** Tree-shaken ECharts: only the charts and components the dashboard draws. */
import * as echarts from 'echarts/core';
import {
  BarChart,
  FunnelChart,
  HeatmapChart,
  LineChart,
  RadarChart,
  type BarSeriesOption,
  type FunnelSeriesOption,
  type HeatmapSeriesOption,
  type LineSeriesOption,
  type RadarSeriesOption,
  type ScatterSeriesOption,
} from 'echarts/charts';
import {
  DataZoomInsideComponent,
  DataZoomSliderComponent,
  GridComponent,
  RadarComponent,
  TooltipComponent,
  VisualMapPiecewiseComponent,
  type DataZoomComponentOption,
  type GridComponentOption,
  type RadarComponentOption,
  type TooltipComponentOption,
  type VisualMapComponentOption,
} from 'echarts/components';
import { CanvasRenderer } from 'echarts/renderers';

// what the first screen draws; the org page registers its scatter chart itself (options/orgBuilders.ts)
echarts.use([
  BarChart,
  FunnelChart,
  HeatmapChart,
  LineChart,
  RadarChart,
  // legends are HTML (ChartCard): lighter and translatable; the heatmap colours by score bands (piecewise)
  DataZoomInsideComponent,
  DataZoomSliderComponent,
  GridComponent,
  RadarComponent,
  TooltipComponent,
  VisualMapPiecewiseComponent,
  CanvasRenderer,
]);

/**
 * ECharts 6.1.0 regression: the heatmap's ordinary (not progressive) render calls `_renderOnGridLike` without its
 * `useIncremental` flag, and `getIncrementalId` reads a missing flag as true (6.0 left the cells alone). Every cell
 * was then "incremental": zrender drew the cells on canvases of their own — three full-size canvases per heatmap
 * instead of one, more to clear, paint and composite on a drill — painted 15 ms at a time across frames. The flag
 * as given (absent = false) restores 6.0's behaviour; a progressive render still passes true.
 */
type GridLikeRender = (seriesModel: unknown, api: unknown, start: number, end: number, useIncremental?: boolean) => void;
// the registry of chart views (clazz.enableClassManagement) is not in ECharts' types
const chartViews = echarts.ChartView as unknown as {
  getClass(type: string): { prototype: { _renderOnGridLike?: GridLikeRender } } | undefined;
};
const heatmapView = chartViews.getClass('heatmap');
const renderOnGridLike = heatmapView?.prototype._renderOnGridLike;
if (heatmapView && renderOnGridLike) {
  heatmapView.prototype._renderOnGridLike = function (this: unknown, seriesModel, api, start, end, useIncremental) {
    renderOnGridLike.call(this, seriesModel, api, start, end, useIncremental === true);
  };
}

export type ChartOption = echarts.ComposeOption<
  | BarSeriesOption
  | FunnelSeriesOption
  | HeatmapSeriesOption
  | LineSeriesOption
  | RadarSeriesOption
  | ScatterSeriesOption
  | DataZoomComponentOption
  | GridComponentOption
  | RadarComponentOption
  | TooltipComponentOption
  | VisualMapComponentOption
>;

export { echarts };

/**
 * Dispose a chart so that no frame of its painting runs afterwards. A progressive render (a series past its
 * `progressiveThreshold`; before the fix above, every heatmap) paints 15 ms at a time and continues in the next
 * animation frame; a chart disposed in between threw "Cannot read properties of null (reading 'layerStack')" from
 * that frame. zrender's painter skips a frame whose redraw id is no longer its own: clearing the id retires it.
 */
export function disposeChart(chart: echarts.ECharts): void {
  if (chart.isDisposed()) return;
  (chart.getZr().painter as { _redrawId?: unknown })._redrawId = undefined;
  chart.dispose();
}
