import type { OrgScores } from '../engine';
import { useI18n } from '../i18n';
import { GradeBadge } from './badges';
import { Change } from './Change';
import { TermHelp } from './TermHelp';

const diff = (now: number | undefined, prev: number | undefined) => (now !== undefined && prev !== undefined ? now - prev : undefined);

/**
 * The index with its grade, and own vs subordinate index: the first two cards
 * of every KPI row. With `prev` (the same organisation on the same day of the
 * comparison year, methodology §13) each figure shows its change.
 */
export function ScoreKpis({
  scores,
  title,
  testId,
  bandCount,
  prev,
  prevYear,
}: {
  scores: OrgScores;
  title: string;
  testId: string;
  bandCount: number;
  prev?: OrgScores;
  prevYear?: number;
}) {
  const { t, score } = useI18n();
  const compared = prevYear !== undefined;
  const vs = compared ? t('yoy.vs', { year: prevYear }) : '';
  return (
    <>
      <div className="kpi kpi-main">
        <h3>{title}</h3>
        <p className="kpi-value" data-testid={testId}>
          {score(scores.index)}
        </p>
        <GradeBadge grade={scores.grade} gradeIndex={scores.gradeIndex} bandCount={bandCount} noData={scores.index === undefined} />
        {compared ? (
          <span className="kpi-change" data-testid={`${testId}-change`} title={vs}>
            <Change value={diff(scores.index, prev?.index)} /> <span className="visually-hidden">{vs}</span>
          </span>
        ) : null}
      </div>
      <div className="kpi">
        <div className="kpi-head">
          <h3>
            {t('kpi.own')} / {t('kpi.sub')}
          </h3>
          <TermHelp term={`${t('kpi.own')} / ${t('kpi.sub')}`} text={t('term.ownSub')} />
        </div>
        <dl className="kpi-pairs">
          <div>
            <dt>{t('kpi.own')}</dt>
            <dd>
              {score(scores.own)}
              {compared ? <Change value={diff(scores.own, prev?.own)} /> : null}
            </dd>
          </div>
          <div>
            <dt>{t('kpi.sub')}</dt>
            <dd>
              {score(scores.sub)}
              {compared ? <Change value={diff(scores.sub, prev?.sub)} /> : null}
            </dd>
          </div>
        </dl>
      </div>
    </>
  );
}
