import { Link, useNavigate, useSearch } from '@tanstack/react-router';
import { useMemo } from 'react';
import { ChartCard } from '../../charts/ChartCard';
import { GradeDistributionCard, HeatmapCard, RadarCard, RankingCard, TrendCard } from '../../charts/cards';
import { buildFunnelOption } from '../../charts/options/builders';
import { funnelStages, gradeCounts } from '../../data/chartInputs';
import { useDashboard, type Dashboard } from '../../data/dashboard';
import { urgentAlertsVaried } from '../../data/selectors';
import { ESCALATION, STAGES } from '../../engine';
import { useI18n, type I18n } from '../../i18n';
import { LevelBadge } from '../../ui/badges';
import { OrgLink } from '../../ui/OrgLink';
import { Change } from '../../ui/Change';
import { ScoreKpis } from '../../ui/ScoreKpis';
import { TermHelp } from '../../ui/TermHelp';
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
  // the most urgent, at most two per indicator: one widespread late indicator must not hide every other
  const urgent = useMemo(() => urgentAlertsVaried(d, 12, 2), [d]);
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
                  <option key={id} value={id}>
                    {model.org(id).name}
                  </option>
                ))}
              </select>
            </label>
          }
        />
        <GradeDistributionCard
          className="area-grades"
          title={t('overview.grades', { tier: leafTier })}
          ids={leafIds}
          tier={model.tiers[model.leafTier].id}
        />
        <TrendCard className="area-trend" title={t('overview.trend')} ids={radarIds} />
        <HeatmapCard className="area-heatmap" title={t('overview.heatmap', { tier: groupTier })} height="100%" ids={groups} />
        <ChartCard
          className="area-funnel"
          title={t('overview.funnel')}
          note={
            <>
              {t('funnel.reached')}
              <TermHelp term={t('funnel.reached')} text={t('term.stagesReached')} align="start" />
            </>
          }
          option={buildFunnelOption(funnel)}
          table={{
            columns: [t('col.stage'), t('col.count')],
            rows: [
              ...funnel.map((f) => ({ key: f.name, cells: [f.name, f.value] })),
              { key: 'exempt', cells: [t('stage.exempt'), stages.exempt] },
            ],
          }}
        />
        <section className="card area-urgent" aria-labelledby="urgent-title">
          <header className="card-header">
            <h2 id="urgent-title">{t('overview.urgent')}</h2>
            <Link to="/alerts" className="tool-link">
              {t('overview.allAlerts')}
            </Link>
          </header>
          {urgent.length ? (
            <ol className="urgent-list">
              {urgent.map((a) => (
                <li key={a.position}>
                  <LevelBadge level={a.alert} />
                  <OrgLink id={a.orgId} className="urgent-org">
                    {a.orgName}
                  </OrgLink>
                  <span className="urgent-what">
                    {a.townName && a.townId !== a.orgId ? (
                      <span className="urgent-town">{t('urgent.town', { town: a.townName })} · </span>
                    ) : null}
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
  const { model, comparison } = d;
  const root = model.rootId;
  const leaf = model.tiers[model.leafTier];
  const alerts = model.alertTally(root);
  const orgAlerts = model.orgAlertTally(root);
  const stages = model.stageTally(root);
  const grades = gradeCounts(model, model.idsInTier(model.leafTier));
  // §13: the same figures on the same day of the comparison year (the root matched by id)
  const prev = comparison && comparison.prevModel.has(root) ? comparison.prevModel : undefined;
  const prevAlerts = prev?.alertTally(root);
  const prevStages = prev?.stageTally(root);
  const prevGrades = prev ? gradeCounts(prev, prev.idsInTier(prev.tierIndex(leaf.id))) : undefined;
  const prevGradeCount = (grade: string | undefined) => prevGrades?.find((g) => g.grade === grade)?.count;
  const changes = useMemo(() => (comparison ? comparison.gradeChanges(model.idsInTier(model.leafTier)) : undefined), [comparison, model]);
  const delta = (now: number, before: number | undefined) => (before === undefined ? undefined : now - before);
  return (
    <div className="kpi-row">
      <ScoreKpis
        scores={model.scores(root)}
        title={t(d.meta.scope ? 'scope.index' : 'kpi.districtIndex')}
        testId="district-index"
        bandCount={model.gradeBands.length}
        prev={prev?.scores(root)}
        prevYear={comparison?.year}
      />
      <div className="kpi">
        <h3>{t('kpi.orgs')}</h3>
        <dl className="kpi-pairs">
          {model.tiers.map((tier, k) => (
            <div key={tier.id}>
              <dt>{local(tier.name)}</dt>
              <dd>{model.idsInTier(k).length}</dd>
            </div>
          ))}
        </dl>
      </div>
      <div className="kpi">
        <div className="kpi-head">
          <h3>{t('kpi.grades', { tier: local(leaf.name) })}</h3>
          <TermHelp term={t('col.grade')} text={t('term.grades')} />
        </div>
        <dl className="kpi-pairs compact">
          {grades.map((g) => (
            <div key={g.grade ?? '\u0000none'}>
              <dt>{g.grade ?? t('grade.none')}</dt>
              <dd>
                <Link to="/orgs" search={{ grade: g.grade ?? 'none', tier: leaf.id }} className="kpi-link">
                  {g.count}
                </Link>
                {prevGrades ? <Change value={delta(g.count, prevGradeCount(g.grade))} digits={0} /> : null}
              </dd>
            </div>
          ))}
        </dl>
        <p className="kpi-foot">
          <Link to="/honours" className="kpi-link">
            {t('honours.link')}
          </Link>
          {changes ? (
            <span className="kpi-grade-changes">
              {' · '}
              <Link to="/honours" hash="grade-changes" className="kpi-link">
                {t('yoy.gradeUp', { n: changes.filter((c) => c.change > 0).length })} /{' '}
                {t('yoy.gradeDown', { n: changes.filter((c) => c.change < 0).length })}
              </Link>
            </span>
          ) : null}
        </p>
      </div>
      <div className="kpi">
        <h3>{t('kpi.alerts')}</h3>
        <dl className="kpi-pairs compact">
          {ESCALATION.map((l) => (
            <div key={l} title={t('kpi.alertOrgs', { n: orgAlerts[l] })}>
              <dt>
                <Link to="/alerts" search={{ level: l }} className={`level-link level-${l}`}>
                  {t(`level.${l}`)}
                </Link>
              </dt>
              <dd>
                <Link to="/alerts" search={{ level: l }} className="kpi-link">
                  {alerts[l]}
                </Link>
                {prevAlerts ? <Change value={alerts[l] - prevAlerts[l]} digits={0} /> : null}
              </dd>
            </div>
          ))}
        </dl>
      </div>
      <div className="kpi">
        <h3>{t('kpi.stages')}</h3>
        <p className="kpi-sub">
          {t('kpi.stagesNow')}
          <TermHelp term={t('kpi.stagesNow')} text={t('term.stagesNow')} align="end" />
        </p>
        <dl className="kpi-pairs compact">
          {STAGES.map((s) => (
            <div key={s}>
              <dt>{t(`stage.${s}`)}</dt>
              <dd>
                {stages[s]}
                {prevStages ? <Change value={stages[s] - prevStages[s]} digits={0} /> : null}
              </dd>
            </div>
          ))}
        </dl>
      </div>
      <DemandKpi />
    </div>
  );
}
