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
 * Dispose a chart so that no frame of its painting runs afterwards. ECharts 6.1 marks every heatmap rectangle
 * incremental (HeatmapView.render passes no flag, and getIncrementalId defaults to true), so zrender paints the
 * heatmap's layer 15 ms at a time and continues in the next animation frame; a chart disposed in between threw
 * "Cannot read properties of null (reading 'layerStack')" from that frame. zrender's painter skips a frame whose
 * redraw id is no longer its own: clearing the id retires the frame.
 */
export function disposeChart(chart: echarts.ECharts): void {
  if (chart.isDisposed()) return;
  (chart.getZr().painter as { _redrawId?: unknown })._redrawId = undefined;
  chart.dispose();
}
