import { defineConfig } from 'vitest/config';

export default defineConfig({
  test: {
    // Two workers on CI's two cores: the unit files run two at a time (then the e2e files, one at a
    // time: each drives one Chromium). Vitest's default there is one worker (cores − 1), and the whole
    // run was serial: 25 of CI's 30 minutes.
    maxWorkers: 2,
    projects: [
      {
        test: {
          name: 'unit',
          environment: 'node',
          include: ['shared/**/*.test.ts', 'electron/**/*.test.ts', 'renderer/**/*.test.ts', 'test/unit/**/*.test.ts'],
          testTimeout: 60_000,
        },
      },
      {
        test: {
          name: 'e2e',
          environment: 'node',
          include: ['test/e2e/**/*.test.ts'],
          testTimeout: 120_000,
          hookTimeout: 120_000,
          fileParallelism: false,
        },
      },
    ],
  },
});
