import { Link, Outlet, useNavigate, useSearch } from '@tanstack/react-router';
import { useDeferredValue, useEffect, useState } from 'react';
import { SessionEndedError } from '../api/errors';
import { DashboardProvider, useDashboardState, type Dashboard } from '../data/dashboard';
import type { GlobalSearch } from '../data/search';
import { useI18n } from '../i18n';
import { ErrorPanel, Skeleton, describeError } from '../ui/StatusPanel';
import { QualityDialog } from './QualityDialog';
import { useUiStore } from './uiStore';

export function Layout() {
  const search = useSearch({ from: '__root__' });
  const state = useDashboardState(search.year, search.asOf);
  const { t, lang } = useI18n();
  // views render from a deferred copy: React time-slices their render instead of blocking on it
  const d = useDeferredValue(state.dashboard);

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

function Header({ dashboard: d, districtName }: { dashboard?: Dashboard; districtName?: string }) {
  const { t, lang } = useI18n();
  const navigate = useNavigate();
  const qualityOpen = useUiStore((s) => s.qualityOpen);
  const setQualityOpen = useUiStore((s) => s.setQualityOpen);
  const [dateDraft, setDateDraft] = useState<string | null>(null);

  // the header writes only the global parameters, whatever route is on screen
  const setSearch = (patch: Partial<GlobalSearch>) => navigate({ to: '.', search: (prev) => ({ ...prev, ...patch }) });

  const issues = d?.issues ?? [];
  const generated = d ? new Date(d.meta.generatedAt) : null;
  return (
    <header className="app-header">
      <div className="brand">
        <h1>
          <span className="district">{districtName ?? ''}</span>
          <span className="product">{t('app.title')}</span>
        </h1>
      </div>
      <nav aria-label={t('app.title')} className="main-nav">
        <Link to="/" activeOptions={{ exact: true, includeSearch: false }}>{t('nav.overview')}</Link>
        <Link to="/orgs" activeOptions={{ includeSearch: false }}>{t('nav.orgs')}</Link>
        <Link to="/alerts" activeOptions={{ includeSearch: false }}>{t('nav.alerts')}</Link>
        <Link to="/methodology" activeOptions={{ includeSearch: false }}>{t('nav.methodology')}</Link>
      </nav>
      <div className="controls">
        {d ? (
          <>
            <label>
              <span>{t('header.year')}</span>
              <select value={d.year} onChange={(e) => setSearch({ year: Number(e.target.value), asOf: undefined })}>
                {d.meta.years.map((y) => <option key={y} value={y}>{y}</option>)}
              </select>
            </label>
            <label>
              <span>{t('header.asOf')}</span>
              <input
                type="date"
                value={dateDraft ?? d.asOf}
                min={`${d.year}-01-01`}
                max={`${d.year}-12-31`}
                onChange={(e) => {
                  const v = e.target.value;
                  setDateDraft(v);
                  if (/^\d{4}-\d{2}-\d{2}$/.test(v) && v.startsWith(String(d.year))) {
                    setDateDraft(null);
                    setSearch({ asOf: v });
                  }
                }}
                onBlur={() => setDateDraft(null)}
              />
            </label>
            {d.transitioning ? <span className="freshness" role="status">{t('state.loading')}</span> : null}
            <span className="freshness" title={d.meta.generatedAt}>
              {t('header.generatedAt', { time: generated && !Number.isNaN(generated.getTime()) ? generated.toLocaleString(lang === 'zh' ? 'zh-CN' : 'en-GB') : d.meta.generatedAt })}
            </span>
            <button type="button" onClick={d.refetch}>{t('header.refresh')}</button>
            <button
              type="button"
              className={issues.length ? 'quality-badge has-issues' : 'quality-badge'}
              onClick={() => setQualityOpen(true)}
              aria-haspopup="dialog"
              aria-label={issues.length ? `${t('header.quality')}: ${t('header.qualityCount', { n: issues.length })}` : t('header.qualityNone')}
            >
              {t('header.quality')} <span className="count">{issues.length}</span>
            </button>
          </>
        ) : (
          // the same controls, inert, while the data loads: the header keeps its height, nothing below jumps
          <>
            <label><span>{t('header.year')}</span><select disabled aria-busy="true"><option>2025</option></select></label>
            <label><span>{t('header.asOf')}</span><input type="date" disabled value="" /></label>
            <span className="freshness" aria-hidden="true">{t('header.generatedAt', { time: '…' })}</span>
            <button type="button" disabled>{t('header.refresh')}</button>
            <button type="button" className="quality-badge" disabled>{t('header.quality')} <span className="count">0</span></button>
          </>
        )}
        <button type="button" className="lang" onClick={() => setSearch({ lang: lang === 'zh' ? 'en' : undefined })} aria-label={t('header.langLabel')} lang={lang === 'zh' ? 'en' : 'zh-CN'}>
          {t('header.lang')}
        </button>
      </div>
      {qualityOpen && d ? <QualityDialog issues={issues} onClose={() => setQualityOpen(false)} /> : null}
    </header>
  );
}
