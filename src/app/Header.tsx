import { Link, useNavigate } from '@tanstack/react-router';
import { useState } from 'react';
import type { Meta } from '../api/schemas';
import type { DataQualityIssue } from '../api/validate';
import { previousYear, useConfig } from '../data/dashboard';
import type { GlobalSearch } from '../data/search';
import { useI18n } from '../i18n';
import { fmtDateTime, fmtInstant } from '../lib/format';
import { DateField } from '../ui/DateField';
import { QualityDialog } from './QualityDialog';
import { useUiStore } from './uiStore';

/**
 * What the header shows: from the year on screen, or — while it loads — from meta and the URL, so the controls are
 * there from the first paint and the header keeps its size when the year arrives (nothing below it moves).
 */
export interface HeaderView {
  meta: Meta;
  year: number;
  asOf: string;
  lastAsOf: string;
  asOfCapped: boolean;
  compareYear?: number;
  /** The comparison year's data: there, loading, or failed. */
  comparison: 'ready' | 'loading' | 'failed';
  transitioning: boolean;
  /** Undefined while the year loads (the refresh and quality controls wait for it). */
  refetch?: () => void;
  issues?: DataQualityIssue[];
  /** The session's organisation's name, in a scoped session. */
  scopeName?: string;
  /** The backend serves demands (the navigation lists them). */
  demands: boolean;
}

interface HeaderProps {
  view?: HeaderView;
  districtName?: string;
  /** The year the URL asks for (it may not be the one on screen while it loads). */
  requestedYear?: number;
  /** The year asked for failed to load: the year picker stays usable to choose another. */
  failedYear?: number;
  years?: number[];
}

