import ReactEChartsCore from 'echarts-for-react/esm/core';
import type { EChartsInstance } from 'echarts-for-react/esm/types';
import { useEffect, useMemo, useState, type Ref } from 'react';
import { queueMount } from './mountQueue';
import { echarts, type ChartOption } from './echarts';
import { installPrintResize } from './printResize';

// charts follow the page's width when printed (every view: the print stylesheet is src/app/print.css)
installPrintResize();

export type ChartEvents = Record<string, (params: unknown) => void>;

export interface ChartProps {
  option: ChartOption;
  onEvents?: ChartEvents;
  height: number | string;
  ref?: Ref<ReactEChartsCore>;
}

/** The one ECharts wrapper: tree-shaken core, canvas renderer, resize and dispose handled by echarts-for-react. */
export function Chart({ option, onEvents, height, ref }: ChartProps) {
  const style = useMemo(() => ({ height, width: '100%' }), [height]);
  const [mounted, setMounted] = useState(false);
  useEffect(() => queueMount(() => setMounted(true)), []);
  if (!mounted) return <div style={style} />;
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

export type { EChartsInstance };
