import { useRouter, type ErrorComponentProps } from '@tanstack/react-router';
import { useI18n } from '../i18n';
import { ViewError } from '../ui/ErrorBoundary';
import { describeError } from '../ui/StatusPanel';

/**
 * A route's view threw: rendered in the layout's outlet, so the header and
 * navigation stay. Replaces the router's untranslated "Something went wrong!".
 */
export function RouteError({ error, reset }: ErrorComponentProps) {
  const router = useRouter();
  return (
    <ViewError
      error={error}
      onRetry={() => {
        reset();
        void router.invalidate();
      }}
    />
  );
}

/**
 * The layout itself threw (nothing above it to keep): the app's title and the
 * message in the URL's language, and a reload.
 */
export function RootError({ error }: ErrorComponentProps) {
  const { t } = useI18n();
  return (
    <div className="app">
      <main id="main" className="status-panel" role="alert">
        <h1>{t('robust.appFailed')}</h1>
        <p className="error-text">
          <code>{describeError(t, error)}</code>
        </p>
        <button type="button" className="primary" onClick={() => window.location.reload()}>
          {t('robust.reload')}
        </button>
      </main>
    </div>
  );
}
