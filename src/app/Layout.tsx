import { Link, Outlet, useLocation, useRouterState, useSearch } from '@tanstack/react-router';
import { useDeferredValue, useEffect } from 'react';
import { SessionEndedError } from '../api/errors';
import {
  comparisonYear,
  DashboardProvider,
  effectiveAsOf,
  lastAsOf,
  SummaryProvider,
  useDashboardState,
  type Dashboard,
  type DashboardState,
} from '../data/dashboard';
import { warmTrend } from '../data/chartInputs';
import type { GlobalSearch } from '../data/search';
import { useI18n } from '../i18n';
import { fmtDateTime } from '../lib/format';
import { ErrorBoundary, ViewError } from '../ui/ErrorBoundary';
import { ErrorPanel, Skeleton, describeError } from '../ui/StatusPanel';
import './robust.css';
import { Header, type HeaderView } from './Header';
import { prefetchDrillViews } from './prefetch';
import { OverviewGridSkeleton } from '../features/overview/OverviewSkeleton';
import { LoadProgress } from '../ui/LoadProgress';

/** The command-room screen (/screen) brings its own chrome and live dataset: none of the app's around it. */
export function Layout() {
  const onScreen = useRouterState({ select: (s) => s.location.pathname === '/screen' });
  return onScreen ? <Outlet /> : <AppLayout />;
}

function AppLayout() {
  const search = useSearch({ from: '__root__' });
  const state = useDashboardState(search.year, search.asOf, search.compare);
  const { t, lang } = useI18n();
  // views render from a deferred copy: React time-slices their render instead of blocking on it
  const d = useDeferredValue(state.dashboard);
  const pathname = useLocation({ select: (l) => l.pathname });

  useEffect(() => {
    document.documentElement.lang = lang === 'zh' ? 'zh-CN' : 'en';
  }, [lang]);
  const model = d?.model;
  useEffect(() => (model ? prefetchDrillViews(model) : undefined), [model]);
  // the year's trend, while idle: the overview from the summary needs none, the first drill does
  const ds = d?.ds;
  const result = d?.result;
  const asOf = d?.asOf;
  useEffect(() => (ds && result && asOf ? warmTrend({ ds, result, asOf }) : undefined), [ds, result, asOf]);

  const sessionEnded = state.error instanceof SessionEndedError;
  // the server's summary is here before the year: the overview paints from it (the other views wait for the year)
  // not deferred: a time-sliced first paint is interrupted by every update while the year downloads, and on a
  // throttled phone the KPIs then wait for the year (measured: 2.8–3.9 s instead of 2.7 s)
  const { summary } = state;
  const paintsFromSummary = summary !== undefined && pathname === '/' && !state.error;
  const shownYear = d?.year ?? summary?.year;
  const shownAsOf = d?.asOf ?? summary?.asOf;
  return (
    <div className="app">
      <a className="skip-link" href="#main">
        {t('app.skip')}
      </a>
      <Header
        view={sessionEnded || state.failedYear !== undefined ? undefined : headerView(state, d, search)}
        districtName={state.meta?.district.name}
        requestedYear={state.year}
        failedYear={sessionEnded ? undefined : state.failedYear}
        years={state.meta?.years}
      />
      <main id="main" tabIndex={-1}>
        {sessionEnded ? (
          <ErrorPanel error={state.error} onRetry={state.retry} />
        ) : d || paintsFromSummary ? (
          // one tree whether the overview paints from the server's summary or from the year: the year's arrival
          // changes props, not components, so nothing remounts and the charts are not built twice
          <>
            {d?.stale ? <StaleBanner dashboard={d} error={state.error} retrying={state.isFetching} onRetry={state.retry} /> : null}
            <DashboardProvider value={d}>
              <SummaryProvider value={summary}>
                {/* what the router's per-route boundaries do not cover (the provider, a banner) fails here, below the header */}
                <ErrorBoundary
                  resetKey={`${pathname}|${shownYear}|${shownAsOf}`}
                  fallback={(error, reset) => <ViewError error={error} onRetry={reset} />}
                >
                  <Outlet />
                </ErrorBoundary>
              </SummaryProvider>
            </DashboardProvider>
          </>
        ) : state.failedYear !== undefined && state.meta ? (
          <YearFailed
            year={state.failedYear}
            years={state.meta.years}
            error={state.error}
            retrying={state.isFetching}
            onRetry={state.retry}
          />
        ) : state.error ? (
          <ErrorPanel error={state.error} onRetry={state.retry} />
        ) : state.meta ? (
          <LoadingScreen overview={pathname === '/'} />
        ) : (
          // before meta the header has not its final size yet: nothing stands below it to be pushed when it settles
          <p className="loading-note" role="status" aria-busy="true">
            {t('app.loading')}
          </p>
        )}
      </main>
    </div>
  );
}

