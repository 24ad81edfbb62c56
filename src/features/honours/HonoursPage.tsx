/**
 * 表彰 and 退出 (methodology §13, the end of the workflow 汇集 → … → 评价 →
 * 表彰 → 退出): the organisations in the top band at the date, per tier
 * (exportable), those that left it since the same day last year, and every
 * grade change. Reached from the overview's grade card.
 */
import { useMemo } from 'react';
import { commendationCsvTable, commendations, useComparison, type ExitEntry, type GradeChange } from '../../data/compare';
import { previousYear, useDashboard, type Dashboard } from '../../data/dashboard';
import type { OrgScores } from '../../engine';
import { useI18n, type I18n } from '../../i18n';
import { downloadText, toCsv } from '../../lib/csv';
import { fmtScore } from '../../lib/format';
import { GradeBadge, gradeName } from '../../ui/badges';
import { Change } from '../../ui/Change';
import { DataTable, type Column } from '../../ui/DataTable';
import { OrgLink } from '../../ui/OrgLink';
import { TermHelp } from '../../ui/TermHelp';
import { useDocumentTitle } from '../../ui/useDocumentTitle';

export function HonoursPage() {
  const d = useDashboard();
  const i18n = useI18n();
  const { t } = i18n;
  useDocumentTitle(t('honours.title'), d.meta.district.name);
  // the exits need a year to look back to: the comparison on, else the year before
  const year = d.compareYear ?? previousYear(d.meta, d.year);
  const state = useComparison(year);
  const top = d.model.gradeBands[0]?.grade ?? '';

  return (
    <div className="list-page honours-page">
      <h2>{t('honours.title')}</h2>
      <Commendations d={d} i18n={i18n} top={top} />
      <section className="card" aria-labelledby="exits-title">
        <header className="card-header">
          <h2 id="exits-title">
            {year !== undefined ? t('honours.exits', { year, grade: top }) : t('honours.exits', { year: d.year - 1, grade: top })}
          </h2>
        </header>
        {year === undefined ? (
          <p className="empty-state">{t('honours.noPrevYear')}</p>
        ) : state.comparison ? (
          <>
            <p className="muted">{t('honours.exitsIntro', { date: state.comparison.asOf })}</p>
            <ExitsTable d={d} i18n={i18n} rows={state.comparison.exits()} />
          </>
        ) : state.error ? (
          <p className="empty-state">{t('honours.noPrev', { year })}</p>
        ) : (
          <p className="empty-state" role="status">
            {t('yoy.loading', { year })}
          </p>
        )}
      </section>
      <section className="card" aria-labelledby="grade-changes" id="grade-changes-section">
        {/* the "?" beside the title it explains, not at the card's far edge */}
        <header className="card-header card-header-start">
          <h2 id="grade-changes">{year !== undefined ? t('yoy.gradeChanges', { year }) : t('honours.gradeChanges')}</h2>
          <TermHelp term={t('honours.gradeChanges')} text={t('term.yoy')} align="start" />
        </header>
        {state.comparison ? (
          <GradeChanges d={d} i18n={i18n} rows={state.comparison.gradeChanges()} />
        ) : year === undefined ? (
          <p className="empty-state">{t('honours.noPrevYear')}</p>
        ) : null}
      </section>
    </div>
  );
}

function Commendations({ d, i18n, top }: { d: Dashboard; i18n: I18n; top: string }) {
  const { t, local } = i18n;
  const { model } = d;
  const lists = useMemo(() => commendations(d), [d]);
  const bandCount = model.gradeBands.length;
  const columns: Column<OrgScores>[] = [
    // the name first: a phone pins the first column while the rest scroll sideways (styles.css)
    { key: 'name', header: t('col.name'), cell: (r) => <OrgLink id={r.org.id}>{r.org.name}</OrgLink> },
    { key: 'rank', header: t('kpi.rankTier'), cell: (r) => r.rankInTier ?? '—', align: 'right' },
    { key: 'parent', header: t('col.parent'), cell: (r) => model.parentOf(r.org.id)?.name ?? '—' },
    { key: 'index', header: t('col.index'), cell: (r) => fmtScore(r.index), align: 'right' },
    {
      key: 'grade',
      header: t('col.grade'),
      cell: (r) => <GradeBadge grade={r.grade} gradeIndex={r.gradeIndex} bandCount={bandCount} noData={r.index === undefined} />,
    },
  ];
  const exportCsv = () => {
    const table = commendationCsvTable(d, i18n);
    downloadText(`commendation-${d.year}-${d.asOf}.csv`, toCsv(table.header, table.rows));
  };
  return (
    <section className="card" aria-labelledby="commend-title">
      <header className="card-header">
        <h2 id="commend-title">{t('honours.commend', { grade: top, date: d.asOf })}</h2>
        <button type="button" className="primary" onClick={exportCsv}>
          {t('honours.export')}
        </button>
      </header>
      <p className="muted">{t('honours.commendIntro', { grade: top })}</p>
      {lists.map((ids, k) => {
        const tier = model.tiers[k];
        const rows = ids.map((id) => model.scores(id));
        return (
          <div key={tier.id} className="honours-tier">
            <h3>
              {local(tier.name)} · {rows.length}
            </h3>
            {rows.length ? (
              <DataTable
                caption={`${t('honours.commend', { grade: top, date: d.asOf })} · ${local(tier.name)}`}
                captionHidden
                columns={columns}
                rows={rows}
                rowKey={(r) => r.org.id}
                pageSize={50}
                dense
              />
            ) : (
              <p className="empty-state">{t('honours.none')}</p>
            )}
          </div>
        );
      })}
    </section>
  );
}

