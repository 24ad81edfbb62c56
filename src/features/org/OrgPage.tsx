import { useNavigate, useParams, useSearch } from '@tanstack/react-router';
import { useMemo } from 'react';
import { ChartCard } from '../../charts/ChartCard';
import { HeatmapCard, RadarCard, RankingCard, TrendCard } from '../../charts/cards';
import { buildContributionsOption, buildHistogramOption, buildScatterOption, histogramBins } from '../../charts/options/orgBuilders';
import { useOrgDrill } from '../../charts/useOrgDrill';
import { orgContributions, rankedItems, scatterPoints } from '../../data/chartInputs';
import { useDashboard, type Dashboard } from '../../data/dashboard';
import { ALERT_LEVELS, dayNumber, type AssignmentState, type OrgScores } from '../../engine';
import { useI18n, type I18n } from '../../i18n';
import { fmtNumber, fmtScore } from '../../lib/format';
import { LevelBadge, StageBadge } from '../../ui/badges';
import { DataTable, type Column } from '../../ui/DataTable';
import { OrgLink } from '../../ui/OrgLink';
import { orgScoreColumns } from '../../ui/orgColumns';
import { RankMove } from '../../ui/Change';
import { ScoreKpis } from '../../ui/ScoreKpis';
import { TermHelp } from '../../ui/TermHelp';
import { yoyColumns } from '../../ui/yoyColumns';
import { Sparkline } from '../../ui/Sparkline';
import { gainColor, lossColor } from '../../ui/theme';
import { useDocumentTitle } from '../../ui/useDocumentTitle';
import { AnalystPanels } from './AnalystPanels';
import { OrgDemandsSection } from '../../charts/demandCards';
import { BriefLink, NoAccess } from '../../ui/scope';
import { AfterPaint } from '../../ui/AfterPaint';

export function OrgPage() {
  const { orgId } = useParams({ from: '/org/$orgId' });
  const d = useDashboard();
  const i18n = useI18n();
  const { model } = d;
  const known = model.has(orgId);
  useDocumentTitle(known ? model.org(orgId).name : orgId, d.meta.district.name);
  if (!known) {
    if (d.meta.scope) return <NoAccess />; // outside the session's scope (the backend answers 403 there)
    return (
      <div className="status-panel" role="alert">
        <h2>{i18n.t('org.notFound', { id: orgId })}</h2>
        <OrgLink id={model.rootId}>{model.org(model.rootId).name}</OrgLink>
      </div>
    );
  }
  return <OrgView key={orgId} d={d} id={orgId} i18n={i18n} />;
}

function OrgView({ d, id, i18n }: { d: Dashboard; id: string; i18n: I18n }) {
  const { t, local } = i18n;
  const { model } = d;
  const s = model.scores(id);
  const parent = model.parentOf(id);
  const tier = model.tierName(s.org.tier);
  const radarIds = useMemo(() => (parent ? [id, parent.id] : [id]), [id, parent]);
  const selfIds = useMemo(() => [id], [id]);
  const contrib = orgContributions(model, id, local);

  return (
    <div className="org-page">
      <Breadcrumb d={d} id={id} label={t('org.breadcrumb')} />
      <div className="org-head">
        <h2 className="org-title" title={s.org.name.length > 20 ? s.org.name : undefined}>
          {s.org.name}
        </h2>
        <span className="muted">
          {tier ? local(tier.name) : s.org.tier}
          {s.org.kind ? ` · ${i18n.kind(s.org.kind)}` : ''} · {t('org.members')} {fmtNumber(s.org.members, i18n.lang)}
        </span>
        <BriefLink id={id} />
      </div>
      <div className="kpi-row org-kpis">
        <ScoreKpis
          scores={s}
          title={t('col.index')}
          testId="org-index"
          bandCount={model.gradeBands.length}
          prev={d.comparison?.prevModel.has(id) ? d.comparison.prevModel.scores(id) : undefined}
          prevYear={d.comparison?.year}
        />
        <div className="kpi">
          <div className="kpi-head">
            <h3>{t(d.meta.scope ? 'scope.rankTier' : 'kpi.rankTier')}</h3>
            <TermHelp term={t('kpi.rankTier')} text={t('term.rankTier')} />
          </div>
          <p className="kpi-value small">
            {s.rankInTier ? t('kpi.ofN', { rank: s.rankInTier, n: model.rankedInTier(s.org.tier) }) : '—'}
            {d.comparison ? (
              <>
                {' '}
                <RankMove value={d.comparison.of(id).rankChange} />
              </>
            ) : null}
          </p>
        </div>
        <div className="kpi">
          <div className="kpi-head">
            <h3>{t(d.meta.scope ? 'scope.rankSiblings' : 'kpi.rankSiblings')}</h3>
            <TermHelp term={t('kpi.rankSiblings')} text={t('term.rankSiblings')} />
          </div>
          <p className="kpi-value small">
            {s.rankAmongSiblings ? t('kpi.ofN', { rank: s.rankAmongSiblings, n: model.rankedAmongSiblings(id) }) : '—'}
          </p>
        </div>
        <div className="kpi">
          <h3>{t('col.alert')}</h3>
          <p className="kpi-value small">
            <LevelBadge level={s.ownAlert} />
          </p>
        </div>
      </div>
      <div className="org-grid">
        <RadarCard title={t('org.radar')} ids={radarIds} />
        <ChartCard
          title={t('org.contributions')}
          option={buildContributionsOption(contrib, { gainLabel: t('org.gain'), lossLabel: t('org.loss') })}
          legend={[
            { name: t('org.gain'), color: gainColor },
            { name: t('org.loss'), color: lossColor },
          ]}
          table={{
            columns: [t('col.category'), t('org.gain'), t('org.loss')],
            rows: contrib.map((c) => ({ key: c.name, cells: [c.name, c.gain.toFixed(1), c.loss.toFixed(1)] })),
          }}
        />
        <TrendCard title={t('org.trend')} ids={selfIds} />
      </div>
      {model.hasChildren(id) ? <ChildrenSection d={d} id={id} i18n={i18n} /> : null}
      {/* below the fold: drawn after the page has painted, so a drill shows the figures and charts first */}
      <AfterPaint minHeight={400}>
        <OwnAssignments d={d} id={id} i18n={i18n} />
        <AnalystPanels d={d} id={id} i18n={i18n} />
        <OrgDemandsSection id={id} />
      </AfterPaint>
    </div>
  );
}

