import type ReactEChartsCore from 'echarts-for-react/esm/core';
import type { EChartsInstance } from 'echarts-for-react/esm/types';
import { lazy, Suspense, useEffect, useMemo, useState, type Ref } from 'react';
import { queueMount } from './mountQueue';
import type { ChartOption } from './echarts';

// ECharts (~170 KB gzip) is not needed to paint the KPIs: it loads beside the data, in its own chunk
const EChartsView = lazy(() => import('./EChartsView'));

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
    <Suspense fallback={<div style={style} />}>
      <EChartsView ref={ref} option={option} onEvents={onEvents} style={style} />
    </Suspense>
  );
}

export type { EChartsInstance };
