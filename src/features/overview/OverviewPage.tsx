import { Link, useNavigate, useSearch } from '@tanstack/react-router';
import { useMemo } from 'react';
import { ChartCard } from '../../charts/ChartCard';
import { bandLabel, palette, scoreBands } from '../../charts/theme';
import {
  buildFunnelOption, buildGradeDistributionOption, buildHeatmapOption, buildRadarOption, buildRankingOption, buildTrendOption,
} from '../../charts/options/builders';
import { fmtScore } from '../../charts/options/common';
import { categoryValues, funnelStages, heatmapRows, rankedItems, useTrendSeries } from '../../data/charts';
import { useDashboard, type Dashboard } from '../../data/dashboard';
import { gradeCounts, positionsInTier, urgentAlerts } from '../../data/selectors';
import { ESCALATION, STAGES, orgScores, subtreeAlertTally, subtreeStageTally } from '../../engine';
import { useI18n, type I18n } from '../../i18n';
import { LevelBadge } from '../../ui/badges';
import { OrgLink } from '../../ui/OrgLink';
import { ScoreKpis } from '../../ui/ScoreKpis';
import { useDocumentTitle } from '../../ui/useDocumentTitle';
import { useOrgDrill } from '../../ui/useOrgDrill';

export function OverviewPage() {
  const d = useDashboard();
  const i18n = useI18n();
  const { t, local } = i18n;
  const { compare } = useSearch({ from: '/' });
  const navigate = useNavigate();
  useDocumentTitle(t('overview.title'), d.meta.district.name);

  const root = 0;
  const towns = d.ds.children[root];
  const compareAt = compare !== undefined ? d.ds.orgIndex.get(compare) : undefined;
  const comparePos = compareAt !== undefined && d.ds.parent[compareAt] === root ? compareAt : undefined;
  const categoryNames = d.ds.categories.map((c) => local(c.name));
  const drill = useOrgDrill();

  const ranking = useMemo(() => rankedItems(d, towns, t), [d, towns, t]);
  const radarSeries = [{ name: d.ds.orgs[root].name, values: categoryValues(d, root) }];
  if (comparePos !== undefined) radarSeries.push({ name: d.ds.orgs[comparePos].name, values: categoryValues(d, comparePos) });
  const leafTier = d.ds.tiers.length - 1;
  const grades = useMemo(() => gradeCounts(d, positionsInTier(d, leafTier)), [d, leafTier]);
  const trend = useTrendSeries(d, comparePos !== undefined ? [root, comparePos] : [root]);
  const heat = useMemo(() => heatmapRows(d, towns), [d, towns]);
  const bands = scoreBands(d.result.gradeBands.map((g) => g.min));
  const stages = subtreeStageTally(d.result, root);
  const funnel = funnelStages(stages, t);
  const urgent = useMemo(() => urgentAlerts(d, 12), [d]);

  const gradeLabel = (g: { label: string }) => g.label || t('grade.none');
  return (
    <div className="overview">
      <h2 className="visually-hidden">{t('overview.title')}</h2>
      <KpiRow d={d} i18n={i18n} />
      <div className="overview-grid">
        <ChartCard
          className="area-ranking"
          title={t('overview.townRanking')}
          height="100%"
          option={buildRankingOption(ranking, { valueLabel: t('col.index') })}
          onEvents={drill}
          table={{
            columns: [t('col.name'), t('col.index'), t('col.grade')],
            rows: ranking.map((r) => ({ key: r.id, cells: [<OrgLink key="n" id={r.id}>{r.name}</OrgLink>, fmtScore(r.value), r.gradeLabel] })),
          }}
        />
        <ChartCard
          className="area-radar"
          title={t('overview.radar')}
          option={buildRadarOption(categoryNames, radarSeries)}
          legend={radarSeries.map((x, k) => ({ name: x.name, color: palette[k] }))}
          controls={
            <label className="inline-control">
              <span className="visually-hidden">{t('overview.radarCompare')}</span>
              <select
                aria-label={t('overview.radarCompare')}
                value={comparePos !== undefined ? d.ds.orgs[comparePos].id : ''}
                onChange={(e) => navigate({ to: '/', search: (prev: Record<string, unknown>) => ({ ...prev, compare: e.target.value || undefined }) })}
              >
                <option value="">{`${t('overview.radarCompare')} ${t('overview.radarNone')}`}</option>
                {ranking.map((r) => <option key={r.id} value={r.id}>{r.name}</option>)}
              </select>
            </label>
          }
          table={{
            columns: [t('col.category'), ...radarSeries.map((s) => s.name)],
            rows: categoryNames.map((name, k) => ({ key: name, cells: [name, ...radarSeries.map((s) => fmtScore(s.values[k]))] })),
          }}
        />
        <ChartCard
          className="area-grades"
          title={t('overview.grades')}
          option={buildGradeDistributionOption(grades.map((g) => ({ ...g, label: gradeLabel(g) })), { countLabel: t('col.count') })}
          table={{ columns: [t('col.grade'), t('col.count')], rows: grades.map((g) => ({ key: gradeLabel(g), cells: [gradeLabel(g), g.count] })) }}
        />
        <ChartCard
          className="area-trend"
          title={t('overview.trend')}
          loading={!trend}
          option={trend && buildTrendOption(trend.dates, trend.series)}
          legend={trend?.series.map((x, k) => ({ name: x.name, color: palette[k] }))}
          table={{
            columns: [t('col.date'), ...(trend?.series.map((s) => s.name) ?? [])],
            rows: (trend?.dates ?? []).map((date, k) => ({ key: date, cells: [date, ...trend!.series.map((s) => fmtScore(s.values[k]))] })),
          }}
        />
        <ChartCard
          className="area-heatmap"
          title={t('overview.heatmap')}
          height="100%"
          option={buildHeatmapOption(heat, categoryNames, bands)}
          legend={bands.map((b) => ({ name: bandLabel(b), color: b.color }))}
          onEvents={drill}
          table={{
            columns: [t('col.name'), ...categoryNames],
            rows: heat.map((r) => ({ key: r.id, cells: [<OrgLink key="n" id={r.id}>{r.name}</OrgLink>, ...r.values.map(fmtScore)] })),
          }}
        />
        <ChartCard
          className="area-funnel"
          title={t('overview.funnel')}
          option={buildFunnelOption(funnel)}
          table={{
            columns: [t('col.stage'), t('col.count')],
            rows: [...funnel.map((f) => ({ key: f.name, cells: [f.name, f.value] })), { key: 'exempt', cells: [t('stage.exempt'), stages.exempt] }],
          }}
        />
        <section className="card area-urgent" aria-labelledby="urgent-title">
          <header className="card-header">
            <h2 id="urgent-title">{t('overview.urgent')}</h2>
            <Link to="/alerts" className="tool-link">{t('overview.allAlerts')}</Link>
          </header>
          {urgent.length ? (
            <ol className="urgent-list">
              {urgent.map((a) => (
                <li key={a.position}>
                  <LevelBadge level={a.alert} />
                  <OrgLink id={a.orgId} className="urgent-org">{a.orgName}</OrgLink>
                  <span className="urgent-what">
                    {local(a.indicator.name)}
                    {a.overdueDays > 0 ? ` · ${t('alerts.overdueShort', { n: a.overdueDays })}` : a.paceGap !== undefined && a.paceGap > 0 ? ` · ${t('alerts.behindShort', { n: a.paceGap.toFixed(1) })}` : ''}
                  </span>
                </li>
              ))}
            </ol>
          ) : (
            <p className="empty-state">{t('state.empty')}</p>
          )}
        </section>
      </div>
    </div>
  );
}

