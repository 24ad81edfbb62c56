import { Link, useLocation } from '@tanstack/react-router';
import { useI18n } from '../i18n';
import { truncateText } from '../lib/format';

/** An address no route knows: say so (it is not a "no data" case) and offer the way home. */
export function NotFound() {
  const { t } = useI18n();
  const pathname = useLocation({ select: (l) => l.pathname });
  return (
    <div className="status-panel not-found">
      <h2>{t('robust.notFound')}</h2>
      <p className="muted">{t('robust.notFoundBody', { path: truncateText(pathname, 120) })}</p>
      <Link to="/" className="button-link primary">
        {t('robust.home')}
      </Link>
    </div>
  );
}
