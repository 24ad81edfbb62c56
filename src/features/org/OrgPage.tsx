import { useNavigate, useParams, useSearch } from '@tanstack/react-router';
import { useMemo } from 'react';
import { ChartCard } from '../../charts/ChartCard';
import { bandLabel, gainColor, lossColor, palette, scoreBands } from '../../charts/theme';
import { buildHeatmapOption, buildRadarOption, buildRankingOption, buildTrendOption } from '../../charts/options/builders';
import { buildContributionsOption, buildHistogramOption, buildScatterOption, contributions, histogramBins } from '../../charts/options/orgBuilders';
import { fmtScore } from '../../charts/options/common';
import { categoryValues, heatmapRows, rankedItems, useTrendSeries } from '../../data/charts';
import { useDashboard, type Dashboard } from '../../data/dashboard';
import { ALERT_LEVELS, ancestry, orgAssignments, orgScores, type AssignmentState, type OrgScores } from '../../engine';
import { useI18n, type I18n } from '../../i18n';
import { LevelBadge, StageBadge } from '../../ui/badges';
import { DataTable, type Column } from '../../ui/DataTable';
import { OrgLink } from '../../ui/OrgLink';
import { orgScoreColumns } from '../../ui/orgColumns';
import { ScoreKpis } from '../../ui/ScoreKpis';
import { Sparkline } from '../../ui/Sparkline';
import { useDocumentTitle } from '../../ui/useDocumentTitle';
import { useOrgDrill } from '../../ui/useOrgDrill';
import { dayNumber } from '../../engine';

export function OrgPage() {
  const { orgId } = useParams({ from: '/org/$orgId' });
  const d = useDashboard();
  const i18n = useI18n();
  const u = d.ds.orgIndex.get(orgId);
  useDocumentTitle(u !== undefined ? d.ds.orgs[u].name : orgId, d.meta.district.name);
  if (u === undefined) {
    return (
      <div className="status-panel" role="alert">
        <h2>{i18n.t('org.notFound', { id: orgId })}</h2>
        <OrgLink id={d.ds.orgs[0].id}>{d.ds.orgs[0].name}</OrgLink>
      </div>
    );
  }
  return <OrgView key={orgId} d={d} u={u} i18n={i18n} />;
}

function OrgView({ d, u, i18n }: { d: Dashboard; u: number; i18n: I18n }) {
  const { t, local } = i18n;
  const s = orgScores(d.ds, d.result, u);
  const parent = d.ds.parent[u];
  const kids = d.ds.children[u];
  const tierPos = d.ds.tier[u];
  const categoryNames = d.ds.categories.map((c) => local(c.name));
  const drill = useOrgDrill();

  const radarSeries = [{ name: s.org.name, values: s.categories }];
  if (parent >= 0) radarSeries.push({ name: d.ds.orgs[parent].name, values: categoryValues(d, parent) });
  const contrib = contributions(d.ds.categories.map((c, k) => ({ name: local(c.name), weight: c.weight, score: s.categories[k] })));
  const trend = useTrendSeries(d, [u]);
  const siblings = parent >= 0 ? d.ds.children[parent].length : 1;

  return (
    <div className="org-page">
      <Breadcrumb d={d} u={u} label={t('org.breadcrumb')} />
      <div className="org-head">
        <h2 className="org-title">{s.org.name}</h2>
        <span className="muted">{local(d.ds.tiers[tierPos].name)}{s.org.kind ? ` · ${i18n.kind(s.org.kind)}` : ''} · {t('org.members')} {i18n.num(s.org.members)}</span>
      </div>
      <div className="kpi-row org-kpis">
        <ScoreKpis scores={s} title={t('col.index')} testId="org-index" />
        <div className="kpi">
          <h3>{t('kpi.rankTier')}</h3>
          <p className="kpi-value small">{s.rankInTier ? t('kpi.ofN', { rank: s.rankInTier, n: d.result.rankedPerTier[tierPos] }) : '—'}</p>
        </div>
        <div className="kpi">
          <h3>{t('kpi.rankSiblings')}</h3>
          <p className="kpi-value small">{s.rankAmongSiblings ? t('kpi.ofN', { rank: s.rankAmongSiblings, n: siblings }) : '—'}</p>
        </div>
        <div className="kpi">
          <h3>{t('col.alert')}</h3>
          <p className="kpi-value small"><LevelBadge level={s.ownAlert} /></p>
        </div>
      </div>
      <div className="org-grid">
        <ChartCard
          title={t('org.radar')}
          option={buildRadarOption(categoryNames, radarSeries)}
          legend={radarSeries.map((x, k) => ({ name: x.name, color: palette[k] }))}
          table={{
            columns: [t('col.category'), ...radarSeries.map((x) => x.name)],
            rows: categoryNames.map((name, k) => ({ key: name, cells: [name, ...radarSeries.map((x) => fmtScore(x.values[k]))] })),
          }}
        />
        <ChartCard
          title={t('org.contributions')}
          option={buildContributionsOption(contrib, { gainLabel: t('org.gain'), lossLabel: t('org.loss') })}
          legend={[{ name: t('org.gain'), color: gainColor }, { name: t('org.loss'), color: lossColor }]}
          table={{
            columns: [t('col.category'), t('org.gain'), t('org.loss')],
            rows: contrib.map((c) => ({ key: c.name, cells: [c.name, c.gain.toFixed(1), c.loss.toFixed(1)] })),
          }}
        />
        <ChartCard
          title={t('org.trend')}
          loading={!trend}
          option={trend && buildTrendOption(trend.dates, trend.series)}
          table={{
            columns: [t('col.date'), t('col.index')],
            rows: (trend?.dates ?? []).map((date, k) => ({ key: date, cells: [date, fmtScore(trend!.series[0].values[k])] })),
          }}
        />
      </div>
      {kids.length ? <ChildrenSection d={d} u={u} i18n={i18n} drill={drill} categoryNames={categoryNames} /> : null}
      <OwnAssignments d={d} u={u} i18n={i18n} />
    </div>
  );
}

