import { StrictMode, startTransition } from 'react';
import { createRoot } from 'react-dom/client';
import { loadConfig } from './api/config';
import { markAppStarted } from './api/early';
import { App } from './app/App';
import { createQueryClient } from './app/queryClient';
import { prepareFirstRender } from './app/firstRender';
import { createAppRouter } from './app/router';
import { describeError } from './ui/StatusPanel';
import { yieldToBrowser } from './lib/idle';
import { translator } from './i18n';
import './app/styles.css';
import './app/print.css';

async function start() {
  markAppStarted();
  // each step below in a task of its own, not one long one with the modules' evaluation (a phone's blocking time)
  await yieldToBrowser();
  const root = createRoot(document.getElementById('root')!);
  try {
    const config = await loadConfig();
    if (config.mocks) {
      // the mock backend is only downloaded when config.json asks for it
      const { worker } = await import('../mocks/browser');
      await worker.start({
        onUnhandledRequest: 'bypass',
        quiet: true,
        serviceWorker: { url: `${import.meta.env.BASE_URL}mockServiceWorker.js` },
      });
    }
    const queryClient = createQueryClient();
    const router = createAppRouter();
    await yieldToBrowser();
    await prepareFirstRender(queryClient, config, router);
    // a transition: the first render yields to the browser every few milliseconds instead of one long task
    startTransition(() =>
      root.render(
        <StrictMode>
          <App config={config} queryClient={queryClient} router={router} />
        </StrictMode>,
      ),
    );
  } catch (error) {
    const lang = new URLSearchParams(location.search).get('lang') === 'en' ? 'en' : 'zh';
    const t = translator(lang);
    root.render(
      <div className="status-panel" role="alert">
        <h2>{t('error.title')}</h2>
        <p className="error-text">{describeError(t, error)}</p>
        <button type="button" className="primary" onClick={() => location.reload()}>
          {t('error.retry')}
        </button>
      </div>,
    );
  }
}

void start();
