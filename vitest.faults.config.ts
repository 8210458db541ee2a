// Vitest settings for the fault-injection suite (npm run test:faults): the real server, SIGKILLed 50 times.
import { defineConfig } from 'vitest/config';

export default defineConfig({
  test: {
    include: ['test/faults/**/*.test.ts'],
    // One file, one sequence at a time: each runs real server processes on a 2-core machine.
    fileParallelism: false,
    testTimeout: 120_000,
    hookTimeout: 120_000,
  },
});
