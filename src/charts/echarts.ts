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