/** Ancestors shown around a cut: the root, then the last few above the page (a 5,000-deep tree stays one line). */
const CRUMBS_HEAD = 1;
const CRUMBS_TAIL = 3;

function Breadcrumb({ d, id, label }: { d: Dashboard; id: string; label: string }) {
  const { t } = useI18n();
  const path = d.model.ancestry(id);
  const hidden = Math.max(0, path.length - CRUMBS_HEAD - CRUMBS_TAIL);
  const shown = hidden > 1 ? [...path.slice(0, CRUMBS_HEAD), undefined, ...path.slice(-CRUMBS_TAIL)] : path;
  return (
    <nav aria-label={label} className="breadcrumb">
      <ol>
        {shown.map((o, k) =>
          o === undefined ? (
            <li key="…" className="crumbs-hidden" title={t('robust.crumbsHidden', { n: hidden })}>
              <span aria-hidden="true">…</span>
              <span className="visually-hidden">{t('robust.crumbsHidden', { n: hidden })}</span>
            </li>
          ) : (
            <li key={o.id}>
              {k < shown.length - 1 ? (
                <OrgLink id={o.id}>{o.name}</OrgLink>
              ) : (
                <span aria-current="page" title={o.name.length > 20 ? o.name : undefined}>
                  {o.name}
                </span>
              )}
            </li>
          ),
        )}
      </ol>
    </nav>
  );
}

function ChildrenSection({ d, id, i18n }: { d: Dashboard; id: string; i18n: I18n }) {
  const { t } = i18n;
  const { model } = d;
  const search = useSearch({ from: '/org/$orgId' });
  const navigate = useNavigate({ from: '/org/$orgId' });
  const drill = useOrgDrill();
  const kids = model.children(id);
  const ranking = useMemo(() => rankedItems(model, kids), [model, kids]);
  const values = ranking.map((r) => r.value!);
  const bins = histogramBins(values);
  const points = scatterPoints(model, ranking);
  const rows = useMemo(() => kids.map((v) => model.scores(v)), [model, kids]);
  const c = orgScoreColumns(d, i18n);
  const columns: Column<OrgScores>[] = [
    c.name,
    c.index,
    c.grade,
    c.alert,
    c.own,
    c.sub, // name, index, grade, alert first: on screen on a phone
    {
      key: 'rank',
      header: t('kpi.rankSiblings'),
      cell: (r) => r.rankAmongSiblings ?? '—',
      sortValue: (r) => (r.rankAmongSiblings === undefined ? undefined : -r.rankAmongSiblings),
      align: 'right',
      help: <TermHelp term={t('kpi.rankSiblings')} text={t('term.ranks')} align="end" />,
    },
    ...yoyColumns(d.comparison, i18n),
    ...c.categories,
    { key: 'members', header: t('col.members'), cell: (r) => r.org.members, sortValue: (r) => r.org.members, align: 'right' },
  ];
  const listHeight = Math.min(520, Math.max(220, kids.length * 22 + 60));
  return (
    <>
      <div className="org-grid children-grid">
        <RankingCard title={t('org.childrenRanking')} height={Math.min(520, Math.max(220, ranking.length * 22))} ids={kids} />
        <ChartCard
          title={t('org.histogram')}
          option={buildHistogramOption(values, { countLabel: t('col.count') })}
          table={{
            columns: [t('col.band'), t('col.count')],
            rows: values.length ? bins.map((b) => ({ key: b.label, cells: [b.label, b.count] })) : [],
          }}
        />
        <ChartCard
          title={t('org.scatter')}
          option={buildScatterOption(points, { membersLabel: t('col.members'), indexLabel: t('col.index') })}
          onEvents={drill}
          table={{
            columns: [t('col.name'), t('col.members'), t('col.index')],
            rows: points.map((p) => ({
              key: p.id,
              cells: [
                <OrgLink key="n" id={p.id}>
                  {p.name}
                </OrgLink>,
                p.members,
                fmtScore(p.index),
              ],
            })),
          }}
        />
        <HeatmapCard title={t('org.heatmap')} height={listHeight} ids={kids} />
      </div>
      <section className="card" aria-labelledby="children-title">
        <header className="card-header">
          <h2 id="children-title">{t('org.children')}</h2>
        </header>
        {/* up to 50 rows of many columns, below the charts: after the page has painted */}
        <AfterPaint minHeight={600}>
          <DataTable
            caption={t('org.children')}
            captionHidden
            columns={columns}
            rows={rows}
            rowKey={(r) => r.org.id}
            sort={{ key: search.sort ?? 'index', dir: search.dir ?? 'desc' }}
            onSort={(s) => navigate({ search: (prev) => ({ ...prev, sort: s.key, dir: s.dir }), replace: true })}
            pageSize={50}
          />
        </AfterPaint>
      </section>
    </>
  );
}

