import '@testing-library/jest-dom/vitest';
import 'vitest-canvas-mock';
import { cleanup } from '@testing-library/react';
import { afterAll, afterEach, beforeAll } from 'vitest';
import { server } from '../mocks/node';
// ECharts is a lazy chunk in the app (src/charts/Chart.tsx); load it before the tests as a browser would have it
// cached, so a test's 1 s findBy does not also wait for the first transform of ECharts' sources
import '../src/charts/EChartsView';

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
