import js from '@eslint/js';
import globals from 'globals';
import tseslint from 'typescript-eslint';

export default tseslint.config(
  { ignores: ['**/node_modules/**', '**/dist/**', '.data/**', '.scratch*/**', 'appPackage/build/**', 'test-results/**'] },
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
    files: ['tab/src/**', 'addin/src/**', 'web-shared/**'],
    languageOptions: { globals: { ...globals.browser } },
    rules: {
      // Forms say what is wrong at the field, in our words (the API's, or the form's own): never the browser's
      // "Please fill out this field." bubble, which differs by browser and language and hides below Teams' frame.
      'no-restricted-syntax': [
        'error',
        {
          selector: 'JSXOpeningElement[name.name="form"]:not(:has(JSXAttribute[name.name="noValidate"]))',
          message: 'Give every <form> noValidate: validation messages come from us, at the field (web-shared/field-errors.ts).',
        },
      ],
    },
  },
  {
    // Host SDK calls sit behind promise-returning functions in host/ (docs/architecture.md §9.5). Office is a global, so
    // dependency-cruiser cannot see it; this rule can.
    files: ['addin/src/**'],
    ignores: ['addin/src/host/outlook.ts'],
    rules: {
      'no-restricted-globals': ['error', { name: 'Office', message: 'Only addin/src/host/outlook.ts touches Office.*; call its functions.' }],
      'no-restricted-properties': ['error', { object: 'window', property: 'Office', message: 'Only addin/src/host/outlook.ts touches Office.*.' }],
    },
  },
  {
    // Command-line scripts talk to a person on stdout.
    files: ['scripts/**', 'emulator/src/cli/**', 'test/**'],
    rules: { 'no-console': 'off' },
  },
);
