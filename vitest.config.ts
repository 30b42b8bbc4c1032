import { defineConfig } from 'vitest/config';

// Projects: unit (pure, fast), int (real PostgreSQL + Redis), differential (the simulator
// against real Zed) and e2e (real Chromium); `npm test` runs them in that order.
export default defineConfig({
  test: {
    projects: [
      {
        test: {
          name: 'unit',
          include: ['packages/**/*.test.ts', 'apps/**/*.test.ts'],
          exclude: ['**/*.int.test.ts', '**/node_modules/**', '**/.next/**'],
          // Some unit files start the simulator in-process; on a loaded 2-core machine that
          // alone took over vitest's default 5 s (CI saw two such time-outs). A guard, not a goal.
          testTimeout: 20_000,
        },
      },
      {
        test: {
          name: 'int',
          include: ['packages/**/*.int.test.ts', 'apps/**/*.int.test.ts'],
          exclude: ['**/node_modules/**'],
          globalSetup: ['packages/testing/src/global-setup.ts'],
          testTimeout: 30_000,
          hookTimeout: 60_000,
        },
      },
      {
        // The simulator against real Zed (ADR 0115), in `npm test` after int: one file, about
        // five minutes, mostly Zed's fake boots (npm run test:differential alone).
        test: {
          name: 'differential',
          include: ['packages/**/*.diff.ts'],
          globalSetup: ['packages/testing/src/global-setup.ts'],
          testTimeout: 30_000,
          hookTimeout: 60_000,
        },
      },
      {
        test: {
          name: 'e2e',
          include: ['apps/web/e2e/**/*.e2e.ts'],
          globalSetup: ['packages/testing/src/global-setup.ts'],
          fileParallelism: false,
          testTimeout: 120_000,
          hookTimeout: 240_000,
        },
      },
    ],
  },
});
