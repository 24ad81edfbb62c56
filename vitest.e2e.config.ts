import { defineConfig } from 'vitest/config';

/** End-to-end tests: Node drives Debian's Chromium against the production build (`npm run test:e2e`). */
export default defineConfig({
  test: {
    environment: 'node',
    include: ['tests/e2e/**/*.e2e.ts'],
    testTimeout: 60_000,
    hookTimeout: 120_000,
    fileParallelism: false,
    // a browser on a busy 2-core machine: give polled expectations time (they return as soon as they pass)
    expect: { poll: { timeout: 20_000, interval: 100 } },
    pool: 'forks',
  },
});
