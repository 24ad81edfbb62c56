import type { ReadModel } from '../data/model';
import { isDesktopWidth, whenIdle } from '../lib/idle';

/** Code of the views a click on the overview opens, fetched ahead so the drill does not wait on the network. */
export const loadOrgPage = () => import('../features/org/OrgPage');

/**
 * Once the year has loaded and the browser is idle, on a desktop: fetch the organisation page's code (the router
 * loads it from the same import), then rehearse its charts (charts/rehearsal.ts). Not on a phone: evaluating it
 * (and the charting library it brings) costs ~200 ms of a throttled CPU for a page the reader may never open, and a
 * phone's first screen draws no chart. Returns the function that stops what has not run yet.
 */
export function prefetchDrillViews(model: ReadModel): () => void {
  if (!isDesktopWidth()) return () => undefined;
  let stopRehearsal = () => {};
  let stopped = false;
  const stopIdle = whenIdle(
    () =>
      void Promise.all([loadOrgPage(), import('../charts/rehearsal')]).then(
        ([, { rehearseDrill }]) => {
          if (!stopped) stopRehearsal = rehearseDrill(model);
        },
        () => undefined,
      ),
  );
  return () => {
    stopped = true;
    stopIdle();
    stopRehearsal();
  };
}
