// @ts-check
import js from '@eslint/js';
import tseslint from 'typescript-eslint';
import prettier from 'eslint-config-prettier';
import vue from 'eslint-plugin-vue';

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
    // The modeler's TypeScript is checked by vue-tsc; its components by the Vue rules below.
    ignores: ['**/node_modules/**', '**/dist/**', 'data/**', '.tmp/**', 'modeler/**/*.ts'],
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
  ...vue.configs['flat/recommended'],
  {
    // Single-file components: vue-eslint-parser for the template, typescript-eslint's parser
    // for <script lang="ts">, with the same type-aware rules as the rest of the code.
    files: ['**/*.vue'],
    languageOptions: {
      parserOptions: {
        parser: tseslint.parser,
        extraFileExtensions: ['.vue'],
        projectService: true,
        tsconfigRootDir: import.meta.dirname,
      },
    },
    rules: {
      // vue-tsc checks names and the types of imported components; typescript-eslint sees a
      // component imported from another .vue file as an unresolved type, so these would only
      // report that, not unsafe code.
      'no-undef': 'off',
      '@typescript-eslint/no-unsafe-assignment': 'off',
      '@typescript-eslint/no-unsafe-call': 'off',
      '@typescript-eslint/no-unsafe-member-access': 'off',
      '@typescript-eslint/no-unsafe-return': 'off',
      '@typescript-eslint/no-unsafe-argument': 'off',
      // Composables (useI18n, useLocale) hand out bound functions typed as methods.
      '@typescript-eslint/unbound-method': 'off',
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
