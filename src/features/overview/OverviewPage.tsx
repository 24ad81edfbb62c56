import { Link, useNavigate, useSearch } from '@tanstack/react-router';
import { useMemo } from 'react';
import { ChartCard } from '../../charts/ChartCard';
import { GradeDistributionCard, HeatmapCard, RadarCard, RankingCard, TrendCard } from '../../charts/cards';
import { buildFunnelOption } from '../../charts/options/builders';
import { funnelStages, gradeCounts } from '../../data/chartInputs';
import { useDashboard, type Dashboard } from '../../data/dashboard';
import { urgentAlerts } from '../../data/selectors';
import { ESCALATION, STAGES } from '../../engine';
import { useI18n, type I18n } from '../../i18n';
import { LevelBadge } from '../../ui/badges';
import { OrgLink } from '../../ui/OrgLink';
import { ScoreKpis } from '../../ui/ScoreKpis';
import { DemandKpi } from '../../ui/DemandKpi';
import { useDocumentTitle } from '../../ui/useDocumentTitle';

export function OverviewPage() {
  const d = useDashboard();
  const { model } = d;
  const i18n = useI18n();
  const { t, local } = i18n;
  const { vs } = useSearch({ from: '/' });
  const navigate = useNavigate({ from: '/' });
  useDocumentTitle(t('overview.title'), d.meta.district.name);

  const root = model.rootId;
  const groups = model.groups();
  const versus = vs !== undefined && groups.includes(vs) ? vs : undefined;
  const radarIds = useMemo(() => (versus ? [root, versus] : [root]), [root, versus]);
  const leafIds = model.idsInTier(model.leafTier);
  const stages = model.stageTally(root);
  const funnel = funnelStages(stages, (s) => t(`stage.${s}`));
  const urgent = useMemo(() => urgentAlerts(d, 12), [d]);
  // chart titles name the tiers as the API does (a district's own tier names, any depth)
  const groupTier = local(model.tiers[Math.min(1, model.leafTier)].name);
  const leafTier = local(model.tiers[model.leafTier].name);

  return (
    <div className="overview">
      <h2 className="visually-hidden">{t('overview.title')}</h2>
      <KpiRow d={d} i18n={i18n} />
      <div className="overview-grid">
        <RankingCard className="area-ranking" title={t('overview.townRanking', { tier: groupTier })} height="100%" ids={groups} />
        <RadarCard
          className="area-radar"
          title={t('overview.radar')}
          ids={radarIds}
          controls={
            <label className="inline-control">
              <span className="visually-hidden">{t('overview.radarCompare')}</span>
              <select
                aria-label={t('overview.radarCompare')}
                value={versus ?? ''}
                onChange={(e) => navigate({ search: (prev) => ({ ...prev, vs: e.target.value || undefined }) })}
              >
                <option value="">{`${t('overview.radarCompare')} ${t('overview.radarNone')}`}</option>
                {groups.map((id) => (
                  <option key={id} value={id}>{model.org(id).name}</option>
                ))}
              </select>
            </label>
          }
        />
        <GradeDistributionCard className="area-grades" title={t('overview.grades', { tier: leafTier })} ids={leafIds} />
        <TrendCard className="area-trend" title={t('overview.trend')} ids={radarIds} />
        <HeatmapCard className="area-heatmap" title={t('overview.heatmap', { tier: groupTier })} height="100%" ids={groups} />
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
                    {i18n.local(a.indicator.name)}
                    {a.overdueDays > 0
                      ? ` · ${t('alerts.overdueShort', { n: a.overdueDays })}`
                      : a.paceGap !== undefined && a.paceGap > 0
                        ? ` · ${t('alerts.behindShort', { n: a.paceGap.toFixed(1) })}`
                        : ''}
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
  const { model } = d;
  const root = model.rootId;
  const alerts = model.alertTally(root);
  const orgAlerts = model.orgAlertTally(root);
  const stages = model.stageTally(root);
  const grades = gradeCounts(model, model.idsInTier(model.leafTier));
  return (
    <div className="kpi-row">
      <ScoreKpis scores={model.scores(root)} title={t(d.meta.scope ? 'scope.index' : 'kpi.districtIndex')} testId="district-index" bandCount={model.gradeBands.length} />
      <div className="kpi">
        <h3>{t('kpi.orgs')}</h3>
        <dl className="kpi-pairs">
          {model.tiers.map((tier, k) => (
            <div key={tier.id}><dt>{local(tier.name)}</dt><dd>{model.idsInTier(k).length}</dd></div>
          ))}
        </dl>
      </div>
      <div className="kpi">
        <h3>{t('kpi.grades', { tier: local(model.tiers[model.leafTier].name) })}</h3>
        <dl className="kpi-pairs compact">
          {grades.map((g) => (
            <div key={g.grade ?? '\u0000none'}><dt>{g.grade ?? t('grade.none')}</dt><dd>{g.count}</dd></div>
          ))}
        </dl>
      </div>
      <div className="kpi">
        <h3>{t('kpi.alerts')}</h3>
        <dl className="kpi-pairs compact">
          {ESCALATION.map((l) => (
            <div key={l} title={t('kpi.alertOrgs', { n: orgAlerts[l] })}>
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
      <DemandKpi />
    </div>
  );
}
