import { createRootRoute, createRoute, createRouter, lazyRouteComponent, retainSearchParams, type RouterHistory } from '@tanstack/react-router';
import { Layout } from './Layout';
import { NotFound } from './NotFound';
import { RootError, RouteError } from './RouteError';
import { OverviewPage } from '../features/overview/OverviewPage';
import { parseAlertsSearch, parseGlobalSearch, parseOrgSearch, parseOrgsSearch, parseOverviewSearch } from '../data/search';

export const rootRoute = createRootRoute({
  validateSearch: parseGlobalSearch,
  // year, date and language follow every link
  search: { middlewares: [retainSearchParams(['year', 'asOf', 'lang'])] },
  component: Layout,
  notFoundComponent: NotFound,
  errorComponent: RootError,
});

const overviewRoute = createRoute({ getParentRoute: () => rootRoute, path: '/', validateSearch: parseOverviewSearch, component: OverviewPage });

// screens the first view does not need load on demand
const orgRoute = createRoute({
  getParentRoute: () => rootRoute,
  path: '/org/$orgId',
  validateSearch: parseOrgSearch,
  component: lazyRouteComponent(() => import('../features/org/OrgPage'), 'OrgPage'),
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

export const routeTree = rootRoute.addChildren([overviewRoute, orgRoute, alertsRoute, orgsRoute, methodologyRoute, demandsRoute, briefRoute]);

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

declare module '@tanstack/react-router' {
  interface Register {
    router: ReturnType<typeof createAppRouter>;
  }
}
