/** Tree-shaken ECharts: only the charts and components the dashboard draws. */
import * as echarts from 'echarts/core';
import {
  BarChart, FunnelChart, HeatmapChart, LineChart, RadarChart, ScatterChart,
  type BarSeriesOption, type FunnelSeriesOption, type HeatmapSeriesOption, type LineSeriesOption,
  type RadarSeriesOption, type ScatterSeriesOption,
} from 'echarts/charts';
import {
  AriaComponent, DataZoomComponent, GridComponent, LegendComponent, MarkLineComponent, RadarComponent,
  TooltipComponent, VisualMapComponent,
  type AriaComponentOption, type DataZoomComponentOption, type GridComponentOption, type LegendComponentOption,
  type MarkLineComponentOption, type RadarComponentOption, type TooltipComponentOption, type VisualMapComponentOption,
} from 'echarts/components';
import { LegacyGridContainLabel } from 'echarts/features';
import { CanvasRenderer } from 'echarts/renderers';

echarts.use([
  BarChart, FunnelChart, HeatmapChart, LineChart, RadarChart, ScatterChart,
  AriaComponent, DataZoomComponent, GridComponent, LegendComponent, MarkLineComponent, RadarComponent,
  TooltipComponent, VisualMapComponent, CanvasRenderer,
  // grids size themselves around their axis labels (long Chinese org names)
  LegacyGridContainLabel,
]);

export type ChartOption = echarts.ComposeOption<
  | BarSeriesOption | FunnelSeriesOption | HeatmapSeriesOption | LineSeriesOption | RadarSeriesOption | ScatterSeriesOption
  | AriaComponentOption | DataZoomComponentOption | GridComponentOption | LegendComponentOption | MarkLineComponentOption
  | RadarComponentOption | TooltipComponentOption | VisualMapComponentOption
>;

export { echarts };

/** Org names are data, never markup: every tooltip formatter goes through this. */
export const escapeHtml = (text: string): string => echarts.format.encodeHTML(text);
