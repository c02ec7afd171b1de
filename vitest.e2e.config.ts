import { defineConfig } from 'vitest/config';

// End-to-end tests: a real Chromium with the built extension (.output/chrome-mv3) loaded.
// Run `npm run build` first; `npm test` does.
export default defineConfig({
  test: {
    include: ['tests/e2e/**/*.e2e.test.ts'],
    environment: 'node',
    testTimeout: 60_000,
    hookTimeout: 90_000,
    teardownTimeout: 30_000,
    // One browser at a time: the machine has two cores.
    fileParallelism: false,
  },
});
