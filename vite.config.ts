/// <reference types="vitest/config" />
import { defineConfig, type Plugin } from 'vite';
import react from '@vitejs/plugin-react';

/**
 * Content-Security-Policy of the production build: no inline or eval'd script.
 * Styles allow inline attributes (React and ECharts set element styles).
 * connect-src allows https: so config.json may point at an API on another
 * origin; a deployment can tighten it with its own header.
 */
export const CONTENT_SECURITY_POLICY = [
  "default-src 'self'",
  "script-src 'self'",
  "style-src 'self' 'unsafe-inline'",
  "img-src 'self' data: blob:",
  "font-src 'self'",
  "connect-src 'self' https:",
  "worker-src 'self'",
  "object-src 'none'",
  "base-uri 'self'",
  "form-action 'self'",
].join('; ');

function contentSecurityPolicy(): Plugin {
  return {
    name: 'content-security-policy',
    apply: 'build', // the dev server injects inline scripts (React refresh)
    transformIndexHtml: (html) =>
      html.replace(
        '<meta charset="UTF-8" />',
        `<meta charset="UTF-8" />\n    <meta http-equiv="Content-Security-Policy" content="${CONTENT_SECURITY_POLICY}" />`,
      ),
  };
}

/** Tests of pure functions: they run in plain Node (see the `logic` project below). */
const LOGIC_TESTS = [
  'src/engine/**/*.test.ts',
  'src/lib/**/*.test.ts',
  'src/charts/options/**/*.test.ts',
  'src/data/prepareYear.test.ts',
  'src/api/{prototype,validate}.test.ts',
  'mocks/data/**/*.test.ts',
  'tests/{lint,fuzz}/**/*.test.ts',
  'tests/unit/{analyst-data,urgentPositions}.test.ts',
];

export default defineConfig({
  plugins: [react(), contentSecurityPolicy()],
  build: {
    target: 'es2022',
    chunkSizeWarningLimit: 1200,
  },
  test: {
    css: false,
    testTimeout: 20000,
    projects: [
      {
        extends: true,
        test: {
          name: 'app',
          environment: 'happy-dom',
          setupFiles: ['tests/setup.ts'],
          include: ['src/**/*.test.{ts,tsx}', 'mocks/**/*.test.ts', 'tests/{unit,lint,fuzz}/**/*.test.{ts,tsx}'],
          exclude: LOGIC_TESTS,
        },
      },
      // the engine, the data layer's pure functions and the chart options: no DOM, no MSW, no ECharts to preload
      // (a DOM and that setup cost each test file about a second and a half, more than most of these run)
      { extends: true, test: { name: 'logic', environment: 'node', setupFiles: ['tests/consoleTrap.ts'], include: LOGIC_TESTS } },
      // the deployment server over real sockets: plain Node, no DOM, and no MSW (it would intercept the requests)
      { extends: true, test: { name: 'server', environment: 'node', include: ['tests/server/**/*.test.ts'] } },
    ],
  },
});
