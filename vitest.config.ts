// Vitest settings for the Node test suites (the workerd suites have their own config).
import { defineConfig } from 'vitest/config';

export default defineConfig({
  test: {
    include: ['test/**/*.test.ts', 'test/**/*.test.tsx'],
    // The browser and fault-injection suites have their own configs and scripts
    // (npm run test:browser, npm run test:faults).
    exclude: ['test/browser/**', 'test/faults/**', '**/node_modules/**'],
    // Most files spend their time waiting on child processes (workerd, wrangler, the CLI, a server),
    // not on this process: four at once keep a 2-core machine busy (measured: test/worker 113 s -> 68 s).
    maxWorkers: 4,
    // Timeouts only catch hangs (no test asserts time): generous, because with four files at once a
    // test that starts workerd twice (test/worker/edge-cache) can wait its turn for the CPU.
    testTimeout: 120_000,
    hookTimeout: 180_000,
  },
});
