/** Code of the views a click on the overview opens, fetched ahead so the drill does not wait on the network. */
export const loadOrgPage = () => import('../features/org/OrgPage');

/** Desktops and walls (the width from which charts out of view are also drawn when idle). */
const PREFETCH_MIN_WIDTH = 1024;

/**
 * Once the year has loaded and the browser is idle, on a desktop: fetch the organisation page's code (the router
 * loads it from the same import). Not on a phone: evaluating it (and the charting library it brings) costs ~200 ms
 * of a throttled CPU for a page the reader may never open, and a phone's first screen draws no chart.
 */
export function prefetchDrillViews(): void {
  if (typeof window.matchMedia === 'function' && !window.matchMedia(`(min-width: ${PREFETCH_MIN_WIDTH}px)`).matches) return;
  const idle = window.requestIdleCallback ?? ((fn: () => void) => window.setTimeout(fn, 1));
  idle(() => void loadOrgPage().catch(() => undefined));
}
