import { Link, Outlet, useLocation, useRouterState, useSearch } from '@tanstack/react-router';
import { useDeferredValue, useEffect } from 'react';
import { SessionEndedError } from '../api/errors';
import { DashboardProvider, useDashboardState, type Dashboard } from '../data/dashboard';
import { useI18n } from '../i18n';
import { ErrorBoundary, ViewError } from '../ui/ErrorBoundary';
import { ErrorPanel, Skeleton, describeError } from '../ui/StatusPanel';
import './robust.css';
import { Header } from './Header';
import { LoadProgress } from '../ui/LoadProgress';
import { FirstScreen } from '../features/overview/FirstScreen';

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

  const sessionEnded = state.error instanceof SessionEndedError;
  return (
    <div className="app">
      <a className="skip-link" href="#main">
        {t('app.skip')}
      </a>
      <Header
        dashboard={sessionEnded ? undefined : d}
        districtName={state.meta?.district.name}
        requestedYear={state.year}
        failedYear={sessionEnded ? undefined : state.failedYear}
        years={state.meta?.years}
      />
      <main id="main" tabIndex={-1}>
        {sessionEnded ? (
          <ErrorPanel error={state.error} onRetry={state.retry} />
        ) : d ? (
          <>
            {d.stale ? <StaleBanner dashboard={d} error={state.error} retrying={state.isFetching} onRetry={state.retry} /> : null}
            <DashboardProvider value={d}>
              {/* what the router's per-route boundaries do not cover (the provider, a banner) fails here, below the header */}
              <ErrorBoundary
                resetKey={`${pathname}|${d.year}|${d.asOf}`}
                fallback={(error, reset) => <ViewError error={error} onRetry={reset} />}
              >
                <Outlet />
              </ErrorBoundary>
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
        ) : state.summary && pathname === '/' ? (
          // the server's summary is here before the year: paint the overview's first screen from it
          <FirstScreen summary={state.summary} />
        ) : (
          <LoadingScreen />
        )}
      </main>
    </div>
  );
}

function LoadingScreen() {
  const { t } = useI18n();
  return (
    <div className="loading-screen" aria-busy="true">
      <p className="visually-hidden" role="status">
        {t('app.loading')}
      </p>
      <LoadProgress />
      <div className="kpi-row">
        {[0, 1, 2, 3, 4, 5].map((k) => (
          <Skeleton key={k} height={96} />
        ))}
      </div>
      <div className="skeleton-grid">
        {[0, 1, 2, 3, 4, 5].map((k) => (
          <Skeleton key={k} height={300} />
        ))}
      </div>
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
  const time = new Date(dashboard.updatedAt).toLocaleString(lang === 'zh' ? 'zh-CN' : 'en-GB');
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