function OwnAssignments({ d, id, i18n }: { d: Dashboard; id: string; i18n: I18n }) {
  const { t, local } = i18n;
  const rows = useMemo(() => d.model.assignments(id), [d.model, id]);
  const asOfDay = dayNumber(d.asOf);
  const levelRank = (r: AssignmentState) => ALERT_LEVELS.indexOf(r.alert);
  const active = (r: AssignmentState) => r.stage !== 'exempt';
  const columns: Column<AssignmentState>[] = [
    {
      key: 'indicator',
      header: t('col.indicator'),
      cell: (r) => <span title={r.indicator.id}>{local(r.indicator.name)}</span>,
      sortValue: (r) => r.indicator.id,
    },
    {
      key: 'target',
      header: t('col.target'),
      cell: (r) =>
        `${fmtNumber(r.assignment.target, i18n.lang)}${r.indicator.unit && r.indicator.unit !== '%' ? ` ${i18n.unit(r.indicator.unit, r.assignment.target)}` : r.indicator.unit}`,
      align: 'right',
    },
    {
      key: 'actual',
      header: t('col.actual'),
      cell: (r) => (active(r) ? fmtNumber(r.actual, i18n.lang) : '—'),
      sortValue: (r) => (active(r) ? r.actual : undefined),
      align: 'right',
    },
    {
      key: 'score',
      header: t('col.score'),
      cell: (r) => (active(r) ? fmtScore(r.score) : '—'),
      sortValue: (r) => (active(r) ? r.score : undefined),
      align: 'right',
    },
    { key: 'stage', header: t('col.stage'), cell: (r) => <StageBadge stage={r.stage} />, sortValue: (r) => r.stage },
    { key: 'due', header: t('col.due'), cell: (r) => r.assignment.due, sortValue: (r) => r.assignment.due },
    {
      key: 'alert',
      header: t('col.alert'),
      cell: (r) => (active(r) ? <LevelBadge level={r.alert} /> : '—'),
      sortValue: (r) => (active(r) ? levelRank(r) : undefined),
    },
    {
      key: 'gap',
      header: t('col.gap'),
      cell: (r) => (r.paceGap !== undefined ? r.paceGap.toFixed(1) : '—'),
      sortValue: (r) => r.paceGap,
      align: 'right',
      help: <TermHelp term={t('col.gap')} text={t('term.pace')} align="end" />,
    },
    {
      key: 'progress',
      header: t('col.progress'),
      cell: (r) => (
        <Sparkline
          label={`${local(r.indicator.name)}: ${
            r.assignment.progress
              .filter((e) => dayNumber(e.date) <= asOfDay)
              .map((e) => `${e.date} ${e.value}`)
              .join(', ') || t('state.noData')
          }`}
          max={r.indicator.scoring === 'rating' ? 100 : r.assignment.target}
          points={r.assignment.progress.filter((e) => dayNumber(e.date) <= asOfDay).map((e) => ({ x: dayNumber(e.date), y: e.value }))}
        />
      ),
    },
  ];
  return (
    <section className="card" aria-labelledby="assignments-title">
      <header className="card-header">
        <h2 id="assignments-title">{t('org.assignments')}</h2>
      </header>
      {rows.length ? (
        <DataTable caption={t('org.assignments')} captionHidden columns={columns} rows={rows} rowKey={(r) => r.indicator.id} />
      ) : (
        <p className="empty-state">{t('org.noAssignments')}</p>
      )}
    </section>
  );
}
