/**
 * Charts re-sized to the page before printing: ECharts draws on a canvas of
 * the screen's width, which the print layout (one column, A4 width) would crop
 * or stretch. Every chart instance on the page is resized when printing
 * starts (beforeprint, or the print media query turning on) and again after.
 */
import { echarts } from './echarts';

function resizeAll(): void {
  for (const el of document.querySelectorAll<HTMLElement>('.echarts-for-react')) {
    const chart = echarts.getInstanceByDom(el);
    // 'auto' measures the container in its current (print) layout; charts are created at an explicit size
    chart?.resize({ width: 'auto', height: 'auto', animation: { duration: 0 } });
    // a browser's print lays the page out and captures it with no animation frame in between: paint now, or the
    // canvas prints as it was before the resize
    chart?.getZr().refreshImmediately(true);
  }
}

let installed = false;

/** Installs the listeners once per page (idempotent). */
export function installPrintResize(): void {
  if (installed || typeof window === 'undefined') return;
  installed = true;
  window.addEventListener('beforeprint', resizeAll);
  window.addEventListener('afterprint', resizeAll);
  const mq = typeof window.matchMedia === 'function' ? window.matchMedia('print') : undefined;
  mq?.addEventListener?.('change', resizeAll);
}

export { resizeAll as resizeChartsForPrint };