function KpiRow({ d, i18n }: { d: Dashboard; i18n: I18n }) {
  const { t, local } = i18n;
  const root = orgScores(d.ds, d.result, 0);
  const alerts = subtreeAlertTally(d.result, 0);
  const stages = subtreeStageTally(d.result, 0);
  const tierCounts = d.ds.tiers.map((_, k) => positionsInTier(d, k).length);
  const grades = gradeCounts(d, positionsInTier(d, d.ds.tiers.length - 1));
  return (
    <div className="kpi-row">
      <ScoreKpis scores={root} title={t('kpi.districtIndex')} testId="district-index" />
      <div className="kpi">
        <h3>{t('kpi.orgs')}</h3>
        <dl className="kpi-pairs">
          {d.ds.tiers.map((tier, k) => <div key={tier.id}><dt>{local(tier.name)}</dt><dd>{tierCounts[k]}</dd></div>)}
        </dl>
      </div>
      <div className="kpi">
        <h3>{t('kpi.grades')}</h3>
        <dl className="kpi-pairs compact">
          {grades.map((g) => <div key={g.label || 'none'}><dt>{g.label || t('grade.none')}</dt><dd>{g.count}</dd></div>)}
        </dl>
      </div>
      <div className="kpi">
        <h3>{t('kpi.alerts')}</h3>
        <dl className="kpi-pairs compact">
          {ESCALATION.map((l) => (
            <div key={l}>
              <dt><Link to="/alerts" search={{ level: l }} className={`level-link level-${l}`}>{t(`level.${l}`)}</Link></dt>
              <dd>{alerts[l]}</dd>
            </div>
          ))}
        </dl>
      </div>
      <div className="kpi">
        <h3>{t('kpi.stages')}</h3>
        <dl className="kpi-pairs compact">
          {STAGES.map((s) => <div key={s}><dt>{t(`stage.${s}`)}</dt><dd>{stages[s]}</dd></div>)}
        </dl>
      </div>
    </div>
  );
}
