import '@testing-library/jest-dom/vitest';
import 'vitest-canvas-mock';
import { cleanup } from '@testing-library/react';
import { afterAll, afterEach, beforeAll, beforeEach } from 'vitest';
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

// epic-stack habit: a console.error or console.warn in a test is a bug (act, key and React warnings included).
const failures: string[] = [];
const original = { error: console.error, warn: console.warn };
beforeEach(() => {
  failures.length = 0;
  console.error = (...args: unknown[]) => {
    failures.push(`console.error: ${args.map(String).join(' ')}`);
    original.error(...args);
  };
  console.warn = (...args: unknown[]) => {
    failures.push(`console.warn: ${args.map(String).join(' ')}`);
    original.warn(...args);
  };
});
afterEach(() => {
  console.error = original.error;
  console.warn = original.warn;
  if (failures.length) throw new Error(`Test wrote to the console:\n${failures.join('\n')}`);
});
