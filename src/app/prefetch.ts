/** Code of the views a click on the overview opens, fetched ahead so the drill does not wait on the network. */
export const loadOrgPage = () => import('../features/org/OrgPage');

/** Once the year has loaded and the browser is idle: fetch the organisation page's code (the router loads it from the same import). */
export function prefetchDrillViews(): void {
  const idle = window.requestIdleCallback ?? ((fn: () => void) => window.setTimeout(fn, 1));
  idle(() => void loadOrgPage().catch(() => undefined));
}
