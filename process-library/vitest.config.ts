import { defineConfig } from 'vitest/config';

// Until the root config lists this package as a project: `npx vitest run --root process-library`.
export default defineConfig({
  test: {
    name: 'process-library',
    include: ['**/*.test.ts'],
    exclude: ['**/node_modules/**', '**/dist/**'],
    testTimeout: 30_000,
    hookTimeout: 60_000,
  },
});
