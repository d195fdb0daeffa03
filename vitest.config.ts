import react from '@vitejs/plugin-react';
import { defineConfig } from 'vitest/config';

/** Unit and integration tests: node for core and server, jsdom for the React apps. */
export default defineConfig({
  plugins: [react()],
  test: {
    projects: [
      {
        extends: true,
        test: {
          name: 'node',
          environment: 'node',
          include: ['core/**/*.test.ts', 'server/**/*.test.ts', 'bench/**/*.test.ts'],
          testTimeout: 20_000,
          hookTimeout: 30_000,
        },
      },
      {
        extends: true,
        test: {
          name: 'jsdom',
          environment: 'jsdom',
          include: ['player/**/*.test.{ts,tsx}', 'admin/**/*.test.{ts,tsx}'],
          setupFiles: ['fake-indexeddb/auto'],
          // React renders of a week view take a few seconds on a loaded 2-core machine.
          testTimeout: 15_000,
        },
      },
    ],
  },
});
