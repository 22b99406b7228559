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
];

export default defineConfig({
  test: {
    projects: parts.map((name) => ({
      test: {
        name,
        root: name,
        include: ['**/*.test.ts'],
        exclude: ['**/node_modules/**', '**/dist/**'],
        testTimeout: 30_000,
        hookTimeout: 60_000,
      },
    })),
  },
});
