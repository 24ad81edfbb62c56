import { useI18n } from '../../i18n';
import { Skeleton } from '../../ui/StatusPanel';

/** The overview grid's areas, in its order. */
export const OVERVIEW_AREAS = ['ranking', 'radar', 'grades', 'trend', 'heatmap', 'funnel', 'urgent'];

/**
 * A skeleton card in each area of the overview grid from the `from`-th on: the page fills in where they stand
 * instead of jumping.
 */
export function OverviewGridSkeleton({ from = 0 }: { from?: number }) {
  const { t } = useI18n();
  return (
    <>
      {OVERVIEW_AREAS.slice(from).map((area) => (
        <div key={area} className={`card area-${area}`}>
          <Skeleton height="100%" label={t('state.loading')} />
        </div>
      ))}
    </>
  );
}
