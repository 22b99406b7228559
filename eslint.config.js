// @ts-check
import js from '@eslint/js';
import tseslint from 'typescript-eslint';
import prettier from 'eslint-config-prettier';

const packages = [
  'platform',
  'engine',
  'forms',
  'connectors',
  'agencies',
  'server',
  'process-library',
  'web-shared',
  'portal',
];

export default tseslint.config(
  {
    // Vue single-file components are checked by vue-tsc and Prettier, not ESLint.
    ignores: ['**/node_modules/**', '**/dist/**', 'data/**', '.tmp/**', 'modeler/**', '**/*.vue'],
  },
  js.configs.recommended,
  ...tseslint.configs.recommendedTypeChecked,
  {
    languageOptions: {
      parserOptions: { projectService: true, tsconfigRootDir: import.meta.dirname },
    },
    rules: {
      '@typescript-eslint/no-floating-promises': 'error',
      '@typescript-eslint/consistent-type-imports': 'error',
      // Async wrappers around synchronous commands keep one calling convention; not a bug.
      '@typescript-eslint/require-await': 'off',
      '@typescript-eslint/no-unused-vars': ['error', { argsIgnorePattern: '^_' }],
      'no-restricted-imports': [
        'error',
        {
          patterns: [
            {
              // Another package is reached only through its public entry point (index.ts).
              group: packages.flatMap((p) => [`@balcao/${p}/src/**`, `**/${p}/src/**`]),
              message:
                'Import another package only through its entry point, e.g. "@balcao/engine".',
            },
          ],
        },
      ],
    },
  },
  {
    // Vitest's asymmetric matchers (expect.any, expect.stringMatching) are typed `any`.
    files: ['**/*.test.ts'],
    rules: { '@typescript-eslint/no-unsafe-assignment': 'off' },
  },
  {
    files: ['**/*.js', '**/*.cjs', '**/*.mjs'],
    extends: [tseslint.configs.disableTypeChecked],
    languageOptions: {
      globals: {
        module: 'writable',
        require: 'readonly',
        process: 'readonly',
        console: 'readonly',
      },
    },
  },
  prettier,
);
