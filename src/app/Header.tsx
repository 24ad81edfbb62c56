import { Link, useNavigate } from '@tanstack/react-router';
import { useState } from 'react';
import type { Dashboard } from '../data/dashboard';
import type { GlobalSearch } from '../data/search';
import { useI18n } from '../i18n';
import { QualityDialog } from './QualityDialog';
import { useUiStore } from './uiStore';

/** The district's name, navigation, year, date, data time, refresh, data quality and language. */
export function Header({ dashboard: d, districtName }: { dashboard?: Dashboard; districtName?: string }) {
  const { t, lang } = useI18n();
  const navigate = useNavigate();
  const qualityOpen = useUiStore((s) => s.qualityOpen);
  const setQualityOpen = useUiStore((s) => s.setQualityOpen);
  const [dateDraft, setDateDraft] = useState<string | null>(null);
  // phones: the controls fold behind a disclosure so the header stays one compact bar (styles.css hides the toggle elsewhere)
  const [menuOpen, setMenuOpen] = useState(false);

  // the header writes only the global parameters, whatever route is on screen
  const setSearch = (patch: Partial<GlobalSearch>) => navigate({ to: '.', search: (prev) => ({ ...prev, ...patch }) });

  const issues = d?.issues ?? [];
  const generated = d ? new Date(d.meta.generatedAt) : null;
  return (
    <header className={menuOpen ? 'app-header menu-open' : 'app-header'}>
      <div className="brand">
        <h1>
          <span className="district">{districtName ?? ''}</span>
          <span className="product">{t('app.title')}</span>
        </h1>
        <button type="button" className="menu-toggle" aria-expanded={menuOpen} aria-controls="header-controls" onClick={() => setMenuOpen((v) => !v)}>
          {menuOpen ? t('phone.menuClose') : t('phone.menu')}
        </button>
      </div>
      <nav aria-label={t('app.title')} className="main-nav">
        <Link to="/" activeOptions={{ exact: true, includeSearch: false }}>{t('nav.overview')}</Link>
        <Link to="/orgs" activeOptions={{ includeSearch: false }}>{t('nav.orgs')}</Link>
        <Link to="/alerts" activeOptions={{ includeSearch: false }}>{t('nav.alerts')}</Link>
        <Link to="/methodology" activeOptions={{ includeSearch: false }}>{t('nav.methodology')}</Link>
      </nav>
      <div className="controls" id="header-controls">
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
