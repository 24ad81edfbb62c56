import { Link } from '@tanstack/react-router';
import { useDashboard } from '../data/dashboard';
import { useI18n } from '../i18n';
import './demandKpi.css';

/**
 * The overview's compact demand card (§12 at the as-of date): reported, open
 * (not resolved) and overdue (past the resolution time) over the root's
 * subtree, linking to /demands. Nothing when the backend has no demands.
 */
export function DemandKpi() {
  const d = useDashboard();
  const { t } = useI18n();
  const dm = d.demands;
  if (!dm) return null;
  const x = dm.tally(d.model.rootId);
  return (
    <div className="kpi demand-kpi" data-testid="demand-kpi">
      <h3>
        <Link to="/demands">{t('demands.kpi')}</Link>
      </h3>
      <dl className="kpi-pairs compact">
        <div>
          <dt>{t('demands.kpiReported')}</dt>
          <dd>{x.reported}</dd>
        </div>
        <div>
          <dt>{t('demands.kpiOpen')}</dt>
          <dd>{x.untriaged + x.analysing}</dd>
        </div>
        <div>
          <dt>{t('demands.kpiOverdue')}</dt>
          <dd>{x.resolveOverdue}</dd>
        </div>
      </dl>
    </div>
  );
}
