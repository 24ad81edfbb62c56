/** ECharts itself, loaded on demand (Chart.tsx): the first screen's JavaScript does not wait for it. */
import ReactEChartsCore from 'echarts-for-react/esm/core';
import { useLayoutEffect, useRef, useState, type Ref } from 'react';
import type { ECharts } from 'echarts/core';
import { disposeChart, echarts, type ChartOption } from './echarts';
import { installPrintResize } from './printResize';

// charts follow the page's width when printed (every view: the print stylesheet is src/app/print.css)
installPrintResize();

/** A chart's drawing size in CSS pixels, as the page laid its frame out. */
export interface DrawSize {
  width: number;
  height: number;
}

/**
 * echarts-for-react, initialised once at the size the page measured. Its own `initEchartsInstance` builds a
 * throwaway instance, waits for its first frame, reads the container's clientWidth/clientHeight (a forced layout
 * of the whole page, per chart) and builds the instance again: on a drill to a town that was two thirds of the
 * time to its charts. With the size given, ECharts reads nothing from the DOM either.
 */
class SizedECharts extends ReactEChartsCore {
  override initEchartsInstance(): Promise<ECharts> {
    return Promise.resolve(this.echarts.init(this.ele, this.props.theme, this.props.opts) as ECharts);
  }

  override componentWillUnmount(): void {
    // first with no frame of its painting left to run (disposeChart); then echarts-for-react's own clean-up
    const chart = this.getEchartsInstance();
    if (chart) disposeChart(chart);
    super.componentWillUnmount();
  }
}

const FILL = { width: '100%', height: '100%' } as const;

export default function EChartsView({
  option,
  onEvents,
  size,
  ref,
}: {
  option: ChartOption;
  onEvents?: Record<string, (params: unknown) => void>;
  /** Undefined where the page cannot measure without a forced layout (no ResizeObserver): ECharts measures. */
  size: DrawSize | undefined;
  ref?: Ref<ReactEChartsCore>;
}) {
  // the size at creation; later sizes go to resize(), since new opts would make echarts-for-react rebuild the chart
  const [opts] = useState(() => ({ renderer: 'canvas' as const, ...size }));
  const core = useRef<ReactEChartsCore | null>(null);
  const width = size?.width;
  const height = size?.height;
  // before the browser paints: a resized frame never shows its chart stretched
  useLayoutEffect(() => {
    const chart = core.current?.getEchartsInstance();
    if (!chart || width === undefined || (width === chart.getWidth() && height === chart.getHeight())) return;
    chart.resize({ width, height });
  }, [width, height]);
  return (
    <SizedECharts
      ref={(c) => {
        core.current = c;
        if (typeof ref === 'function') ref(c);
        else if (ref) ref.current = c;
      }}
      echarts={echarts}
      option={option}
      notMerge
      onEvents={onEvents}
      style={FILL}
      opts={opts}
      // the frame's own observer (Chart.tsx) passes new sizes; echarts-for-react's would measure with a forced layout
      autoResize={false}
    />
  );
}
