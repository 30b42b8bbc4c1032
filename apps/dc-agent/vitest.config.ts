import { defineConfig } from 'vitest/config';

// Until packages/testing provides the shared int globalSetup, the tunnel apps run their own:
// unit tests are pure; int tests need Redis on 127.0.0.1:6379 and the OpenSSH binaries.
export default defineConfig({
  test: {
    projects: [
      {
        test: {
          name: 'agent-unit',
          root: import.meta.dirname,
          include: ['src/**/*.test.ts', 'test/**/*.test.ts'],
          exclude: ['**/*.int.test.ts', '**/node_modules/**'],
        },
      },
      {
        test: {
          name: 'agent-int',
          root: import.meta.dirname,
          include: ['src/**/*.int.test.ts', 'test/**/*.int.test.ts'],
          testTimeout: 30_000,
          hookTimeout: 60_000,
        },
      },
    ],
  },
});
