import { Link } from '@tanstack/react-router';
import type { DemandKpiFigures } from '../data/summary';
import { useI18n } from '../i18n';
import './demandKpi.css';

/**
 * The overview's compact demand card (§12 at the as-of date): reported, open
 * (not resolved) and overdue (past the resolution time) over the root's
 * subtree, linking to /demands.
 */
export function DemandKpi({ figures: x }: { figures: DemandKpiFigures }) {
  const { t } = useI18n();
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
          <dd>{x.open}</dd>
        </div>
        <div>
          <dt>{t('demands.kpiOverdue')}</dt>
          <dd>{x.overdue}</dd>
        </div>
      </dl>
    </div>
  );
}
