// @ts-check
import js from '@eslint/js';
import reactHooks from 'eslint-plugin-react-hooks';
import globals from 'globals';
import tseslint from 'typescript-eslint';

// Exact module names (regexes), so relative paths such as '../../electron/core' are not caught.
const noElectron = {
  regex: '^electron(/.*)?$',
  message: 'Only electron/main and electron/preload may import electron.',
};
const noNode = {
  regex: '^(node:.*|fs|path|os|crypto|child_process|http|https|net|url|util|stream|worker_threads)$',
  message: 'renderer/ and shared/ run in the browser: no Node imports.',
};
const noNativeDb = {
  regex: '^(better-sqlite3|kysely)$',
  message: 'The renderer reaches the database only through the contract.',
};

export default tseslint.config(
  {
    ignores: ['out/**', 'node_modules/**', '.electron-native/**', 'test-results/**', 'playwright-report/**'],
  },
  js.configs.recommended,
  ...tseslint.configs.strict,
  {
    languageOptions: { globals: { ...globals.node } },
    rules: {
      '@typescript-eslint/consistent-type-imports': ['error', { fixStyle: 'inline-type-imports' }],
      '@typescript-eslint/no-unused-vars': ['error', { argsIgnorePattern: '^_', varsIgnorePattern: '^_' }],
      '@typescript-eslint/no-explicit-any': 'error',
    },
  },
  {
    files: ['electron/core/**', 'electron/http/**', 'server/**', 'bench/**', 'scripts/**'],
    rules: { 'no-restricted-imports': ['error', { patterns: [noElectron] }] },
  },
  {
    files: ['shared/**'],
    rules: { 'no-restricted-imports': ['error', { patterns: [noElectron, noNode, noNativeDb] }] },
  },
  {
    files: ['renderer/**'],
    languageOptions: { globals: { ...globals.browser } },
    plugins: { 'react-hooks': reactHooks },
    rules: {
      ...reactHooks.configs.recommended.rules,
      'no-restricted-imports': ['error', { patterns: [noElectron, noNode, noNativeDb] }],
    },
  },
);
