/** ECharts itself, loaded on demand (Chart.tsx): the first screen's JavaScript does not wait for it. */
import ReactEChartsCore from 'echarts-for-react/esm/core';
import type { CSSProperties, Ref } from 'react';
import { echarts, type ChartOption } from './echarts';
import { installPrintResize } from './printResize';

// charts follow the page's width when printed (every view: the print stylesheet is src/app/print.css)
installPrintResize();

export default function EChartsView({
  option,
  onEvents,
  style,
  ref,
}: {
  option: ChartOption;
  onEvents?: Record<string, (params: unknown) => void>;
  style: CSSProperties;
  ref?: Ref<ReactEChartsCore>;
}) {
  return (
    <ReactEChartsCore
      ref={ref}
      echarts={echarts}
      option={option}
      notMerge
      lazyUpdate
      onEvents={onEvents}
      style={style}
      opts={{ renderer: 'canvas' }}
    />
  );
}
