import { HttpError, NetworkError, PayloadError, SessionEndedError, TimeoutError } from '../api/errors';
import { useI18n, type Translate } from '../i18n';
import { truncateText } from '../lib/format';
import { NoAccess } from './scope';

/** How much of a server's or an exception's message is shown: enough to identify it, never a page of it. */
export const MESSAGE_MAX_CHARS = 300;

export function describeError(t: Translate, error: unknown): string {
  // a server may answer a 200 KB message: show its start and say how long it was
  const clip = (text: string) => truncateText(text, MESSAGE_MAX_CHARS, t('robust.truncated', { n: text.length }));
  if (error instanceof PayloadError) return t('error.payload', { resource: error.resource, path: clip(error.message) });
  if (error instanceof HttpError && error.status === 403) return `${t('scope.noAccess')}: ${t('scope.noAccessBody')}`;
  if (error instanceof HttpError) return t('error.http', { resource: error.resource, status: error.status, message: clip(error.message) });
  if (error instanceof TimeoutError) return t('error.timeout', { resource: error.resource, seconds: Math.round(error.timeoutMs / 1000) });
  if (error instanceof NetworkError) {
    // the API layer's message names the resource too: the sentence around it already does
    const prefix = `${error.resource}: `;
    const detail = error.message.startsWith(prefix) ? error.message.slice(prefix.length) : error.message;
    return t('error.network', { resource: error.resource, message: clip(detail) });
  }
  return t('error.other', { message: clip(error instanceof Error ? error.message : String(error)) });
}

export function ErrorPanel({ error, onRetry }: { error: unknown; onRetry: () => void }) {
  const { t } = useI18n();
  if (error instanceof SessionEndedError) {
    return (
      <div className="status-panel" role="alert">
        <h2>{t('session.title')}</h2>
        <p>{t('session.body')}</p>
        <button type="button" className="primary" onClick={() => window.location.reload()}>
          {t('session.reload')}
        </button>
      </div>
    );
  }
  // outside the session's scope: retrying will not help, so no error panel
  if (error instanceof HttpError && error.status === 403) return <NoAccess />;
  return (
    <div className="status-panel" role="alert">
      <h2>{t('error.title')}</h2>
      <p className="error-text">{describeError(t, error)}</p>
      <button type="button" className="primary" onClick={onRetry}>
        {t('error.retry')}
      </button>
    </div>
  );
}

/** Placeholder blocks with the final layout's size, so nothing jumps when data arrives. */
export function Skeleton({ height, label }: { height: number | string; label?: string }) {
  // a name needs a role to carry it (axe: aria-label is prohibited on a generic div): a labelled one is a status
  return <div className="skeleton" style={{ height }} role={label ? 'status' : undefined} aria-busy="true" aria-label={label} />;
}
