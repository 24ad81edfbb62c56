import { useEffect, useRef } from 'react';
import { onLoadProgress, useLoading } from '../data/loadProgress';
import { useI18n } from '../i18n';

const size = (bytes: number) => (bytes >= 1e6 ? `${(bytes / 1e6).toFixed(1)} MB` : `${Math.round(bytes / 1e3)} KB`);

/**
 * "Loaded 2.4 MB" while the year downloads: on a slow phone link, proof that something is happening. The count is
 * written into the text directly as bytes arrive; React renders the note only when a load starts and ends.
 */
export function LoadProgress() {
  const loading = useLoading();
  const { t } = useI18n();
  const text = useRef<HTMLSpanElement>(null);
  useEffect(
    () =>
      loading
        ? onLoadProgress((bytes) => {
            if (text.current && bytes !== undefined) text.current.textContent = t('load.progressBytes', { loaded: size(bytes) });
          })
        : undefined,
    [loading, t],
  );
  if (!loading) return null;
  return (
    <p className="load-progress" role="status" data-testid="load-progress">
      <span className="load-progress-bar" aria-hidden="true" />
      <span ref={text}>{t('load.progressBytes', { loaded: size(0) })}</span>
    </p>
  );
}
