import {
  createRootRoute,
  createRoute,
  createRouter,
  lazyRouteComponent,
  retainSearchParams,
  type RouterHistory,
} from '@tanstack/react-router';
import { Layout } from './Layout';
import { loadOrgPage } from './prefetch';
import { NotFound } from './NotFound';
import { RootError, RouteError } from './RouteError';
import { OverviewPage } from '../features/overview/OverviewPage';
import { parseScreenSearch } from '../data/screenSearch';
import { parseAlertsSearch, parseGlobalSearch, parseOrgSearch, parseOrgsSearch, parseOverviewSearch } from '../data/search';
import { parseWhatIfSearch } from '../data/whatIf';

export const rootRoute = createRootRoute({
  validateSearch: parseGlobalSearch,
  // year, date, language and the comparison year follow every link
  search: { middlewares: [retainSearchParams(['year', 'asOf', 'lang', 'compare'])] },
  component: Layout,
  notFoundComponent: NotFound,
  errorComponent: RootError,
});

const overviewRoute = createRoute({
  getParentRoute: () => rootRoute,
  path: '/',
  validateSearch: parseOverviewSearch,
  component: OverviewPage,
});

// screens the first view does not need load on demand
const orgRoute = createRoute({
  getParentRoute: () => rootRoute,
  path: '/org/$orgId',
  validateSearch: parseOrgSearch,
  component: lazyRouteComponent(loadOrgPage, 'OrgPage'),
});

const alertsRoute = createRoute({
  getParentRoute: () => rootRoute,
  path: '/alerts',
  validateSearch: parseAlertsSearch,
  component: lazyRouteComponent(() => import('../features/alerts/AlertsPage'), 'AlertsPage'),
});
const orgsRoute = createRoute({
  getParentRoute: () => rootRoute,
  path: '/orgs',
  validateSearch: parseOrgsSearch,
  component: lazyRouteComponent(() => import('../features/orgs/OrgsPage'), 'OrgsPage'),
});
const honoursRoute = createRoute({
  getParentRoute: () => rootRoute,
  path: '/honours',
  component: lazyRouteComponent(() => import('../features/honours/HonoursPage'), 'HonoursPage'),
});
const methodologyRoute = createRoute({
  getParentRoute: () => rootRoute,
  path: '/methodology',
  component: lazyRouteComponent(() => import('../features/methodology/MethodologyPage'), 'MethodologyPage'),
});

const demandsRoute = createRoute({
  getParentRoute: () => rootRoute,
  path: '/demands',
  component: lazyRouteComponent(() => import('../features/demands/DemandsPage'), 'DemandsPage'),
});
const briefRoute = createRoute({
  getParentRoute: () => rootRoute,
  path: '/org/$orgId/brief',
  component: lazyRouteComponent(() => import('../features/brief/BriefPage'), 'BriefPage'),
});

// the what-if sandbox (issue 12): its settings live in `whatif=`
const whatIfRoute = createRoute({
  getParentRoute: () => rootRoute,
  path: '/whatif',
  validateSearch: parseWhatIfSearch,
  component: lazyRouteComponent(() => import('../features/whatif/WhatIfPage'), 'WhatIfPage'),
});

// the command-room wall: Layout leaves out its header and dataset for this path (the screen runs its own, live)
const screenRoute = createRoute({
  getParentRoute: () => rootRoute,
  path: '/screen',
  validateSearch: parseScreenSearch,
  component: lazyRouteComponent(() => import('../features/screen/ScreenPage'), 'ScreenPage'),
});

export const routeTree = rootRoute.addChildren([
  overviewRoute,
  orgRoute,
  alertsRoute,
  orgsRoute,
  honoursRoute,
  methodologyRoute,
  whatIfRoute,
  screenRoute,
  demandsRoute,
  briefRoute,
]);

export function createAppRouter(history?: RouterHistory) {
  return createRouter({
    routeTree,
    history,
    defaultPreload: 'intent',
    scrollRestoration: true,
    // a view that throws is replaced by a translated message inside the layout; the header stays
    defaultErrorComponent: RouteError,
  });
}

export type AppRouter = ReturnType<typeof createAppRouter>;

declare module '@tanstack/react-router' {
  interface Register {
    router: AppRouter;
  }
}
