import js from '@eslint/js';
import globals from 'globals';
import tseslint from 'typescript-eslint';

// House guards (docs/architecture.md §6, §8, §9.2). Each list is reused below because a later config block replaces
// a rule's options for the files it matches rather than adding to them.
const processEnv = {
  object: 'process',
  property: 'env',
  message:
    'Settings are read from the environment in one place (api/src/config.ts for the API, emulator/src/cli/ for the emulator; scripts/ and test/ are free): take them as a parameter.',
};
const envImport = {
  importNames: ['env'],
  message:
    'Settings are read from the environment in one place (api/src/config.ts, emulator/src/cli/): take them as a parameter.',
};
const graphOnly =
  'Only api/src/graph/ talks to Graph and Entra (it pages, retries and maps errors): call a port it implements.';
const graphSdk = { name: '@microsoft/microsoft-graph-client', message: graphOnly };
const noPipeToResponse = {
  selector: 'CallExpression[callee.property.name="pipe"][arguments.0.name=/^(res|response)$/]',
  message:
    'Send a stream with stream.pipeline(source, res) (node:stream/promises): .pipe() neither destroys the source when the client goes away nor reports the error.',
};

export default tseslint.config(
  {
    ignores: [
      '**/node_modules/**',
      '**/dist/**',
      '.data/**',
      '.scratch*/**',
      'appPackage/build/**',
      'test-results/**',
    ],
  },
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
    files: ['api/src/**', 'emulator/src/**', 'tab/src/**', 'addin/src/**', 'web-shared/**'],
    ignores: ['api/src/config.ts', 'emulator/src/cli/**'],
    rules: {
      'no-restricted-properties': ['error', processEnv],
      'no-restricted-imports': [
        'error',
        {
          paths: [
            { name: 'process', ...envImport },
            { name: 'node:process', ...envImport },
          ],
        },
      ],
    },
  },
  {
    files: ['api/src/**', 'tab/src/**', 'addin/src/**', 'web-shared/**'],
    ignores: ['api/src/graph/**', 'api/src/config.ts'],
    rules: {
      'no-restricted-imports': [
        'error',
        { paths: [graphSdk, { name: 'process', ...envImport }, { name: 'node:process', ...envImport }] },
      ],
    },
  },
  {
    files: ['api/src/**'],
    ignores: ['api/src/graph/**'],
    rules: {
      'no-restricted-globals': ['error', { name: 'fetch', message: graphOnly }],
      // api/src/config.ts lands here only: the next block adds process.env for every other file.
      'no-restricted-properties': ['error', { object: 'globalThis', property: 'fetch', message: graphOnly }],
    },
  },
  {
    files: ['api/src/**'],
    ignores: ['api/src/graph/**', 'api/src/config.ts'],
    rules: {
      'no-restricted-properties': [
        'error',
        processEnv,
        { object: 'globalThis', property: 'fetch', message: graphOnly },
      ],
    },
  },
  {
    files: ['api/src/**', 'emulator/src/**'],
    rules: { 'no-restricted-syntax': ['error', noPipeToResponse] },
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
          message:
            'Give every <form> noValidate: validation messages come from us, at the field (web-shared/field-errors.ts).',
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
      'no-restricted-globals': [
        'error',
        { name: 'Office', message: 'Only addin/src/host/outlook.ts touches Office.*; call its functions.' },
      ],
      'no-restricted-properties': [
        'error',
        { object: 'window', property: 'Office', message: 'Only addin/src/host/outlook.ts touches Office.*.' },
        processEnv,
      ],
    },
  },
  {
    // Command-line scripts talk to a person on stdout.
    files: ['scripts/**', 'emulator/src/cli/**', 'test/**'],
    rules: { 'no-console': 'off' },
  },
);