function ExitsTable({ d, i18n, rows }: { d: Dashboard; i18n: I18n; rows: ExitEntry[] }) {
  const { t, local } = i18n;
  const { model } = d;
  const tierName = (id: string) => {
    const tier = model.tierName(id);
    return tier ? local(tier.name) : id;
  };
  const columns: Column<ExitEntry>[] = [
    {
      key: 'name',
      header: t('col.name'),
      cell: (r) => (r.exists ? <OrgLink id={r.id}>{r.name}</OrgLink> : r.name),
      sortValue: (r) => r.name,
    },
    { key: 'tier', header: t('col.tier'), cell: (r) => tierName(r.tier), sortValue: (r) => model.tierIndex(r.tier) },
    {
      key: 'prevRank',
      header: t('yoy.col.prevRank'),
      cell: (r) => r.prevRank ?? '—',
      sortValue: (r) => (r.prevRank === undefined ? undefined : -r.prevRank),
      align: 'right',
    },
    { key: 'prevIndex', header: t('yoy.col.prevIndex'), cell: (r) => fmtScore(r.prevIndex), sortValue: (r) => r.prevIndex, align: 'right' },
    {
      key: 'index',
      header: t('col.index'),
      cell: (r) => (r.exists ? fmtScore(r.index) : t('honours.gone')),
      sortValue: (r) => r.index,
      align: 'right',
    },
    { key: 'grade', header: t('col.grade'), cell: (r) => (r.exists ? (r.index === undefined ? '—' : (r.grade ?? t('grade.none'))) : '—') },
  ];
  if (!rows.length) return <p className="empty-state">{t('honours.none')}</p>;
  return (
    <DataTable
      caption={t('honours.exits', { year: d.year - 1, grade: model.gradeBands[0]?.grade ?? '' })}
      captionHidden
      columns={columns}
      rows={rows}
      rowKey={(r) => r.id}
      pageSize={50}
      dense
    />
  );
}

function GradeChanges({ d, i18n, rows }: { d: Dashboard; i18n: I18n; rows: GradeChange[] }) {
  const { t, local } = i18n;
  const { model } = d;
  const up = rows.filter((r) => r.change > 0);
  const down = rows.filter((r) => r.change < 0).reverse();
  const tierName = (id: string) => {
    const tier = model.tierName(id);
    return tier ? local(tier.name) : id;
  };
  const columns: Column<GradeChange>[] = [
    { key: 'name', header: t('col.name'), cell: (r) => <OrgLink id={r.id}>{r.name}</OrgLink>, sortValue: (r) => r.name },
    { key: 'tier', header: t('col.tier'), cell: (r) => tierName(r.tier), sortValue: (r) => model.tierIndex(r.tier) },
    { key: 'prevGrade', header: t('yoy.col.prevGrade'), cell: (r) => gradeName(t, r.prevGrade, r.prevIndex === undefined) },
    { key: 'grade', header: t('col.grade'), cell: (r) => gradeName(t, r.grade, r.index === undefined) },
    {
      key: 'indexChange',
      header: t('yoy.col.indexChange'),
      cell: (r) => <Change value={r.index !== undefined && r.prevIndex !== undefined ? r.index - r.prevIndex : undefined} />,
      sortValue: (r) => (r.index !== undefined && r.prevIndex !== undefined ? r.index - r.prevIndex : undefined),
      align: 'right',
    },
  ];
  if (!rows.length) return <p className="empty-state">{t('yoy.noChanges')}</p>;
  return (
    <div className="honours-changes">
      <div>
        <h3>{t('yoy.gradeUp', { n: up.length })}</h3>
        <DataTable
          caption={t('yoy.gradeUp', { n: up.length })}
          captionHidden
          columns={columns}
          rows={up}
          rowKey={(r) => r.id}
          pageSize={25}
          dense
        />
      </div>
      <div>
        <h3>{t('yoy.gradeDown', { n: down.length })}</h3>
        <DataTable
          caption={t('yoy.gradeDown', { n: down.length })}
          captionHidden
          columns={columns}
          rows={down}
          rowKey={(r) => r.id}
          pageSize={25}
          dense
        />
      </div>
    </div>
  );
}