/** The header's content: the year on screen's, or while it loads what meta, the URL and the summary already say. */
function headerView(state: DashboardState, d: Dashboard | undefined, search: GlobalSearch): HeaderView | undefined {
  if (d) {
    return {
      meta: d.meta,
      year: d.year,
      asOf: d.asOf,
      lastAsOf: d.lastAsOf,
      asOfCapped: d.asOfCapped,
      compareYear: d.compareYear,
      comparison: d.comparison ? 'ready' : d.comparisonFailed ? 'failed' : 'loading',
      transitioning: d.transitioning,
      refetch: d.refetch,
      issues: d.issues,
      scopeName: d.meta.scope ? d.model.org(d.model.rootId).name : undefined,
      demands: d.hasDemands,
    };
  }
  const { meta, year, summary } = state;
  if (!meta || year === undefined) return undefined;
  const asOf = effectiveAsOf(meta, year, search.asOf);
  const last = lastAsOf(meta, year);
  return {
    meta,
    year,
    asOf,
    lastAsOf: last,
    asOfCapped: search.asOf !== undefined && search.asOf > asOf && asOf === last,
    compareYear: comparisonYear(meta, year, search.compare),
    comparison: 'loading',
    transitioning: false,
    scopeName: meta.scope && summary ? summary.root.name : undefined,
    demands: summary?.demands != null,
  };
}

const SIX = [0, 1, 2, 3, 4, 5];

/**
 * Skeletons under the status line and the load progress: the KPI row, then a grid — on the overview its own grid,
 * so the page fills in where the skeletons stand instead of jumping; elsewhere a generic grid of cards.
 */
function LoadingScreen({ overview }: { overview: boolean }) {
  const { t } = useI18n();
  return (
    <div className={overview ? 'overview loading-screen' : 'loading-screen'} aria-busy="true">
      <p className="visually-hidden" role="status">
        {t('app.loading')}
      </p>
      <LoadProgress />
      <div className="kpi-row">
        {SIX.map((k) => (
          <div key={k} className="kpi kpi-skeleton" />
        ))}
      </div>
      {overview ? (
        <div className="overview-grid">
          <OverviewGridSkeleton />
        </div>
      ) : (
        <div className="skeleton-grid">
          {SIX.map((k) => (
            <Skeleton key={k} height={300} />
          ))}
        </div>
      )}
    </div>
  );
}

function StaleBanner({
  dashboard,
  error,
  retrying,
  onRetry,
}: {
  dashboard: Dashboard;
  error: unknown;
  retrying: boolean;
  onRetry: () => void;
}) {
  const { t, lang } = useI18n();
  const time = fmtDateTime(new Date(dashboard.updatedAt), lang);
  return (
    <div className="stale-banner" role="status">
      <span>{t('error.stale', { time })}</span>
      {error ? <span className="error-text"> {describeError(t, error)}</span> : null}
      <button type="button" onClick={onRetry} disabled={retrying}>
        {retrying ? t('error.staleRetrying') : t('error.retry')}
      </button>
    </div>
  );
}

/**
 * The year asked for did not load: say which, show no other year's numbers in
 * its place, and offer the other years (the header's year picker stays usable too).
 */
function YearFailed({
  year,
  years,
  error,
  retrying,
  onRetry,
}: {
  year: number;
  years: number[];
  error: unknown;
  retrying: boolean;
  onRetry: () => void;
}) {
  const { t } = useI18n();
  const others = years.filter((y) => y !== year);
  return (
    <div className="status-panel year-failed" role="alert">
      <h2>{t('robust.yearFailed', { year })}</h2>
      <p className="error-text">{describeError(t, error)}</p>
      <p>{t('robust.yearFailedBody', { year })}</p>
      <div className="status-actions">
        <button type="button" className="primary" onClick={onRetry} disabled={retrying}>
          {retrying ? t('error.staleRetrying') : t('error.retry')}
        </button>
        {others.map((y) => (
          // the date belongs to the failed year: the other year opens at its own default date
          <Link key={y} to="." search={(prev) => ({ ...prev, year: y, asOf: undefined })} className="button-link">
            {t('robust.yearOption', { year: y })}
          </Link>
        ))}
      </div>
    </div>
  );
}