function Breadcrumb({ d, u, label }: { d: Dashboard; u: number; label: string }) {
  const path = ancestry(d.ds, u);
  return (
    <nav aria-label={label} className="breadcrumb">
      <ol>
        {path.map((v, k) => (
          <li key={v}>
            {k < path.length - 1 ? <OrgLink id={d.ds.orgs[v].id}>{d.ds.orgs[v].name}</OrgLink> : <span aria-current="page">{d.ds.orgs[v].name}</span>}
          </li>
        ))}
      </ol>
    </nav>
  );
}

function ChildrenSection({ d, u, i18n, drill, categoryNames }: { d: Dashboard; u: number; i18n: I18n; drill: Record<string, (p: unknown) => void>; categoryNames: string[] }) {
  const { t } = i18n;
  const search = useSearch({ from: '/org/$orgId' });
  const navigate = useNavigate();
  const kids = d.ds.children[u];
  const ranking = useMemo(() => rankedItems(d, kids, t), [d, kids, t]);
  const values = ranking.map((r) => r.value!);
  const bins = histogramBins(values);
  const heat = useMemo(() => heatmapRows(d, kids), [d, kids]);
  const bands = scoreBands(d.result.gradeBands.map((g) => g.min));
  const points = ranking.map((r) => ({ id: r.id, name: r.name, members: d.ds.orgs[d.ds.orgIndex.get(r.id)!].members, index: r.value! }));
  const rows = useMemo(() => Array.from(kids, (v) => orgScores(d.ds, d.result, v)), [d, kids]);
  const c = orgScoreColumns(d, i18n);
  const columns: Column<OrgScores>[] = [
    c.name, c.index, c.own, c.sub, c.grade,
    { key: 'rank', header: t('kpi.rankSiblings'), cell: (r) => r.rankAmongSiblings ?? '—', sortValue: (r) => (r.rankAmongSiblings === undefined ? undefined : -r.rankAmongSiblings), align: 'right' },
    ...c.categories,
    { key: 'members', header: t('col.members'), cell: (r) => r.org.members, sortValue: (r) => r.org.members, align: 'right' },
    c.alert,
  ];
  return (
    <>
      <div className="org-grid children-grid">
        <ChartCard
          title={t('org.childrenRanking')}
          height={Math.min(520, Math.max(220, ranking.length * 22))}
          option={buildRankingOption(ranking, { valueLabel: t('col.index') })}
          onEvents={drill}
          table={{ columns: [t('col.name'), t('col.index'), t('col.grade')], rows: ranking.map((r) => ({ key: r.id, cells: [<OrgLink key="n" id={r.id}>{r.name}</OrgLink>, fmtScore(r.value), r.gradeLabel] })) }}
        />
        <ChartCard
          title={t('org.histogram')}
          option={buildHistogramOption(values, { countLabel: t('col.count') })}
          table={{ columns: [t('col.band'), t('col.count')], rows: values.length ? bins.map((b) => ({ key: b.label, cells: [b.label, b.count] })) : [] }}
        />
        <ChartCard
          title={t('org.scatter')}
          option={buildScatterOption(points, { membersLabel: t('col.members'), indexLabel: t('col.index') })}
          onEvents={drill}
          table={{ columns: [t('col.name'), t('col.members'), t('col.index')], rows: points.map((p) => ({ key: p.id, cells: [<OrgLink key="n" id={p.id}>{p.name}</OrgLink>, p.members, fmtScore(p.index)] })) }}
        />
        <ChartCard
          title={t('org.heatmap')}
          height={Math.min(520, Math.max(220, heat.length * 22 + 60))}
          option={buildHeatmapOption(heat, categoryNames, bands)}
          legend={bands.map((b) => ({ name: bandLabel(b), color: b.color }))}
          onEvents={drill}
          table={{ columns: [t('col.name'), ...categoryNames], rows: heat.map((r) => ({ key: r.id, cells: [<OrgLink key="n" id={r.id}>{r.name}</OrgLink>, ...r.values.map(fmtScore)] })) }}
        />
      </div>
      <section className="card" aria-labelledby="children-title">
        <header className="card-header"><h2 id="children-title">{t('org.children')}</h2></header>
        <DataTable
          caption={t('org.children')}
          captionHidden
          columns={columns}
          rows={rows}
          rowKey={(r) => r.org.id}
          sort={{ key: search.sort ?? 'index', dir: search.dir ?? 'desc' }}
          onSort={(s) => navigate({ to: '.', search: (prev: Record<string, unknown>) => ({ ...prev, sort: s.key, dir: s.dir }), replace: true })}
          pageSize={50}
        />
      </section>
    </>
  );
}

