import { Link, useNavigate, useSearch } from '@tanstack/react-router';
import { memo, useMemo } from 'react';
import { ChartCard } from '../../charts/ChartCard';
import { GradeDistributionView, HeatmapView, RadarView, RankingView, TrendView } from '../../charts/cards';
import { buildFunnelOption } from '../../charts/options/builders';
import { funnelStages } from '../../data/chartInputs';
import { useOptionalDashboard, useSummary, type Dashboard } from '../../data/dashboard';
import { overviewFromSummary, useOverviewFromDashboard, type OverviewData } from '../../data/overview';
import type { Summary } from '../../api/summary';
import { ESCALATION, STAGES } from '../../engine';
import { useI18n, type I18n } from '../../i18n';
import { LevelBadge } from '../../ui/badges';
import { OrgLink } from '../../ui/OrgLink';
import { Change } from '../../ui/Change';
import { ScoreKpis } from '../../ui/ScoreKpis';
import { TermHelp } from '../../ui/TermHelp';
import { DemandKpi } from '../../ui/DemandKpi';
import { LoadProgress } from '../../ui/LoadProgress';
import { useDocumentTitle } from '../../ui/useDocumentTitle';
import { useStaggered } from '../../ui/AfterPaint';
import { OVERVIEW_AREAS, OverviewGridSkeleton } from './OverviewSkeleton';

/** The summary answers for exactly what the year on screen would show: same year, date, data and scope, nothing the summary lacks asked. */
function summaryServes(summary: Summary | undefined, d: Dashboard | undefined, versus: string | undefined): summary is Summary {
  if (!summary) return false;
  if (!d) return true;
  return (
    versus === undefined &&
    d.compareYear === undefined &&
    summary.year === d.year &&
    summary.asOf === d.asOf &&
    summary.generatedAt === d.meta.generatedAt &&
    summary.scope === (d.meta.scope?.orgId ?? null)
  );
}

export function OverviewPage() {
  const d = useOptionalDashboard();
  const summary = useSummary();
  const i18n = useI18n();
  const { t, local } = i18n;
  const { vs } = useSearch({ from: '/' });
  const navigate = useNavigate({ from: '/' });
  const fromSummary = useMemo(() => (summary ? overviewFromSummary(summary) : undefined), [summary]);
  const groupIds = useMemo(() => new Set(d ? d.model.groups() : (summary?.groups.map((g) => g.id) ?? [])), [d, summary]);
  const versus = vs !== undefined && groupIds.has(vs) ? vs : undefined;
  // the summary paints the page until something it does not hold is asked; then the year's own numbers
  const useSummaryData = summaryServes(summary, d, versus);
  const fromYear = useOverviewFromDashboard(useSummaryData ? undefined : d, versus);
  const o = useSummaryData ? fromSummary : fromYear;
  useDocumentTitle(t('overview.title'), d?.meta.district.name);
  const groups = o?.groups;
  // the KPI row paints first, then the cards one per task: on a phone one long task would be eight short ones
  const shownCards = useStaggered(OVERVIEW_AREAS.length);
  // one element while nothing it shows changes: the radar card is memoised and re-renders only when its input does
  const radarControls = useMemo(
    () => (
      <label className="inline-control">
        <span className="visually-hidden">{t('overview.radarCompare')}</span>
        <select
          aria-label={t('overview.radarCompare')}
          value={versus ?? ''}
          onChange={(e) => navigate({ search: (prev) => ({ ...prev, vs: e.target.value || undefined }) })}
        >
          {/* the prompt is the label's own words: a narrow card (1920 px, English) had no room for "… (none)" beside its tools */}
          <option value="">{`${t('overview.radarCompare')}…`}</option>
          {groups?.map((g) => (
            <option key={g.id} value={g.id}>
              {g.name}
            </option>
          ))}
        </select>
      </label>
    ),
    [t, versus, navigate, groups],
  );
  if (!o) return null;

  const funnel = funnelStages(o.stages, (s) => t(`stage.${s}`));
  // chart titles name the tiers as the API does (a district's own tier names, any depth)
  const leafTier = o.tiers[o.tiers.length - 1];
  const groupTier = local(o.groupTier.name);

  return (
    <div className="overview" aria-busy={d ? undefined : true}>
      <h2 className="visually-hidden">{t('overview.title')}</h2>
      {d ? null : (
        <p className="visually-hidden" role="status">
          {t('load.summaryOnly')}
        </p>
      )}
      <LoadProgress />
      <KpiRow o={o} i18n={i18n} />
      <div className="overview-grid">
        {/* in OVERVIEW_AREAS' order: the skeletons stand in for the cards not shown yet */}
        {[
          <RankingView
            key="ranking"
            className="area-ranking"
            title={t('overview.townRanking', { tier: groupTier })}
            height="100%"
            ranking={o.ranking}
            bandCount={o.gradeBands.length}
          />,
          <RadarView
            key="radar"
            className="area-radar"
            title={t('overview.radar')}
            categories={o.categoryNames}
            series={o.radar}
            controls={radarControls}
          />,
          <GradeDistributionView
            key="grades"
            className="area-grades"
            title={t('overview.grades', { tier: local(leafTier.name) })}
            grades={o.leafGrades}
            tier={leafTier.id}
          />,
          <TrendView
            key="trend"
            className="area-trend"
            title={t('overview.trend')}
            trend={o.trend}
            previous={o.previous && o.trend?.previous ? { year: o.previous.year, series: o.trend.previous } : undefined}
            loading={!o.trend || o.trendPending}
          />,
          <HeatmapView
            key="heatmap"
            className="area-heatmap"
            title={t('overview.heatmap', { tier: groupTier })}
            height="100%"
            rows={o.heatmap}
            categories={o.categoryNames}
            gradeBands={o.gradeBands}
          />,
          <ChartCard
            key="funnel"
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
                { key: 'exempt', cells: [t('stage.exempt'), o.stages.exempt] },
              ],
            }}
          />,
          <UrgentCard key="urgent" o={o} i18n={i18n} />,
        ].slice(0, shownCards)}
        <OverviewGridSkeleton from={shownCards} />
      </div>
    </div>
  );
}

