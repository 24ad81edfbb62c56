import { useNavigate, useSearch } from '@tanstack/react-router';
import { useMemo } from 'react';
import { useDashboard } from '../../data/dashboard';
import { orgCsvTable } from '../../data/selectors';
import { ALERT_LEVELS, type OrgScores } from '../../engine';
import { useI18n } from '../../i18n';
import { downloadText, toCsv } from '../../lib/csv';
import { DataTable, sortRows, type Column } from '../../ui/DataTable';
import { orgScoreColumns } from '../../ui/orgColumns';
import { TermHelp } from '../../ui/TermHelp';
import { yoyColumns } from '../../ui/yoyColumns';
import { useDocumentTitle } from '../../ui/useDocumentTitle';
import { rankRangeColumn } from '../../ui/rankRange';
import { useRankIntervals } from '../../data/robustness';
import type { OrgsSearch } from '../../data/search';

const oneOfLevels = (v: string) => ALERT_LEVELS.find((l) => l === v);

export const UNGRADED = 'none';

export function OrgsPage() {
  const d = useDashboard();
  const i18n = useI18n();
  const { t, local } = i18n;
  const search = useSearch({ from: '/orgs' });
  const navigate = useNavigate({ from: '/orgs' });
  useDocumentTitle(t('orgs.title'), d.meta.district.name);
  const setSearch = (patch: Partial<OrgsSearch>) => navigate({ search: (prev) => ({ ...prev, page: undefined, ...patch }), replace: true });
  const { model } = d;
  const scores = useMemo(() => model.allScores(), [model]);
  const parents = useMemo(() => scores.filter((s) => model.hasChildren(s.org.id)).map((s) => s.org), [scores, model]);
  const query = search.q?.trim().toLowerCase();
  const rows = useMemo(
    () =>
      scores.filter(
        (s) =>
          (!search.tier || s.org.tier === search.tier) &&
          (!search.parent || s.org.parentId === search.parent) &&
          (!search.grade || (search.grade === UNGRADED ? s.grade === undefined : s.grade === search.grade)) &&
          (!search.alert || s.ownAlert === search.alert) &&
          (!query || s.org.name.toLowerCase().includes(query) || s.org.id.toLowerCase().includes(query)),
      ),
    [scores, search.tier, search.parent, search.grade, search.alert, query],
  );
  const tierName = (id: string) => {
    const tier = model.tierName(id);
    return tier ? local(tier.name) : id;
  };
  const c = orgScoreColumns(d, i18n);
  const rankIntervals = useRankIntervals(d);
  const columns: Column<OrgScores>[] = [
    // name, index, grade and alert first: on a phone they stay on screen while the rest scrolls
    c.name,
    c.index,
    c.grade,
    c.alert,
    {
      key: 'tier',
      header: t('col.tier'),
      cell: (r) => tierName(r.org.tier),
      sortValue: (r) => model.tierIndex(r.org.tier),
      // "Town / street federation" on two lines rather than the English list scrolling sideways at 1366 px
      wrap: true,
    },
    { key: 'parent', header: t('col.parent'), cell: (r) => model.parentOf(r.org.id)?.name ?? '—', sortValue: (r) => r.org.parentId ?? '' },
    c.own,
    c.sub,
    {
      key: 'rank',
      header: t(d.meta.scope ? 'scope.rankTier' : 'kpi.rankTier'),
      cell: (r) => r.rankInTier ?? '—',
      sortValue: (r) => (r.rankInTier === undefined ? undefined : -r.rankInTier),
      align: 'right',
      help: <TermHelp term={t('kpi.rankTier')} text={t('term.ranks')} align="end" />,
    },
    rankRangeColumn(rankIntervals, i18n),
    ...yoyColumns(d.comparison, i18n),
    ...c.categories,
  ];
  const urlSort = search.sort ? { key: search.sort, dir: search.dir ?? 'desc' } : {};
  // laggards and leaders first: the list opens by rank in tier, best first (the rank column sorts on −rank)
  const sort = search.sort ? urlSort : { key: 'rank', dir: 'desc' as const };

  const exportCsv = () => {
    // the export keeps the order the URL asks for (catalogue order without one), so scripts get the same file as before
    const table = orgCsvTable(d, sortRows(rows, columns, urlSort), { i18n, comparison: d.comparison });
    downloadText(`orgs-${d.year}-${d.asOf}.csv`, toCsv(table.header, table.rows));
  };

  return (
    <div className="list-page">
      <h2>{t('orgs.title')}</h2>
      <div className="filters">
        <label>
          <span>{t('filter.search')}</span>
          <input type="search" value={search.q ?? ''} onChange={(e) => setSearch({ q: e.target.value || undefined })} />
        </label>
        <label>
          <span>{t('filter.tier')}</span>
          <select value={search.tier ?? ''} onChange={(e) => setSearch({ tier: e.target.value || undefined })}>
            <option value="">{t('filter.all')}</option>
            {model.tiers.map((tier) => (
              <option key={tier.id} value={tier.id}>
                {local(tier.name)}
              </option>
            ))}
          </select>
        </label>
        <label>
          <span>{t('filter.parent')}</span>
          <select value={search.parent ?? ''} onChange={(e) => setSearch({ parent: e.target.value || undefined })}>
            <option value="">{t('filter.all')}</option>
            {parents.map((o) => (
              <option key={o.id} value={o.id}>
                {o.name}
              </option>
            ))}
          </select>
        </label>
        <label>
          <span>{t('filter.grade')}</span>
          <select value={search.grade ?? ''} onChange={(e) => setSearch({ grade: e.target.value || undefined })}>
            <option value="">{t('filter.all')}</option>
            {model.gradeBands.map((g) => (
              <option key={g.grade} value={g.grade}>
                {g.grade}
              </option>
            ))}
            <option value={UNGRADED}>{t('grade.none')}</option>
          </select>
        </label>
        <label>
          <span>{t('filter.alert')}</span>
          <select value={search.alert ?? ''} onChange={(e) => setSearch({ alert: oneOfLevels(e.target.value) })}>
            <option value="">{t('filter.all')}</option>
            {ALERT_LEVELS.map((l) => (
              <option key={l} value={l}>
                {t(`level.${l}`)}
              </option>
            ))}
          </select>
        </label>
        <button
          type="button"
          onClick={() =>
            setSearch({
              tier: undefined,
              parent: undefined,
              grade: undefined,
              alert: undefined,
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
        caption={t('orgs.title')}
        captionHidden
        columns={columns}
        rows={rows}
        rowKey={(r) => r.org.id}
        sort={sort}
        onSort={(s) => setSearch({ sort: s.key, dir: s.dir })}
        pageSize={100}
        page={search.page ?? 1}
        onPage={(page) => navigate({ search: (prev) => ({ ...prev, page: page > 1 ? page : undefined }) })}
      />
    </div>
  );
}