/** The district's name, navigation, year, date, data time, refresh, data quality and language. */
export function Header({ view: d, districtName, requestedYear, failedYear, years }: HeaderProps) {
  const { t, lang } = useI18n();
  const { mocks } = useConfig();
  const navigate = useNavigate();
  const qualityOpen = useUiStore((s) => s.qualityOpen);
  const setQualityOpen = useUiStore((s) => s.setQualityOpen);
  // phones: the controls fold behind a disclosure so the header stays one compact bar (styles.css hides the toggle elsewhere)
  const [menuOpen, setMenuOpen] = useState(false);

  // the header writes only the global parameters, whatever route is on screen
  const setSearch = (patch: Partial<GlobalSearch>) => navigate({ to: '.', search: (prev) => ({ ...prev, ...patch }) });

  const issues = d?.issues ?? [];
  const generated = d ? fmtInstant(d.meta.generatedAt, lang) : '';
  return (
    <header className={menuOpen ? 'app-header menu-open' : 'app-header'}>
      <div className="brand">
        <h1>
          <span className="district">
            {d?.meta.scope ? (
              <span className="scope-tag" title={t('scope.note')}>
                {t('scope.ours')} · {d.scopeName ?? '…'}
              </span>
            ) : (
              (districtName ?? '\u00a0')
            )}
          </span>
          <span className="product">{t('app.title')}</span>
        </h1>
        {/* the built-in district is generated: say so, quietly, wherever the page is shown or captured */}
        {mocks ? (
          <span className="demo-badge" title={t('robust.demoTitle')}>
            {t('robust.demo')}
            <span className="visually-hidden">: {t('robust.demoTitle')}</span>
          </span>
        ) : null}
        <button
          type="button"
          className="menu-toggle"
          aria-expanded={menuOpen}
          aria-controls="header-controls"
          onClick={() => setMenuOpen((v) => !v)}
        >
          {menuOpen ? t('phone.menuClose') : t('phone.menu')}
        </button>
      </div>
      {/* paper has no date control: a printed page says which year and date its numbers are (the briefing has its own footer) */}
      {d ? (
        <p className="print-dated">
          {t('print.dated', {
            year: d.year,
            asOf: d.asOf,
            generated,
          })}
        </p>
      ) : null}
      <nav aria-label={t('app.title')} className="main-nav">
        <Link to="/" activeOptions={{ exact: true, includeSearch: false }}>
          {t('nav.overview')}
        </Link>
        <Link to="/orgs" activeOptions={{ includeSearch: false }}>
          {t('nav.orgs')}
        </Link>
        <Link to="/alerts" activeOptions={{ includeSearch: false }}>
          {t('nav.alerts')}
        </Link>
        {d?.demands ? (
          <Link to="/demands" activeOptions={{ includeSearch: false }}>
            {t('nav.demands')}
          </Link>
        ) : null}
        <Link to="/methodology" activeOptions={{ includeSearch: false }}>
          {t('nav.methodology')}
        </Link>
        <Link to="/whatif" activeOptions={{ includeSearch: false }}>
          {t('whatif.nav')}
        </Link>
      </nav>
      <div className="controls" id="header-controls">
        {d ? (
          <>
            <label>
              <span>{t('header.year')}</span>
              <select
                value={d.year}
                onChange={(e) => {
                  const year = Number(e.target.value);
                  // a comparison on stays on: with the new year's previous year, or off when there is none
                  setSearch({ year, asOf: undefined, compare: d.compareYear !== undefined ? previousYear(d.meta, year) : undefined });
                }}
              >
                {d.meta.years.map((y) => (
                  <option key={y} value={y}>
                    {y}
                  </option>
                ))}
              </select>
            </label>
            <DateField
              key={`${d.year}-${d.asOf}`}
              label={t('header.asOf')}
              value={d.asOf}
              min={`${d.year}-01-01`}
              max={d.lastAsOf}
              onCommit={(asOf) => setSearch({ asOf })}
              note={d.asOfCapped ? t('date.capped', { date: d.lastAsOf }) : undefined}
              noteTitle={d.asOfCapped ? t('date.cappedTitle', { date: d.lastAsOf }) : undefined}
            />
            <CompareToggle v={d} onChange={(compare) => setSearch({ compare })} />
            {/* what is on screen is still the previous year: name the one that is loading */}
            {d.transitioning ? (
              <span className="freshness" role="status">
                {requestedYear !== undefined && requestedYear !== d.year
                  ? t('robust.yearLoading', { year: requestedYear })
                  : t('state.loading')}
              </span>
            ) : null}
            <span className="freshness" title={d.meta.generatedAt}>
              {t('header.generatedAt', {
                time: generated,
              })}
            </span>
            <button type="button" onClick={d.refetch} disabled={!d.refetch}>
              {t('header.refresh')}
            </button>
            <button
              type="button"
              className={issues.length ? 'quality-badge has-issues' : 'quality-badge'}
              disabled={!d.issues}
              onClick={() => setQualityOpen(true)}
              aria-haspopup="dialog"
              aria-label={
                issues.length ? `${t('header.quality')}: ${t('header.qualityCount', { n: issues.length })}` : t('header.qualityNone')
              }
            >
              {t('header.quality')} <span className="count">{issues.length}</span>
            </button>
          </>
        ) : failedYear !== undefined && years ? (
          // the year failed to load: its picker stays live so another year is one choice away
          <>
            <label>
              <span>{t('header.year')}</span>
              <select value={failedYear} onChange={(e) => setSearch({ year: Number(e.target.value), asOf: undefined })} aria-invalid="true">
                {years.map((y) => (
                  <option key={y} value={y}>
                    {y}
                  </option>
                ))}
              </select>
            </label>
            <label>
              <span>{t('header.asOf')}</span>
              <input type="date" disabled value="" />
            </label>
            <button type="button" disabled>
              {t('header.refresh')}
            </button>
            <button type="button" className="quality-badge" disabled>
              {t('header.quality')} <span className="count">0</span>
            </button>
          </>
        ) : (
          // the same controls, inert, while meta loads, each as wide as the one that replaces it: the header keeps its
          // size when they come alive (a figure of the same shape stands in for each value), nothing below it moves
          <>
            <label>
              <span>{t('header.year')}</span>
              <select disabled aria-busy="true">
                <option>0000</option>
              </select>
            </label>
            <label>
              <span>{t('header.asOf')}</span>
              <input type="text" disabled value="" placeholder={t('date.placeholder')} size={10} />
            </label>
            <button type="button" className="compare-toggle" disabled>
              {t('yoy.toggle', { year: '0000' })}
            </button>
            <span className="freshness placeholder" aria-hidden="true">
              {t('header.generatedAt', { time: fmtDateTime(new Date(2000, 9, 30, 20), lang) })}
            </span>
            <button type="button" disabled>
              {t('header.refresh')}
            </button>
            <button type="button" className="quality-badge" disabled>
              {t('header.quality')} <span className="count">0</span>
            </button>
          </>
        )}
        <button
          type="button"
          className="lang"
          onClick={() => setSearch({ lang: lang === 'zh' ? 'en' : undefined })}
          aria-label={t('header.langLabel')}
          lang={lang === 'zh' ? 'en' : 'zh-CN'}
        >
          {t('header.lang')}
        </button>
      </div>
      {qualityOpen && d ? <QualityDialog issues={issues} onClose={() => setQualityOpen(false)} /> : null}
    </header>
  );
}

/** Year over year (methodology §13) one click away wherever the previous year exists. */
function CompareToggle({ v, onChange }: { v: HeaderView; onChange: (compare: number | undefined) => void }) {
  const { t } = useI18n();
  const prev = previousYear(v.meta, v.year);
  const on = v.compareYear !== undefined;
  if (prev === undefined && !on) return null;
  const year = v.compareYear ?? prev!;
  return (
    <>
      <button
        type="button"
        className="compare-toggle"
        aria-pressed={on}
        title={t('yoy.toggleTitle', { year })}
        onClick={() => onChange(on ? undefined : prev)}
      >
        {t('yoy.toggle', { year })}
      </button>
      {on && v.comparison !== 'ready' ? (
        <span className="freshness" role="status">
          {v.comparison === 'failed' ? t('yoy.failed', { year }) : t('yoy.loading', { year })}
        </span>
      ) : null}
    </>
  );
}
