import { defineConfig } from 'vitest/config';

// Tests run against source through the "@flow/source" export condition: no build needed for unit tests.
export default defineConfig({
  resolve: { conditions: ['@flow/source'] },
  ssr: { resolve: { conditions: ['@flow/source'] } },
  test: {
    include: ['packages/*/src/**/*.test.ts', 'apps/*/src/**/*.test.ts', 'examples/*/src/**/*.test.ts', 'examples/*/test/**/*.test.ts'],
    restoreMocks: true,
    testTimeout: 20_000,
    pool: 'threads',
    reporters: ['default', './tools/vitest-summary-reporter.ts'],
  },
});
