import { useNavigate, useSearch } from '@tanstack/react-router';
import { useMemo } from 'react';
import type { AlertsSearch } from '../../data/search';
import { fmtScore } from '../../lib/format';
import { useDashboard } from '../../data/dashboard';
import { alertCsvTable, alertRows, countByLevel, type AlertRow } from '../../data/selectors';
import { ESCALATION } from '../../engine';
import { useI18n } from '../../i18n';
import { downloadText, toCsv } from '../../lib/csv';
import { LevelBadge, StageBadge } from '../../ui/badges';
import { DataTable, sortRows, type Column } from '../../ui/DataTable';
import { OrgLink } from '../../ui/OrgLink';
import { TermHelp } from '../../ui/TermHelp';
import { useDocumentTitle } from '../../ui/useDocumentTitle';

export function AlertsPage() {
  const d = useDashboard();
  const i18n = useI18n();
  const { t, local, num } = i18n;
  const search = useSearch({ from: '/alerts' });
  const navigate = useNavigate({ from: '/alerts' });
  useDocumentTitle(t('alerts.title'), d.meta.district.name);
  const setSearch = (patch: Partial<AlertsSearch>) => navigate({ search: (prev) => ({ ...prev, ...patch }), replace: true });
  const { model } = d;

  const all = useMemo(() => alertRows(d), [d]);
  // counts per level follow every filter but the level itself
  const query = search.q?.trim().toLowerCase();
  const scoped = useMemo(
    () =>
      all.filter(
        (r) =>
          (!search.town || r.townId === search.town) &&
          (!search.category || r.categoryId === search.category) &&
          (!search.indicator || r.indicator.id === search.indicator) &&
          // a name search: the organisation (name or id) or the indicator, in either language
          (!query ||
            r.orgName.toLowerCase().includes(query) ||
            r.orgId.toLowerCase().includes(query) ||
            r.indicator.name.zh.toLowerCase().includes(query) ||
            r.indicator.name.en.toLowerCase().includes(query)),
      ),
    [all, search.town, search.category, search.indicator, query],
  );
  const rows = useMemo(() => (search.level ? scoped.filter((r) => r.alert === search.level) : scoped), [scoped, search.level]);
  const counts = countByLevel(scoped);
  const towns = model.groups();
  const indicators = model.indicators.filter((i) => !search.category || i.categoryId === search.category);

  const columns: Column<AlertRow>[] = [
    // who first, then how late: a phone pins the first column while the rest scroll sideways (styles.css)
    { key: 'org', header: t('col.org'), cell: (r) => <OrgLink id={r.orgId}>{r.orgName}</OrgLink>, sortValue: (r) => r.orgName },
    { key: 'level', header: t('col.level'), cell: (r) => <LevelBadge level={r.alert} />, sortValue: (r) => r.levelRank },
    { key: 'town', header: t('col.town'), cell: (r) => r.townName ?? '—', sortValue: (r) => r.townName },
    { key: 'indicator', header: t('col.indicator'), cell: (r) => local(r.indicator.name), sortValue: (r) => r.indicator.id },
    { key: 'target', header: t('col.target'), cell: (r) => num(r.assignment.target), align: 'right' },
    { key: 'actual', header: t('col.actual'), cell: (r) => num(r.actual), sortValue: (r) => r.actual, align: 'right' },
    { key: 'score', header: t('col.score'), cell: (r) => fmtScore(r.score), sortValue: (r) => r.score, align: 'right' },
    { key: 'due', header: t('col.due'), cell: (r) => r.assignment.due, sortValue: (r) => r.assignment.due },
    {
      key: 'overdue',
      header: t('col.overdue'),
      cell: (r) => (r.overdueDays > 0 ? r.overdueDays : '—'),
      sortValue: (r) => r.overdueDays,
      align: 'right',
    },
    {
      key: 'gap',
      header: t('col.gap'),
      cell: (r) => (r.paceGap !== undefined ? r.paceGap.toFixed(1) : '—'),
      sortValue: (r) => r.paceGap,
      align: 'right',
      help: <TermHelp term={t('col.gap')} text={t('term.pace')} align="end" />,
    },
    { key: 'stage', header: t('col.stage'), cell: (r) => <StageBadge stage={r.stage} />, sortValue: (r) => r.stage },
  ];
  const sort = search.sort ? { key: search.sort, dir: search.dir ?? 'desc' } : {};

  const exportCsv = () => {
    const table = alertCsvTable(sortRows(rows, columns, sort), i18n);
    downloadText(`alerts-${d.year}-${d.asOf}.csv`, toCsv(table.header, table.rows));
  };

  return (
    <div className="list-page">
      <h2>{t('alerts.title')}</h2>
      <p className="muted gap-note">
        {t('col.gap')}: {t('gap.unit')}
      </p>
      <div className="level-counts" role="group" aria-label={t('alerts.counts')}>
        {ESCALATION.map((l) => (
          <button
            key={l}
            type="button"
            className={`level-count level-${l}`}
            aria-pressed={search.level === l}
            onClick={() => setSearch({ level: search.level === l ? undefined : l })}
          >
            <span>{t(`level.${l}`)}</span>
            <strong>{counts[l]}</strong>
          </button>
        ))}
      </div>
      <div className="filters">
        <label>
          <span>{t('alerts.searchLabel')}</span>
          <input type="search" value={search.q ?? ''} onChange={(e) => setSearch({ q: e.target.value || undefined })} />
        </label>
        <label>
          <span>{t('filter.level')}</span>
          <select value={search.level ?? ''} onChange={(e) => setSearch({ level: ESCALATION.find((l) => l === e.target.value) })}>
            <option value="">{t('filter.all')}</option>
            {ESCALATION.map((l) => (
              <option key={l} value={l}>
                {t(`level.${l}`)}
              </option>
            ))}
          </select>
        </label>
        <label>
          <span>{t('filter.town')}</span>
          <select value={search.town ?? ''} onChange={(e) => setSearch({ town: e.target.value || undefined })}>
            <option value="">{t('filter.all')}</option>
            {towns.map((id) => (
              <option key={id} value={id}>
                {model.org(id).name}
              </option>
            ))}
          </select>
        </label>
        <label>
          <span>{t('filter.category')}</span>
          <select
            value={search.category ?? ''}
            onChange={(e) => setSearch({ category: e.target.value || undefined, indicator: undefined })}
          >
            <option value="">{t('filter.all')}</option>
            {model.categories.map((c) => (
              <option key={c.id} value={c.id}>
                {local(c.name)}
              </option>
            ))}
          </select>
        </label>
        <label>
          <span>{t('filter.indicator')}</span>
          <select value={search.indicator ?? ''} onChange={(e) => setSearch({ indicator: e.target.value || undefined })}>
            <option value="">{t('filter.all')}</option>
            {indicators.map((i) => (
              <option key={i.id} value={i.id}>
                {local(i.name)}
              </option>
            ))}
          </select>
        </label>
        <button
          type="button"
          onClick={() =>
            setSearch({
              level: undefined,
              town: undefined,
              category: undefined,
              indicator: undefined,
              q: undefined,
              sort: undefined,
              dir: undefined,
            })
          }
        >
          {t('filter.reset')}
        </button>
        <button type="button" className="primary" onClick={exportCsv}>
          {t('export.csv')}
        </button>
      </div>
      <DataTable
        caption={t('alerts.title')}
        captionHidden
        columns={columns}
        rows={rows}
        rowKey={(r) => String(r.position)}
        sort={sort}
        onSort={(s) => setSearch({ sort: s.key, dir: s.dir })}
        pageSize={100}
      />
    </div>
  );
}
