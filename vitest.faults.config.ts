import { defineConfig } from 'vitest/config';

/** The fault suite: real processes killed, fuzzed files, floods; one file at a time, bounded in count and time. */
export default defineConfig({
  test: {
    name: 'faults',
    environment: 'node',
    include: ['faults/**/*.fault.ts'],
    fileParallelism: false,
    testTimeout: 180_000,
    hookTimeout: 120_000,
  },
});
