// Lint, including the boundaries of docs/ARCHITECTURE.md. Every folder is classed by where it runs
// and which folders it may import (eslint-plugin-boundaries): shared runs anywhere (no node:, no
// DOM, no native packages); main/core is plain Node (no electron, no host, app or ipc); the renderer
// reaches main only through its API client; only main/app and main/preload import electron. SQL is
// prepared only in query modules. tests/unit/foundation/boundaries.test.ts plants a violation of
// each rule and checks that lint fails on it.
import js from '@eslint/js';
import boundaries from 'eslint-plugin-boundaries';
import tseslint from 'typescript-eslint';

const electron = { name: 'electron', message: 'Only main/app and main/preload may import electron (the engine process is plain Node).' };
const nodePatterns = {
  group: ['node:*', 'fs', 'path', 'os', 'child_process', 'crypto', 'http', 'https', 'net', 'worker_threads', 'better-sqlite3'],
  message: 'shared/ runs anywhere: no Node modules here.',
};
// Packages with native code or Node-only internals: never in code that must run in a browser.
const nativePatterns = {
  group: ['sharp', '@napi-rs/*', 'better-sqlite3-multiple-ciphers', 'tesseract.js', 'tesseract.js-core', 'pdfkit', 'svg-to-pdfkit', 'heic-decode', '@kenjiuno/msgreader', 'mammoth'],
  message: 'shared/ and the renderer run anywhere: no native or Node-only packages here (they belong in main/core).',
};
const domGlobals = ['window', 'document', 'navigator', 'localStorage', 'sessionStorage', 'location', 'history', 'HTMLElement', 'Element', 'Node', 'Event', 'CustomEvent', 'requestAnimationFrame'].map((name) => ({
  name,
  message: 'No DOM here: this code runs outside a browser too.',
}));

// Where each folder runs, and so what it may import (main/preload is built on its own and only
// imports electron and shared/).
const elements = [
  { type: 'shared', pattern: 'shared/**', partialMatch: false },
  { type: 'core', pattern: 'main/core/**', partialMatch: false },
  { type: 'ipc', pattern: 'main/ipc/**', partialMatch: false },
  { type: 'engine', pattern: 'main/engine/**', partialMatch: false },
  { type: 'host', pattern: 'main/host/**', partialMatch: false },
  { type: 'cli', pattern: 'main/cli/**', partialMatch: false },
  { type: 'app', pattern: 'main/app/**', partialMatch: false },
  { type: 'preload', pattern: 'main/preload/**', partialMatch: false },
  { type: 'renderer', pattern: 'renderer/**', partialMatch: false },
];
const mayImport = {
  shared: ['shared'],
  core: ['core', 'shared'],
  ipc: ['ipc', 'core', 'shared'],
  engine: ['engine', 'ipc', 'core', 'shared'],
  host: ['host', 'engine', 'ipc', 'core', 'shared'],
  cli: ['cli', 'host', 'engine', 'ipc', 'core', 'shared'],
  app: ['app', 'host', 'engine', 'core', 'shared'],
  preload: ['preload', 'shared'],
  renderer: ['renderer', 'shared'],
};
const boundaryPolicies = Object.entries(mayImport).map(([from, to]) => ({
  from: { element: { type: from } },
  allow: { to: { element: { types: { anyOf: to } } } },
}));

// SQL lives in query modules (main/core/db/queries/<table>.ts, main/core/<feature>/queries.ts)
// and frozen migrations, and nowhere else: no file is exempt.
const queryModules = ['main/core/db/queries/**', 'main/core/*/queries.ts', 'main/core/db/migrations/**', 'main/core/db/migrate.ts'];

export default tseslint.config(
  { ignores: ['node_modules/**', 'out/**', 'dist/**', 'release/**', '**/*.d.ts', 'resources/**', '.scratch/**'] },
  js.configs.recommended,
  ...tseslint.configs.recommended,
  {
    languageOptions: { ecmaVersion: 2023, sourceType: 'module', globals: { process: 'readonly', console: 'readonly', URL: 'readonly', Buffer: 'readonly', setTimeout: 'readonly', clearTimeout: 'readonly', setInterval: 'readonly', clearInterval: 'readonly', fetch: 'readonly', TextDecoder: 'readonly', TextEncoder: 'readonly', structuredClone: 'readonly', AbortController: 'readonly', AbortSignal: 'readonly', performance: 'readonly', queueMicrotask: 'readonly' } },
    rules: {
      '@typescript-eslint/ban-ts-comment': 'error',
      '@typescript-eslint/no-unused-vars': ['error', { argsIgnorePattern: '^_', varsIgnorePattern: '^_', caughtErrors: 'none' }],
      'no-empty': ['error', { allowEmptyCatch: true }],
    },
  },
  {
    files: ['main/**/*.{ts,tsx,mjs}', 'shared/**/*.{ts,tsx}', 'renderer/**/*.{ts,tsx}'],
    plugins: { boundaries },
    settings: {
      'import/resolver': { node: { extensions: ['.ts', '.tsx', '.mjs', '.js'] } },
      'boundaries/elements': elements,
    },
    rules: { 'boundaries/dependencies': ['error', { default: 'disallow', policies: boundaryPolicies }] },
  },
  {
    files: ['main/core/**', 'main/cli/**', 'main/host/**', 'main/ipc/**', 'main/engine/**'],
    rules: { 'no-restricted-imports': ['error', { paths: [electron] }] },
  },
  {
    files: ['main/core/**'],
    rules: { 'no-restricted-globals': ['error', ...domGlobals] },
  },
  {
    files: ['main/**/*.{ts,tsx,mjs}'],
    ignores: queryModules,
    rules: {
      'no-restricted-syntax': [
        'error',
        { selector: "CallExpression[callee.property.name='prepare']", message: 'SQL belongs in a query module: main/core/<feature>/queries.ts or main/core/db/queries/<table>.ts.' },
      ],
    },
  },
  {
    files: ['shared/**'],
    rules: {
      'no-restricted-imports': ['error', { paths: [electron], patterns: [nodePatterns, nativePatterns, { group: ['**/main/**', '**/renderer/**'], message: 'shared/ depends on nothing else in the app.' }] }],
      'no-restricted-globals': ['error', ...domGlobals],
    },
  },
  {
    files: ['renderer/src/**'],
    languageOptions: { globals: { window: 'readonly', document: 'readonly', history: 'readonly', sessionStorage: 'readonly', localStorage: 'readonly', HTMLFormElement: 'readonly', FormData: 'readonly', Blob: 'readonly', File: 'readonly', navigator: 'readonly', requestAnimationFrame: 'readonly' } },
    rules: {
      'no-restricted-imports': ['error', { paths: [electron], patterns: [nodePatterns, nativePatterns, { group: ['**/main/**'], message: 'The renderer talks to main only through renderer/src/api/client.ts.' }] }],
    },
  },
);