const UrgentCard = memo(function UrgentCard({ o, i18n }: { o: OverviewData; i18n: I18n }) {
  const { t } = i18n;
  return (
    <section className="card area-urgent" aria-labelledby="urgent-title">
      <header className="card-header">
        <h2 id="urgent-title">{t('overview.urgent')}</h2>
        <Link to="/alerts" className="tool-link">
          {t('overview.allAlerts')}
        </Link>
      </header>
      {o.urgent.length ? (
        <ol className="urgent-list">
          {o.urgent.map((a) => (
            <li key={a.key}>
              <LevelBadge level={a.alert} />
              <OrgLink id={a.orgId} className="urgent-org">
                {a.orgName}
              </OrgLink>
              <span className="urgent-what">
                {a.townName && a.townId !== a.orgId ? (
                  <span className="urgent-town">{t('urgent.town', { town: a.townName })} · </span>
                ) : null}
                {i18n.local(a.indicatorName)}
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
  );
});

const KpiRow = memo(function KpiRow({ o, i18n }: { o: OverviewData; i18n: I18n }) {
  const { t, local } = i18n;
  const leaf = o.tiers[o.tiers.length - 1];
  const prev = o.previous;
  const prevGradeCount = (grade: string | undefined) => prev?.grades?.find((g) => g.grade === grade)?.count;
  const delta = (now: number, before: number | undefined) => (before === undefined ? undefined : now - before);
  return (
    <div className="kpi-row">
      <ScoreKpis
        scores={o.root}
        title={t(o.scoped ? 'scope.index' : 'kpi.districtIndex')}
        testId="district-index"
        bandCount={o.gradeBands.length}
        prev={prev?.root}
        prevYear={prev?.year}
      />
      <div className="kpi">
        <h3>{t('kpi.orgs')}</h3>
        <dl className="kpi-pairs">
          {o.tiers.map((tier, k) => (
            <div key={tier.id}>
              <dt>{local(tier.name)}</dt>
              <dd>{o.tierCounts[k] ?? 0}</dd>
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
          {o.leafGrades.map((g) => (
            <div key={g.grade ?? '\u0000none'}>
              <dt>{g.grade ?? t('grade.none')}</dt>
              <dd>
                <Link to="/orgs" search={{ grade: g.grade ?? 'none', tier: leaf.id }} className="kpi-link">
                  {g.count}
                </Link>
                {prev?.grades ? (
                  <Change
                    value={delta(g.count, prevGradeCount(g.grade))}
                    digits={0}
                    // more in the top band is good, more ungraded bad; a middle band's count is neither
                    better={g.gradeIndex === 0 ? 'up' : g.grade === undefined ? 'down' : 'neither'}
                  />
                ) : null}
              </dd>
            </div>
          ))}
        </dl>
        <p className="kpi-foot">
          <Link to="/honours" className="kpi-link">
            {t('honours.link')}
          </Link>
          {prev ? (
            <span className="kpi-grade-changes">
              {' · '}
              <Link to="/honours" hash="grade-changes" className="kpi-link">
                {t('yoy.gradeUp', { n: prev.gradesUp })} / {t('yoy.gradeDown', { n: prev.gradesDown })}
              </Link>
            </span>
          ) : null}
        </p>
      </div>
      <div className="kpi">
        <h3>{t('kpi.alerts')}</h3>
        <dl className="kpi-pairs compact">
          {ESCALATION.map((l) => (
            <div key={l} title={t('kpi.alertOrgs', { n: o.orgAlerts[l] })}>
              <dt>
                <Link to="/alerts" search={{ level: l }} className={`level-link level-${l}`}>
                  {t(`level.${l}`)}
                </Link>
              </dt>
              <dd>
                <Link to="/alerts" search={{ level: l }} className="kpi-link">
                  {o.alerts[l]}
                </Link>
                {prev?.alerts ? <Change value={o.alerts[l] - prev.alerts[l]} digits={0} better="down" /> : null}
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
                {o.stages[s]}
                {prev?.stages ? <Change value={o.stages[s] - prev.stages[s]} digits={0} better="neither" /> : null}
              </dd>
            </div>
          ))}
        </dl>
      </div>
      {o.demands ? <DemandKpi figures={o.demands} /> : null}
    </div>
  );
});
