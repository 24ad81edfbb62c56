import { useLoadProgress } from '../data/loadProgress';
import { useI18n } from '../i18n';

/** "Loaded 2.4 MB" while the year downloads: on a slow phone link, proof that something is happening. */
export function LoadProgress() {
  const bytes = useLoadProgress();
  const { t } = useI18n();
  if (bytes === undefined) return null;
  const loaded = bytes >= 1e6 ? `${(bytes / 1e6).toFixed(1)} MB` : `${Math.round(bytes / 1e3)} KB`;
  return (
    <p className="load-progress" role="status" data-testid="load-progress">
      <span className="load-progress-bar" aria-hidden="true" />
      {t('load.progressBytes', { loaded })}
    </p>
  );
}
