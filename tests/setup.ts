import '@testing-library/jest-dom/vitest';
import 'vitest-canvas-mock';
import { cleanup, configure } from '@testing-library/react';
import { afterAll, afterEach, beforeAll } from 'vitest';
import { server } from '../mocks/node';
// ECharts is a lazy chunk in the app (src/charts/Chart.tsx); load it before the tests as a browser would have it
// cached, so a test's findBy does not also wait for the first transform of ECharts' sources
import '../src/charts/EChartsView';

// findBy and waitFor give up after 5 s, not Testing Library's 1 s: on CI's two busy cores one role query over a
// whole page (a town's 184 children) took long enough that 1 s allowed a single try, and a page that was there a
// moment later failed the test. A passing query returns as soon as it matches, so this costs passing tests nothing.
configure({ asyncUtilTimeout: 5000 });

// No layout engine here: give every element a size so charts initialise as in a browser
// (node-environment tests — lint, server — have no DOM at all).
if (typeof HTMLElement !== 'undefined') {
  Object.defineProperty(HTMLElement.prototype, 'clientWidth', { configurable: true, get: () => 800 });
  Object.defineProperty(HTMLElement.prototype, 'clientHeight', { configurable: true, get: () => 400 });
}

// MSW: the same handlers as the browser worker; any request they do not know fails the test.
beforeAll(() => server.listen({ onUnhandledRequest: 'error' }));
afterEach(() => {
  cleanup();
  server.resetHandlers();
});
afterAll(() => server.close());

// a console.error or console.warn in a test is a bug
import './consoleTrap';
