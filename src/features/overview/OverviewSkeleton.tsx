import { useI18n } from '../../i18n';
import { Skeleton } from '../../ui/StatusPanel';

/** The overview grid's areas, in its order. */
const OVERVIEW_AREAS = ['ranking', 'radar', 'grades', 'trend', 'heatmap', 'funnel', 'urgent'];

/** A skeleton card in each area of the overview grid: the page fills in where they stand instead of jumping. */
export function OverviewGridSkeleton() {
  const { t } = useI18n();
  return (
    <>
      {OVERVIEW_AREAS.map((area) => (
        <div key={area} className={`card area-${area}`}>
          <Skeleton height="100%" label={t('state.loading')} />
        </div>
      ))}
    </>
  );
}
