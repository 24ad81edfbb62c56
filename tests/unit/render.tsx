/** Render the whole app at a URL, against the MSW handlers, as a user would open a link. */
import { createMemoryHistory } from '@tanstack/react-router';
import type { QueryClient } from '@tanstack/react-query';
import { render, waitFor } from '@testing-library/react';
import { expect } from 'vitest';
import { App } from '../../src/app/App';
import { createQueryClient } from '../../src/app/queryClient';
import { createAppRouter, type AppRouter } from '../../src/app/router';

export const TEST_API = 'http://localhost/api';

export const TEST_CONFIG = { apiBaseUrl: TEST_API, mocks: false };

export const testQueryClient = (retries = 0) => createQueryClient({ retries, baseDelayMs: 5 });

export const testRouter = (url: string) => createAppRouter(createMemoryHistory({ initialEntries: [url] }));

export function renderApp(
  url: string,
  {
    retries = 0,
    queryClient = testQueryClient(retries),
    router = testRouter(url),
  }: { retries?: number; queryClient?: QueryClient; router?: AppRouter } = {},
) {
  const history = router.history;
  const utils = render(<App config={TEST_CONFIG} queryClient={queryClient} router={router} />);
  return { ...utils, router, history, queryClient };
}

/** Wait until the dashboard has data (the header's year picker appears). */
export async function waitForData() {
  // the year and date controls are live once meta is there; the data-quality badge waits for the year itself
  await waitFor(() => expect(document.querySelector('.quality-badge:not(:disabled)')).not.toBeNull(), { timeout: 15000 });
}

/** Wait until nothing is loading any more (the trend computes after the first paint). */
export async function waitForSettled() {
  await waitFor(() => expect(document.querySelector('[aria-busy="true"]')).toBeNull(), { timeout: 15000 });
}
