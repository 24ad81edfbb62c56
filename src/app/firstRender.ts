/**
 * What the first render waits for, so that it paints the page once: without it the page rendered a skeleton, then
 * re-rendered synchronously (one long task each, ~50 ms, ~200 ms on a throttled phone) as meta, the summary and the
 * router's own resolution of the route came in.
 */
import type { QueryClient } from '@tanstack/react-query';
import type { AppConfig } from '../api/schemas';
import { seedFromDevice, seedFromNetwork } from '../data/dashboard';
import { parseGlobalSearch } from '../data/search';
import { yieldToBrowser } from '../lib/idle';
import type { AppRouter } from './router';

export async function prepareFirstRender(queryClient: QueryClient, config: AppConfig, router: AppRouter): Promise<void> {
  const search = parseGlobalSearch(router.state.location.search);
  // a repeat visit: the year kept on this device paints at once, meta is revalidated behind it; a first visit
  // waits (boundedly) for meta and the summary that public/boot.js started
  if (!(await seedFromDevice(queryClient, config, search.year))) await seedFromNetwork(queryClient, config, search.year, search.asOf);
  await yieldToBrowser();
  // the route resolved now: resolved in the router's mount effect instead, its stores' change re-rendered the whole
  // page synchronously; should it fail, the router tries again on mount and shows the route's error there
  await router.load().catch(() => undefined);
}
