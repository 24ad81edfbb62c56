import { Link, useParams } from '@tanstack/react-router';
import { useCallback, useMemo, useState, type ReactNode } from 'react';
import { RadarCard, RankingCard } from '../../charts/cards';
import { EagerCharts } from '../../charts/Chart';
import { DemandTable, DemandTallyList } from '../../charts/demandCards';
import { rankedItems } from '../../data/chartInputs';
import { useDashboard, type Dashboard } from '../../data/dashboard';
import { ALERT_LEVELS, type AssignmentState } from '../../engine';
import { useI18n, type I18n } from '../../i18n';
import { fmtDate, fmtInstant, fmtIsoDate, fmtScore } from '../../lib/format';
import { LevelBadge } from '../../ui/badges';
import { NoAccess } from '../../ui/scope';
import { ScoreKpis } from '../../ui/ScoreKpis';
import { useDocumentTitle } from '../../ui/useDocumentTitle';
import './brief.css';

/** Rows a sheet's table shows before "and N more": the briefing is laid out on fixed A4 sheets, so nothing is cut. */
const LATE_ROWS = 12;
const DEMAND_ROWS = 12;
const POLICY_ROWS = 8;
/** Children charted: all up to this many, else the best and the weakest half of it each. */
const RANKED_CHILDREN = 20;

/**
 * 简报: an organisation on A4 sheets (its KPIs, radar, children ranking, late
 * items, demands), dated, with the as-of date and the data time in every
 * sheet's footer; printed to PDF through the browser (window.print()). Each
 * sheet is exactly one printed page, so no card or chart is split.
 */
export function BriefPage() {
  const { orgId } = useParams({ from: '/org/$orgId/brief' });
  const d = useDashboard();
  const i18n = useI18n();
  const known = d.model.has(orgId);
  useDocumentTitle(known ? i18n.t('brief.title', { name: d.model.org(orgId).name }) : orgId, d.meta.district.name);
  if (!known) {
    return d.meta.scope ? (
      <NoAccess />
    ) : (
      <div className="status-panel" role="alert">
        <h2>{i18n.t('org.notFound', { id: orgId })}</h2>
      </div>
    );
  }
  return (
    <EagerCharts.Provider value={true}>
      <Brief key={orgId} d={d} id={orgId} i18n={i18n} />
    </EagerCharts.Provider>
  );
}

