import { Outlet, useLocation, useSearch } from '@tanstack/react-router';
import { useDeferredValue, useEffect } from 'react';
import { SessionEndedError } from '../api/errors';
import { DashboardProvider, useDashboardState, type Dashboard } from '../data/dashboard';
import { useI18n } from '../i18n';
import { ErrorPanel, Skeleton, describeError } from '../ui/StatusPanel';
import { Header } from './Header';
import { LoadProgress } from '../ui/LoadProgress';
import { FirstScreen } from '../features/overview/FirstScreen';

export function Layout() {
  const search = useSearch({ from: '__root__' });
  const state = useDashboardState(search.year, search.asOf);
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
      <a className="skip-link" href="#main">{t('app.skip')}</a>
      <Header dashboard={sessionEnded ? undefined : d} districtName={state.meta?.district.name} />
      <main id="main" tabIndex={-1}>
        {sessionEnded ? (
          <ErrorPanel error={state.error} onRetry={state.retry} />
        ) : d ? (
          <>
            {d.stale ? <StaleBanner dashboard={d} error={state.error} retrying={state.isFetching} onRetry={state.retry} /> : null}
            <DashboardProvider value={d}>
              <Outlet />
            </DashboardProvider>
          </>
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
      <p className="visually-hidden" role="status">{t('app.loading')}</p>
      <LoadProgress />
      <div className="kpi-row">{[0, 1, 2, 3, 4, 5].map((k) => <Skeleton key={k} height={96} />)}</div>
      <div className="skeleton-grid">{[0, 1, 2, 3, 4, 5].map((k) => <Skeleton key={k} height={300} />)}</div>
    </div>
  );
}

function StaleBanner({ dashboard, error, retrying, onRetry }: { dashboard: Dashboard; error: unknown; retrying: boolean; onRetry: () => void }) {
  const { t, lang } = useI18n();
  const time = new Date(dashboard.updatedAt).toLocaleString(lang === 'zh' ? 'zh-CN' : 'en-GB');
  return (
    <div className="stale-banner" role="status">
      <span>{t('error.stale', { time })}</span>
      {error ? <span className="error-text"> {describeError(t, error)}</span> : null}
      <button type="button" onClick={onRetry} disabled={retrying}>{retrying ? t('error.staleRetrying') : t('error.retry')}</button>
    </div>
  );
}

