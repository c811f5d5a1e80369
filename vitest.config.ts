import { defineConfig } from 'vitest/config';

// Two projects: unit tests sit next to the code; integration tests run every suite on PGlite
// and, when TEST_DATABASE_URL is set, again on the PostgreSQL server.
export default defineConfig({
  test: {
    projects: [
      {
        test: {
          name: 'unit',
          sequence: { groupOrder: 0 },
          include: ['server/**/*.test.ts', 'web/src/**/*.test.ts', 'scripts/**/*.test.ts'],
          environment: 'node',
          testTimeout: 30_000,
        },
      },
      {
        test: {
          name: 'integration',
          // Runs after the unit project, with its own worker count.
          sequence: { groupOrder: 1 },
          include: ['tests/integration/**/*.test.ts', 'tests/exchange/**/*.test.ts'],
          environment: 'node',
          testTimeout: 120_000,
          hookTimeout: 180_000,
          fileParallelism: true,
          maxWorkers: 2,
        },
      },
    ],
  },
});
