/**
 * The overview painted from the server's summary (extension GET /v1/summary) while the full year loads in the
 * background: the KPI row, the ranking of the root's children and the root's trend, from the same option builders
 * as the full overview; the other cards keep their skeletons until the year is there and OverviewPage takes over.
 */
import { useMemo } from 'react';
import { ChartCard } from '../../charts/ChartCard';
import { buildRankingOption, buildTrendOption } from '../../charts/options/builders';
import type { Summary } from '../../api/summary';
import { SummaryModel } from '../../data/summaryModel';
import { ESCALATION, STAGES } from '../../engine';
import { useI18n } from '../../i18n';
import { fmtScore } from '../../lib/format';
import { ScoreKpis } from '../../ui/ScoreKpis';
import { LoadProgress } from '../../ui/LoadProgress';
import { Skeleton } from '../../ui/StatusPanel';

export function FirstScreen({ summary }: { summary: Summary }) {
  const { t, local } = useI18n();
  const model = useMemo(() => new SummaryModel(summary), [summary]);
  const root = model.rootId;
  const alerts = model.alertTally(root);
  const stages = model.stageTally(root);
  const ranking = model.rankedGroups();
  const trend = model.rootTrend();
  const groupTier = local(model.tiers[Math.min(1, model.leafTier)].name);
  return (
    <div className="overview first-screen" aria-busy="true">
      <h2 className="visually-hidden">{t('overview.title')}</h2>
      <p className="visually-hidden" role="status">
        {t('load.summaryOnly')}
      </p>
      <LoadProgress />
      <div className="kpi-row">
        <ScoreKpis scores={model.scores(root)} title={t('kpi.districtIndex')} testId="district-index" bandCount={model.gradeBands.length} />
        <div className="kpi">
          <h3>{t('kpi.orgs')}</h3>
          <dl className="kpi-pairs">
            {model.tiers.map((tier, k) => (
              <div key={tier.id}>
                <dt>{local(tier.name)}</dt>
                <dd>{model.tierCount(k)}</dd>
              </div>
            ))}
          </dl>
        </div>
        <div className="kpi">
          <h3>{t('kpi.grades', { tier: local(model.tiers[model.leafTier].name) })}</h3>
          <dl className="kpi-pairs compact">
            {model.leafGradeCounts().map((g) => (
              <div key={g.grade ?? '\u0000none'}>
                <dt>{g.grade ?? t('grade.none')}</dt>
                <dd>{g.count}</dd>
              </div>
            ))}
          </dl>
        </div>
        <div className="kpi">
          <h3>{t('kpi.alerts')}</h3>
          <dl className="kpi-pairs compact">
            {ESCALATION.map((l) => (
              <div key={l}>
                <dt>{t(`level.${l}`)}</dt>
                <dd>{alerts[l]}</dd>
              </div>
            ))}
          </dl>
        </div>
        <div className="kpi">
          <h3>{t('kpi.stages')}</h3>
          <dl className="kpi-pairs compact">
            {STAGES.map((s) => (
              <div key={s}>
                <dt>{t(`stage.${s}`)}</dt>
                <dd>{stages[s]}</dd>
              </div>
            ))}
          </dl>
        </div>
      </div>
      <div className="overview-grid">
        <ChartCard
          className="area-ranking"
          title={t('overview.townRanking', { tier: groupTier })}
          height="100%"
          option={buildRankingOption(ranking, {
            valueLabel: t('col.index'),
            ungradedLabel: t('grade.none'),
            bandCount: model.gradeBands.length,
          })}
          table={{
            columns: [t('col.name'), t('col.index')],
            rows: ranking.map((r) => ({ key: r.id, cells: [r.name, fmtScore(r.value)] })),
          }}
        />
        <ChartCard
          className="area-trend"
          title={t('overview.trend')}
          option={buildTrendOption(trend.dates, trend.series)}
          table={{
            columns: [t('col.date'), trend.series[0].name],
            rows: trend.dates.map((date, k) => ({ key: date, cells: [date, fmtScore(trend.series[0].values[k])] })),
          }}
        />
        {['area-radar', 'area-grades', 'area-heatmap', 'area-funnel', 'area-urgent'].map((area) => (
          <div key={area} className={area}>
            <Skeleton height="100%" label={t('state.loading')} />
          </div>
        ))}
      </div>
    </div>
  );
}
