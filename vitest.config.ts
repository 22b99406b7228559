import { defineConfig } from 'vitest/config';

// One Vitest project per part, so `vitest run --project engine` runs one part's tests.
const parts = [
  'platform',
  'engine',
  'forms',
  'connectors',
  'agencies',
  'server',
  'process-library',
  'docker',
  'bench',
];

// Browser tests need Chromium and the built web apps: only `npm run test:e2e` runs them.
const e2e = process.env.BALCAO_E2E === '1';
// Fault tests (killed nodes, agency outages, a lost database) take minutes: only `npm run test:chaos`.
const chaos = process.env.BALCAO_CHAOS === '1';

export default defineConfig({
  test: {
    projects: [
      ...parts.map((name) => ({
        test: {
          name,
          root: name,
          include: ['**/*.test.ts'],
          exclude: ['**/node_modules/**', '**/dist/**'],
          testTimeout: 30_000,
          hookTimeout: 60_000,
        },
      })),
      ...(e2e
        ? [
            {
              test: {
                name: 'e2e',
                root: 'e2e',
                include: ['**/*.test.ts'],
                exclude: ['**/node_modules/**'],
                testTimeout: 240_000,
                hookTimeout: 180_000,
                fileParallelism: false,
              },
            },
          ]
        : []),
      ...(chaos
        ? [
            {
              test: {
                name: 'chaos',
                root: 'chaos',
                include: ['**/*.test.ts'],
                testTimeout: 600_000,
                hookTimeout: 600_000,
                fileParallelism: false,
              },
            },
          ]
        : []),
    ],
  },
});
