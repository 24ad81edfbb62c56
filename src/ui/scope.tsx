import { Link } from '@tanstack/react-router';
import { useI18n } from '../i18n';

/**
 * A link or resource outside the session's scope (an old link to another
 * town, an API 403): said plainly, with the way back to the session's own
 * organisation — not an error panel, since retrying will not help.
 */
export function NoAccess() {
  const { t } = useI18n();
  return (
    <div className="status-panel no-access" role="alert" data-testid="no-access">
      <h2>{t('scope.noAccess')}</h2>
      <p>{t('scope.noAccessBody')}</p>
      <Link to="/" className="primary-link">
        {t('scope.backHome')}
      </Link>
    </div>
  );
}

/** One click to the organisation's printable briefing (简报). */
export function BriefLink({ id }: { id: string }) {
  const { t } = useI18n();
  return (
    <Link to="/org/$orgId/brief" params={{ orgId: id }} className="tool-link no-print brief-link">
      {t('brief.link')}
    </Link>
  );
}
