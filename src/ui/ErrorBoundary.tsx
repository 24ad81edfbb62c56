import { Component, type ErrorInfo, type ReactNode } from 'react';
import { useI18n } from '../i18n';
import { describeError } from './StatusPanel';

interface BoundaryProps {
  /** When it changes (another page, another year), a caught error is forgotten and the children render again. */
  resetKey: string;
  fallback: (error: unknown, reset: () => void) => ReactNode;
  children: ReactNode;
}

/**
 * Catches what a view throws while rendering, so the rest of the app (header,
 * navigation, language) stays usable and the failure is said in its language.
 */
export class ErrorBoundary extends Component<BoundaryProps, { error: unknown; key: string }> {
  state = { error: undefined as unknown, key: this.props.resetKey };

  static getDerivedStateFromError(error: unknown) {
    return { error: error ?? new Error('unknown') };
  }

  static getDerivedStateFromProps(props: BoundaryProps, state: { error: unknown; key: string }) {
    return props.resetKey !== state.key ? { error: undefined, key: props.resetKey } : null;
  }

  componentDidCatch(error: unknown, info: ErrorInfo) {
    // the console keeps the stack for whoever debugs; the page shows the message only
    console.error('A view failed to render', error, info.componentStack);
  }

  reset = () => this.setState({ error: undefined });

  render() {
    return this.state.error !== undefined ? this.props.fallback(this.state.error, this.reset) : this.props.children;
  }
}

/** What a failed view says: which page failed, the error's message (clipped), retry and reload. */
export function ViewError({ error, onRetry }: { error: unknown; onRetry: () => void }) {
  const { t } = useI18n();
  return (
    <div className="status-panel view-error" role="alert">
      <h2>{t('robust.viewFailed')}</h2>
      <p>{t('robust.viewFailedBody')}</p>
      <p className="error-text">
        <code>{describeError(t, error)}</code>
      </p>
      <div className="status-actions">
        <button type="button" className="primary" onClick={onRetry}>
          {t('error.retry')}
        </button>
        <button type="button" onClick={() => window.location.reload()}>
          {t('robust.reload')}
        </button>
      </div>
    </div>
  );
}
