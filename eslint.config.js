import js from '@eslint/js';
import globals from 'globals';
import tseslint from 'typescript-eslint';

export default tseslint.config(
  { ignores: ['**/node_modules/**', '**/dist/**', '.data/**', 'appPackage/build/**', 'test-results/**'] },
  js.configs.recommended,
  ...tseslint.configs.recommended,
  {
    languageOptions: { globals: { ...globals.node } },
    rules: {
      '@typescript-eslint/consistent-type-imports': 'error',
      '@typescript-eslint/no-unused-vars': ['error', { argsIgnorePattern: '^_', varsIgnorePattern: '^_' }],
      'no-console': ['error', { allow: ['warn', 'error'] }],
    },
  },
  {
    files: ['tab/src/**', 'addin/src/**'],
    languageOptions: { globals: { ...globals.browser } },
  },
  {
    // Command-line scripts talk to a person on stdout.
    files: ['scripts/**', 'emulator/src/cli/**', 'test/**'],
    rules: { 'no-console': 'off' },
  },
);
