import { Link } from '@tanstack/react-router';
import { useI18n } from '../i18n';

export function NotFound() {
  const { t } = useI18n();
  return (
    <div className="status-panel">
      <h2>{t('state.noData')}</h2>
      <Link to="/">{t('nav.overview')}</Link>
    </div>
  );
}
