import { useMemo } from 'react';
import {
  DemandFunnelCard,
  DemandHeatmapCard,
  DemandOutcomeCard,
  DemandTable,
  DemandTallyList,
  ResponseTimeCard,
} from '../../charts/demandCards';
import { useDashboard } from '../../data/dashboard';
import { demandCsvTable } from '../../data/demands';
import { useI18n } from '../../i18n';
import { downloadText, toCsv } from '../../lib/csv';
import { useDocumentTitle } from '../../ui/useDocumentTitle';
import './demands.css';

/**
 * /demands (需求上报 → 分析研判 → 政策调整, methodology §12) for the top of what
 * the session sees (the district, or the scope organisation): the funnel and
 * outcomes, topic × group, response times, both overdue lists and the policy
 * changes with who raised them; a CSV of every organisation's subtree tallies.
 */
export function DemandsPage() {
  const d = useDashboard();
  const i18n = useI18n();
  const { t, local, lang } = i18n;
  useDocumentTitle(t('nav.demands'), d.meta.district.name);
  const dm = d.demands;
  const root = d.model.rootId;
  const triage = useMemo(() => dm?.overdue(root, 'triage') ?? [], [dm, root]);
  const resolve = useMemo(() => dm?.overdue(root, 'resolve') ?? [], [dm, root]);
  const policies = useMemo(() => dm?.policies(root) ?? [], [dm, root]);
  if (!dm) {
    return (
      <div className="status-panel" role="status">
        <h2>{t('demands.unavailable')}</h2>
      </div>
    );
  }
  const groupTier = local(d.model.groupTier().name);
  const exportCsv = () => {
    // English: the column ids exactly; Chinese: the same columns named in Chinese
    const table = demandCsvTable(dm, (c) => (lang === 'en' ? c : t(`csv.${c}`)));
    downloadText(`demands-${d.year}-${d.asOf}.csv`, toCsv(table.header, table.rows));
  };
  return (
    <div className="demands-page">
      <div className="page-head">
        <h2>{t('demands.title')}</h2>
        <span className="muted">{t('demands.asOf', { date: d.asOf })}</span>
        <button type="button" className="tool no-print" onClick={exportCsv}>
          {t('demands.csv')}
        </button>
      </div>
      <section className="card demand-totals" aria-label={t('demands.kpi')}>
        <DemandTallyList id={root} dm={dm} />
      </section>
      <div className="demands-grid">
        <DemandFunnelCard id={root} dm={dm} />
        <DemandOutcomeCard id={root} dm={dm} />
        <ResponseTimeCard id={root} dm={dm} />
      </div>
      {d.model.hasChildren(root) ? <DemandHeatmapCard id={root} dm={dm} tierName={groupTier} className="demand-heatmap" /> : null}
      <section className="card" aria-labelledby="triage-overdue-title">
        <header className="card-header">
          <h2 id="triage-overdue-title">
            {t('demands.triageOverdue', { n: dm.triageDays })} · {triage.length}
          </h2>
        </header>
        <DemandTable items={triage} caption={t('demands.triageOverdue', { n: dm.triageDays })} kind="overdue" pageSize={20} />
      </section>
      <section className="card" aria-labelledby="resolve-overdue-title">
        <header className="card-header">
          <h2 id="resolve-overdue-title">
            {t('demands.resolveOverdue', { n: dm.resolveDays })} · {resolve.length}
          </h2>
        </header>
        <DemandTable items={resolve} caption={t('demands.resolveOverdue', { n: dm.resolveDays })} kind="overdue" pageSize={20} />
      </section>
      <section className="card" aria-labelledby="policies-title">
        <header className="card-header">
          <h2 id="policies-title">
            {t('demands.policies')} · {policies.length}
          </h2>
        </header>
        <DemandTable items={policies} caption={t('demands.policies')} kind="policy" pageSize={20} />
      </section>
    </div>
  );
}
