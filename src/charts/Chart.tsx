import type ReactEChartsCore from 'echarts-for-react/esm/core';
import type { EChartsInstance } from 'echarts-for-react/esm/types';
import {
  createContext,
  lazy,
  Suspense,
  useCallback,
  useContext,
  useEffect,
  useLayoutEffect,
  useMemo,
  useRef,
  useState,
  type Ref,
} from 'react';
import { flushSync } from 'react-dom';
import type { ChartOption } from './echarts';
import type { DrawSize } from './EChartsView';
import { canObserveFrames, IN_VIEW_MIN_PX, observeFrame } from './frameSizes';
import { queueMount } from './mountQueue';
import { isDesktopWidth, whenIdle } from '../lib/idle';

// ECharts (~170 KB gzip) is not needed to paint the KPIs: it loads beside the data, in its own chunk
const loadView = () => import('./EChartsView');
const EChartsView = lazy(loadView);

export type ChartEvents = Record<string, (params: unknown) => void>;

export interface ChartProps {
  option: ChartOption;
  onEvents?: ChartEvents;
  height: number | string;
  ref?: Ref<ReactEChartsCore>;
}

/**
 * Views made to be printed (the briefing) draw every chart at once: the browser lays the page out for paper right
 * after `beforeprint`, with no time for a chart to load then.
 */
export const EagerCharts = createContext(false);

/**
 * How far into the viewport a chart must come to start drawing: IN_VIEW_MIN_PX (frameSizes.ts), not a sliver. On a
 * phone the first screen is the KPIs, and the charting library (~170 KB gzip) is not even loaded until a chart
 * scrolls into view; on a desktop every overview chart is in view anyway.
 */
const NEAR_MARGIN = `-${IN_VIEW_MIN_PX}px 0px`;

/**
 * The size to draw the frame at, once it is in or near the viewport, or when the page is printed (every chart is
 * drawn for paper). A phone's first screen holds the KPIs and one chart at most: the charts below it cost nothing
 * until the reader scrolls to them, so loading the page never waits on them. Charts in view when the page is
 * laid out draw before it paints (frameSizes.ts).
 */
function useDrawSize(frame: React.RefObject<HTMLElement | null>): DrawSize | undefined | 'unmeasured' {
  const eager = useContext(EagerCharts);
  const [near, setNear] = useState(eager);
  const [size, setSize] = useState<DrawSize>();
  const measured = canObserveFrames();
  // drawn on the page's own account (loading, scrolled to, idle): in its own task, after the charts queued before
  // it, once the charting code is there
  const queued = useRef<() => void>(undefined);
  const showSoon = useCallback(() => {
    queued.current ??= queueMount(() => flushSync(() => setNear(true)), loadView);
  }, []);
  useEffect(() => () => queued.current?.(), []);
  useLayoutEffect(() => {
    const node = frame.current;
    if (!node || !measured) return;
    return observeFrame(node, (s, inView, answering) => {
      setSize((prev) => (prev && prev.width === s.width && prev.height === s.height ? prev : s));
      // answering a click: now, in the frame that first shows it
      if (!inView) return;
      if (answering) setNear(true);
      else showSoon();
    });
  }, [frame, measured, showSoon]);
  useEffect(() => {
    const node = frame.current;
    if (near || !node) return;
    if (typeof IntersectionObserver === 'undefined') {
      setNear(true);
      return;
    }
    const io = new IntersectionObserver(
      (entries) => {
        if (entries.some((e) => e.isIntersecting)) showSoon();
      },
      { rootMargin: NEAR_MARGIN },
    );
    io.observe(node);
    // printing lays the page out at once: every chart now
    const printNow = () => setNear(true);
    const print = typeof window.matchMedia === 'function' ? window.matchMedia('print') : undefined;
    window.addEventListener('beforeprint', printNow);
    print?.addEventListener?.('change', printNow);
    // a desktop draws the rest once the browser is idle: Ctrl+P lays the page out at once (no time to load a chart
    // then), and a quick scroll finds them drawn; a phone keeps waiting for the reader to scroll
    const cancelIdle = isDesktopWidth() ? whenIdle(showSoon, { timeout: 5000, fallbackMs: 1500 }) : undefined;
    return () => {
      cancelIdle?.();
      io.disconnect();
      window.removeEventListener('beforeprint', printNow);
      print?.removeEventListener?.('change', printNow);
    };
  }, [frame, near, showSoon]);
  if (!near) return undefined;
  if (!measured) return 'unmeasured';
  return size && size.width > 0 && size.height > 0 ? size : undefined;
}

/** The one ECharts wrapper: tree-shaken core, canvas renderer, drawn at its frame's size, disposed on unmount. */
export function Chart({ option, onEvents, height, ref }: ChartProps) {
  const style = useMemo(() => ({ height, width: '100%' }), [height]);
  const frame = useRef<HTMLDivElement>(null);
  const size = useDrawSize(frame);
  return (
    <div ref={frame} style={style}>
      {size ? (
        <Suspense fallback={null}>
          <EChartsView ref={ref} option={option} onEvents={onEvents} size={size === 'unmeasured' ? undefined : size} />
        </Suspense>
      ) : null}
    </div>
  );
}

export type { EChartsInstance };
