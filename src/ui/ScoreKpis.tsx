import type { OrgScores } from '../engine';
import { useI18n } from '../i18n';
import { GradeBadge } from './badges';

/** The index with its grade, and own vs subordinate index: the first two cards of every KPI row. */
export function ScoreKpis({ scores, title, testId, bandCount }: { scores: OrgScores; title: string; testId: string; bandCount: number }) {
  const { t, score } = useI18n();
  return (
    <>
      <div className="kpi kpi-main">
        <h3>{title}</h3>
        <p className="kpi-value" data-testid={testId}>{score(scores.index)}</p>
        <GradeBadge grade={scores.grade} gradeIndex={scores.gradeIndex} bandCount={bandCount} />
      </div>
      <div className="kpi">
        <h3>{t('kpi.own')} / {t('kpi.sub')}</h3>
        <dl className="kpi-pairs">
          <div><dt>{t('kpi.own')}</dt><dd>{score(scores.own)}</dd></div>
          <div><dt>{t('kpi.sub')}</dt><dd>{score(scores.sub)}</dd></div>
        </dl>
      </div>
    </>
  );
}
