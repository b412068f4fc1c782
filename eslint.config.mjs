// Lint: typescript-eslint's recommended rules, plus the layering rule that keeps the core free of
// VS Code and of node's file system (the core runs in the CLI, in tests, and behind ports).
import js from '@eslint/js';
import globals from 'globals';
import tseslint from 'typescript-eslint';

export default tseslint.config(
  { ignores: ['dist/**', 'out/**', 'node_modules/**', '.vscode-test/**', 'test-results/**', 'dist-vsix/**'] },
  js.configs.recommended,
  ...tseslint.configs.recommended,
  {
    files: ['**/*.ts'],
    rules: {
      '@typescript-eslint/no-unused-vars': ['error', { argsIgnorePattern: '^_', varsIgnorePattern: '^_' }],
    },
  },
  {
    files: ['src/core/**/*.ts'],
    rules: {
      'no-restricted-imports': [
        'error',
        {
          paths: [
            { name: 'vscode', message: 'src/core must not depend on VS Code: put the code in src/vscode or src/features.' },
            { name: 'fs', message: 'src/core must not touch the file system: take the data through a port.' },
            { name: 'node:fs', message: 'src/core must not touch the file system: take the data through a port.' },
            { name: 'fs/promises', message: 'src/core must not touch the file system: take the data through a port.' },
            { name: 'node:fs/promises', message: 'src/core must not touch the file system: take the data through a port.' },
          ],
          patterns: [{ group: ['**/vscode/**', '**/features/**'], message: 'src/core must not import the adapter or feature layers.' }],
        },
      ],
    },
  },
  {
    files: ['scripts/**/*.mjs', 'esbuild.config.mjs', 'test/**/*.mjs'],
    languageOptions: { globals: { ...globals.node } },
  },
  {
    // UI tests run some functions inside the workbench page.
    files: ['test/ui/**/*.mjs'],
    languageOptions: { globals: { ...globals.node, ...globals.browser } },
  },
  {
    files: ['**/*.cjs'],
    languageOptions: { sourceType: 'commonjs', globals: { ...globals.node } },
    rules: { '@typescript-eslint/no-require-imports': 'off' },
  },
);
