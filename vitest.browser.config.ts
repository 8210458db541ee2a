// Vitest settings for the browser suite (`npm run test:browser`): Debian's Chromium driven by
// playwright-core against the real server. Chromium is installed by the suite itself when missing.
import { defineConfig } from 'vitest/config';

export default defineConfig({
  test: {
    include: ['test/browser/**/*.test.ts'],
    testTimeout: 60_000,
    hookTimeout: 300_000, // the first run may apt-get install chromium
    fileParallelism: false,
  },
});
