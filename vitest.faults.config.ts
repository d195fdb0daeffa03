import { defineConfig } from 'vitest/config';

/** The fault suite: real processes killed, fuzzed files, floods; one file at a time, bounded in count and time. */
export default defineConfig({
  test: {
    name: 'faults',
    environment: 'node',
    // The four-eyes paths and the /admin Origin check run here too, beside the route walk.
    include: [
      'faults/**/*.fault.ts',
      'server/services/credit/fourEyes.test.ts',
      'server/realtime/adminOrigin.test.ts',
    ],
    fileParallelism: false,
    testTimeout: 180_000,
    hookTimeout: 120_000,
  },
});