function OwnAssignments({ d, u, i18n }: { d: Dashboard; u: number; i18n: I18n }) {
  const { t, local } = i18n;
  const rows = useMemo(() => orgAssignments(d.ds, d.result, u), [d, u]);
  const asOfDay = d.result.day;
  const levelRank = (r: AssignmentState) => ALERT_LEVELS.indexOf(r.alert);
  const active = (r: AssignmentState) => r.stage !== 'exempt';
  const columns: Column<AssignmentState>[] = [
    { key: 'indicator', header: t('col.indicator'), cell: (r) => <span title={r.indicator.id}>{local(r.indicator.name)}</span>, sortValue: (r) => r.indicator.id },
    { key: 'target', header: t('col.target'), cell: (r) => `${i18n.num(r.assignment.target)}${r.indicator.unit && r.indicator.unit !== '%' ? ` ${i18n.unit(r.indicator.unit)}` : r.indicator.unit}`, align: 'right' },
    { key: 'actual', header: t('col.actual'), cell: (r) => (active(r) ? i18n.num(r.actual) : '—'), sortValue: (r) => (active(r) ? r.actual : undefined), align: 'right' },
    { key: 'score', header: t('col.score'), cell: (r) => (active(r) ? fmtScore(r.score) : '—'), sortValue: (r) => (active(r) ? r.score : undefined), align: 'right' },
    { key: 'stage', header: t('col.stage'), cell: (r) => <StageBadge stage={r.stage} />, sortValue: (r) => r.stage },
    { key: 'due', header: t('col.due'), cell: (r) => r.assignment.due, sortValue: (r) => r.assignment.due },
    { key: 'alert', header: t('col.alert'), cell: (r) => (active(r) ? <LevelBadge level={r.alert} /> : '—'), sortValue: (r) => (active(r) ? levelRank(r) : undefined) },
    { key: 'gap', header: t('col.gap'), cell: (r) => (r.paceGap !== undefined ? r.paceGap.toFixed(1) : '—'), sortValue: (r) => r.paceGap, align: 'right' },
    {
      key: 'progress',
      header: t('col.progress'),
      cell: (r) => (
        <Sparkline
          label={`${local(r.indicator.name)}: ${r.assignment.progress.filter((e) => dayNumber(e.date) <= asOfDay).map((e) => `${e.date} ${e.value}`).join(', ') || t('state.noData')}`}
          max={r.indicator.scoring === 'rating' ? 100 : r.assignment.target}
          points={r.assignment.progress.filter((e) => dayNumber(e.date) <= asOfDay).map((e) => ({ x: dayNumber(e.date), y: e.value }))}
        />
      ),
    },
  ];
  return (
    <section className="card" aria-labelledby="assignments-title">
      <header className="card-header"><h2 id="assignments-title">{t('org.assignments')}</h2></header>
      {rows.length ? (
        <DataTable caption={t('org.assignments')} captionHidden columns={columns} rows={rows} rowKey={(r) => r.indicator.id} />
      ) : (
        <p className="empty-state">{t('org.noAssignments')}</p>
      )}
    </section>
  );
}
