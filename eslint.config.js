// Lint, including the import boundaries of DESIGN.md: main/core and shared never import electron;
// shared imports no node: modules; the renderer reaches main only through its API client.
import js from '@eslint/js';
import tseslint from 'typescript-eslint';

const electron = { name: 'electron', message: 'Only main/app and main/preload may import electron (the engine process is plain Node).' };
const nodePatterns = {
  group: ['node:*', 'fs', 'path', 'os', 'child_process', 'crypto', 'http', 'https', 'net', 'worker_threads', 'better-sqlite3'],
  message: 'shared/ runs anywhere: no Node modules here.',
};

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
    files: ['main/core/**', 'main/cli/**', 'main/host/**', 'main/ipc/**', 'main/engine/**'],
    rules: { 'no-restricted-imports': ['error', { paths: [electron] }] },
  },
  {
    files: ['shared/**'],
    rules: { 'no-restricted-imports': ['error', { paths: [electron], patterns: [nodePatterns, { group: ['**/main/**', '**/renderer/**'], message: 'shared/ depends on nothing else in the app.' }] }] },
  },
  {
    files: ['renderer/src/**'],
    languageOptions: { globals: { window: 'readonly', document: 'readonly', history: 'readonly', sessionStorage: 'readonly', localStorage: 'readonly', HTMLFormElement: 'readonly', FormData: 'readonly', Blob: 'readonly', File: 'readonly', navigator: 'readonly', requestAnimationFrame: 'readonly' } },
    rules: {
      'no-restricted-imports': ['error', { paths: [electron], patterns: [nodePatterns, { group: ['**/main/**'], message: 'The renderer talks to main only through renderer/src/api/client.ts.' }] }],
    },
  },
);
