/**
 * Distance to the next grade (issue 12): the points the organisation lacks,
 * the engine's greedy plan of its own open assignments (which, to what actual
 * value) with its assumptions in words, and for a parent the children whose
 * improvement moves it most.
 */
import { Link } from '@tanstack/react-router';
import { useMemo } from 'react';
import type { Dashboard } from '../../data/dashboard';
import { childLeverViews, nextGradeView } from '../../data/provenance';
import type { I18n } from '../../i18n';
import { fmtScore } from '../../lib/format';
import { OrgLink } from '../../ui/OrgLink';
import { ScrollBox } from './ScrollBox';
import './analyst.css';

const pts = (v: number | undefined) => (v === undefined ? '—' : v.toFixed(2));

export function NextGradePanel({ d, id, i18n }: { d: Dashboard; id: string; i18n: I18n }) {
  const { t, local } = i18n;
  const plan = useMemo(() => nextGradeView(d, id), [d, id]);
  const levers = useMemo(() => (d.model.hasChildren(id) ? childLeverViews(d, id) : []), [d, id]);
  const s = d.model.scores(id);
  return (
    <section className="card analyst-card" aria-labelledby="next-title" data-testid="next-grade">
      <header className="card-header">
        <h2 id="next-title">{t('next.title')}</h2>
        <Link to="/whatif" className="analyst-link">
          {t('whatif.link')}
        </Link>
      </header>
      {s.index === undefined ? (
        <p className="empty-state">{t('next.noIndex')}</p>
      ) : !plan ? (
        <p data-testid="next-summary">{t('next.top', { grade: s.grade ?? '' })}</p>
      ) : (
        <>
          <p data-testid="next-summary">
            {t('next.lacking', {
              index: fmtScore(plan.index),
              grade: plan.grade ?? t('grade.none'),
              next: plan.nextGrade,
              min: plan.nextMin,
              points: pts(plan.lacking),
            })}
          </p>
          {plan.actions.length ? (
            <ScrollBox label={t('next.plan')}>
              <table className="data-table dense plan-table" data-testid="next-actions">
                <caption className="prov-caption">{t('next.plan')}</caption>
                <thead>
                  <tr>
                    <th scope="col">{t('next.step')}</th>
                    <th scope="col">{t('col.indicator')}</th>
                    <th scope="col" className="align-right">
                      {t('col.target')}
                    </th>
                    <th scope="col" className="align-right">
                      {t('col.actual')}
                    </th>
                    <th scope="col" className="align-right">
                      {t('next.newActual')}
                    </th>
                    <th scope="col" className="align-right">
                      {t('next.scoreChange')}
                    </th>
                    <th scope="col" className="align-right">
                      {t('next.gain')}
                    </th>
                    <th scope="col" className="align-right">
                      {t('next.indexAfter')}
                    </th>
                  </tr>
                </thead>
                <tbody>
                  {plan.actions.map((a, k) => (
                    <tr key={a.indicator.id}>
                      <td>{k + 1}</td>
                      <th scope="row">
                        <span title={a.indicator.id}>{local(a.indicator.name)}</span>
                      </th>
                      <td className="align-right">{i18n.num(a.target)}</td>
                      <td className="align-right">{i18n.num(a.actual)}</td>
                      <td className="align-right">{i18n.num(a.newActual)}</td>
                      <td className="align-right score-change">
                        {fmtScore(a.score)} → {fmtScore(a.newScore)}
                      </td>
                      <td className="align-right">+{pts(a.points)}</td>
                      <td className="align-right">{pts(a.indexAfter)}</td>
                    </tr>
                  ))}
                </tbody>
              </table>
            </ScrollBox>
          ) : (
            <p className="muted">{t(plan.ownShare === 0 ? 'next.noOwnWeight' : 'next.noActions')}</p>
          )}
          <p data-testid="next-outcome">
            {plan.reachable
              ? t('next.reachable', { reached: pts(plan.reachedIndex), next: plan.nextGrade })
              : t('next.unreachable', { reached: pts(plan.reachedIndex), next: plan.nextGrade })}
          </p>
          <p className="muted analyst-note">{t('next.assumptions')}</p>
        </>
      )}
      {levers.length ? (
        <div className="prov-level">
          <h3>{t('lever.title')}</h3>
          <p className="muted analyst-note">{t('lever.intro')}</p>
          <ScrollBox label={t('lever.title')}>
            <table className="data-table dense" data-testid="child-levers">
              <caption className="visually-hidden">{t('lever.title')}</caption>
              <thead>
                <tr>
                  <th scope="col">{t('col.name')}</th>
                  <th scope="col" className="align-right">
                    {t('col.index')}
                  </th>
                  <th scope="col" className="align-right">
                    {t('lever.leverage')}
                  </th>
                  <th scope="col" className="align-right">
                    {t('lever.lacking')}
                  </th>
                  <th scope="col" className="align-right">
                    {t('lever.gainAtNext')}
                  </th>
                  <th scope="col" className="align-right">
                    {t('lever.potential')}
                  </th>
                </tr>
              </thead>
              <tbody>
                {levers.map((c) => (
                  <tr key={c.id}>
                    <th scope="row">
                      <OrgLink id={c.id}>{c.name}</OrgLink>
                    </th>
                    <td className="align-right">{fmtScore(c.index)}</td>
                    <td className="align-right">{c.leverage.toFixed(3)}</td>
                    <td className="align-right">{pts(c.lacking)}</td>
                    <td className="align-right">{c.gainAtNextBand === undefined ? '—' : `+${pts(c.gainAtNextBand)}`}</td>
                    <td className="align-right">+{pts(c.potential)}</td>
                  </tr>
                ))}
              </tbody>
            </table>
          </ScrollBox>
        </div>
      ) : null}
    </section>
  );
}
