import preact from '@preact/preset-vite';
import { defineConfig } from 'vitest/config';
import { WxtVitest } from 'wxt/testing/vitest-plugin';
import { bundledAliases } from './lib/knowledge/bundled-aliases.vite';

export default defineConfig({
  plugins: [WxtVitest(), preact(), bundledAliases()],
  test: {
    include: [
      'lib/**/*.test.ts',
      'components/**/*.test.{ts,tsx}',
      'entrypoints/**/*.test.{ts,tsx}',
      'tests/corpus/**/*.test.ts',
      'scripts/**/*.test.ts',
    ],
    environment: 'node',
    // Property and fuzz tests run hundreds of cases: seconds on a busy shared machine. The runner's
    // default of 5 s per test is a machine's speed, not a contract; a hang still fails.
    testTimeout: 60_000,
    // The fake browser answers i18n.getMessage from public/_locales/en/messages.json.
    setupFiles: ['tests/setup/i18n.ts'],
  },
});