function Brief({ d, id, i18n }: { d: Dashboard; id: string; i18n: I18n }) {
  const { t, local, lang } = i18n;
  const { model } = d;
  const s = model.scores(id);
  const parent = model.parentOf(id);
  const tier = model.tierName(s.org.tier);
  const radarIds = useMemo(() => (parent ? [id, parent.id] : [id]), [id, parent]);
  const kids = model.children(id);
  const ranked = useMemo(() => rankedItems(model, kids).map((r) => r.id), [model, kids]);
  // past RANKED_CHILDREN, the best and the weakest as two charts: one chart ran from the 10th straight to the
  // 175th with nothing to show the 164 between
  const charted = useMemo(
    () =>
      ranked.length <= RANKED_CHILDREN
        ? [{ ids: ranked, title: t('org.childrenRanking') }]
        : [
            { ids: ranked.slice(0, RANKED_CHILDREN / 2), title: t('brief.rankingTop', { n: RANKED_CHILDREN / 2, of: ranked.length }) },
            { ids: ranked.slice(-RANKED_CHILDREN / 2), title: t('brief.rankingBottom', { n: RANKED_CHILDREN / 2, of: ranked.length }) },
          ],
    [ranked, t],
  );
  const late = useMemo(
    () =>
      model
        .assignments(id)
        .filter((a) => a.stage !== 'exempt' && a.alert !== 'none')
        .sort((a, b) => ALERT_LEVELS.indexOf(b.alert) - ALERT_LEVELS.indexOf(a.alert) || b.overdueDays - a.overdueDays),
    [model, id],
  );
  const lateKids = useMemo(
    () =>
      kids
        .map((k) => model.scores(k))
        .filter((k) => k.ownAlert !== 'none')
        .sort((a, b) => ALERT_LEVELS.indexOf(b.ownAlert) - ALERT_LEVELS.indexOf(a.ownAlert)),
    [model, kids],
  );
  const dm = d.demands;
  const overdue = useMemo(() => dm?.overdue(id, 'resolve') ?? [], [dm, id]);
  const policies = useMemo(() => dm?.policies(id) ?? [], [dm, id]);
  const [printed] = useState(() => new Date());
  // every day in the briefing reads one way: as the header writes the data time (fmtInstant), date part alone
  const day = useCallback((iso: string) => fmtIsoDate(iso, lang), [lang]);
  const footer = t('brief.footer', {
    asOf: day(d.asOf),
    generated: fmtInstant(d.meta.generatedAt, lang),
    printed: fmtDate(printed, lang),
  });
  const title = t('brief.title', { name: s.org.name });

  const sheets: ReactNode[] = [
    <>
      <header className="brief-head">
        <h2>{title}</h2>
        <p className="muted">
          {tier ? local(tier.name) : s.org.tier}
          {parent ? ` · ${parent.name}` : ''} · {t('demands.asOf', { date: day(d.asOf) })}
        </p>
      </header>
      <section className="brief-block" aria-label={t('brief.kpis')}>
        <h3>{t('brief.kpis')}</h3>
        <div className="kpi-row brief-kpis">
          <ScoreKpis scores={s} title={t('col.index')} testId="brief-index" bandCount={model.gradeBands.length} />
          <div className="kpi">
            <h3>{t(d.meta.scope ? 'scope.rankTier' : 'kpi.rankTier')}</h3>
            <p className="kpi-value small">
              {s.rankInTier ? t('kpi.ofN', { rank: s.rankInTier, n: model.rankedInTier(s.org.tier) }) : '—'}
            </p>
          </div>
          <div className="kpi">
            <h3>{t('col.alert')}</h3>
            <p className="kpi-value small">
              <LevelBadge level={s.ownAlert} />
            </p>
          </div>
        </div>
      </section>
      <RadarCard title={t('org.radar')} ids={radarIds} height={300} className="brief-chart" />
      {dm ? (
        <section className="brief-block" aria-label={t('demands.orgSection')}>
          <h3>{t('demands.orgSection')}</h3>
          <DemandTallyList id={id} dm={dm} />
        </section>
      ) : null}
    </>,
    <>
      {ranked.length
        ? charted.map((c) => (
            <RankingCard key={c.title} title={c.title} ids={c.ids} height={Math.max(160, c.ids.length * 22 + 20)} className="brief-chart" />
          ))
        : null}
      <section className="brief-block" aria-label={t('brief.late')}>
        <h3>{t('brief.late')}</h3>
        {late.length || lateKids.length ? (
          <>
            <LateTable rows={late.slice(0, LATE_ROWS)} i18n={i18n} day={day} />
            <More n={late.length - LATE_ROWS} />
            {lateKids.length ? (
              <ul className="brief-late-kids">
                {lateKids.slice(0, LATE_ROWS).map((k) => (
                  <li key={k.org.id}>
                    <LevelBadge level={k.ownAlert} /> {k.org.name} · {t('col.index')} {fmtScore(k.index)}
                  </li>
                ))}
              </ul>
            ) : null}
            <More n={lateKids.length - LATE_ROWS} />
          </>
        ) : (
          <p className="empty-state">{t('brief.noLate')}</p>
        )}
      </section>
    </>,
  ];
  if (dm) {
    sheets.push(
      <>
        <section className="brief-block" aria-label={t('demands.resolveOverdue', { n: dm.resolveDays })}>
          <h3>
            {t('demands.resolveOverdue', { n: dm.resolveDays })} · {overdue.length}
          </h3>
          <DemandTable
            items={overdue.slice(0, DEMAND_ROWS)}
            caption={t('demands.resolveOverdue', { n: dm.resolveDays })}
            kind="overdue"
            day={day}
          />
          <More n={overdue.length - DEMAND_ROWS} />
        </section>
        <section className="brief-block" aria-label={t('demands.policies')}>
          <h3>
            {t('demands.policies')} · {policies.length}
          </h3>
          <DemandTable items={policies.slice(0, POLICY_ROWS)} caption={t('demands.policies')} kind="policy" day={day} />
          <More n={policies.length - POLICY_ROWS} />
        </section>
      </>,
    );
  }

  return (
    <div className="brief">
      <div className="brief-tools no-print">
        <Link to="/org/$orgId" params={{ orgId: id }} className="tool-link">
          {t('brief.back')}
        </Link>
        <button type="button" className="primary" onClick={() => window.print()}>
          {t('brief.print')}
        </button>
      </div>
      {sheets.map((content, k) => (
        <article key={k} className="brief-sheet" aria-label={t('brief.page', { n: k + 1 })}>
          <div className="brief-content">{content}</div>
          <footer className="brief-footer">
            <span>{footer}</span>
            <span>
              {t('brief.page', { n: k + 1 })} / {sheets.length}
            </span>
          </footer>
        </article>
      ))}
    </div>
  );
}

function More({ n }: { n: number }) {
  const { t } = useI18n();
  return n > 0 ? <p className="muted brief-more">{t('brief.more', { n })}</p> : null;
}

function LateTable({ rows, i18n, day }: { rows: AssignmentState[]; i18n: I18n; day: (iso: string) => string }) {
  const { t, local } = i18n;
  if (!rows.length) return null;
  return (
    <table className="data-table dense">
      <caption className="visually-hidden">{t('brief.late')}</caption>
      <thead>
        <tr>
          <th scope="col">{t('col.indicator')}</th>
          <th scope="col">{t('col.due')}</th>
          <th scope="col">{t('col.score')}</th>
          <th scope="col">{t('col.alert')}</th>
        </tr>
      </thead>
      <tbody>
        {rows.map((r) => (
          <tr key={r.indicator.id}>
            <th scope="row">{local(r.indicator.name)}</th>
            <td>{day(r.assignment.due)}</td>
            <td>{fmtScore(r.score)}</td>
            <td>
              <LevelBadge level={r.alert} />
            </td>
          </tr>
        ))}
      </tbody>
    </table>
  );
}
