// Lint for the whole repo, and the house's arrows: renderer/ and shared/ never import Electron or Node,
// and the main-side core never imports Electron. Breaking an arrow fails `npm test`.
import js from '@eslint/js';
import tseslint from 'typescript-eslint';
import globals from 'globals';
import reactHooks from 'eslint-plugin-react-hooks';

const NODE_BUILTINS = [
  'assert', 'buffer', 'child_process', 'cluster', 'crypto', 'dgram', 'dns', 'events', 'fs', 'fs/promises', 'http', 'http2',
  'https', 'net', 'os', 'path', 'perf_hooks', 'process', 'readline', 'stream', 'tls', 'url', 'util', 'v8', 'vm', 'worker_threads', 'zlib',
];

const noElectron = { name: 'electron', message: 'Only electron/main and electron/preload may import electron.' };
const nodeAndElectron = {
  paths: [noElectron, ...NODE_BUILTINS.map((name) => ({ name, message: 'renderer/ and shared/ run anywhere: no Node built-ins.' }))],
  patterns: [{ group: ['node:*'], message: 'renderer/ and shared/ run anywhere: no Node built-ins.' }],
};

export default tseslint.config(
  { ignores: ['out/**', 'dist/**', 'node_modules/**', 'test-results/**', 'playwright-report/**', 'e2e/artifacts/**'] },
  js.configs.recommended,
  ...tseslint.configs.recommended,
  {
    languageOptions: { globals: { ...globals.node } },
    rules: {
      '@typescript-eslint/no-unused-vars': ['error', { argsIgnorePattern: '^_', varsIgnorePattern: '^_' }],
      '@typescript-eslint/consistent-type-imports': ['error', { fixStyle: 'inline-type-imports' }],
    },
  },
  {
    files: ['**/*.cjs'],
    languageOptions: { sourceType: 'commonjs', globals: { ...globals.node } },
    rules: { '@typescript-eslint/no-require-imports': 'off' },
  },
  {
    files: ['renderer/**/*.{ts,tsx}'],
    languageOptions: { globals: { ...globals.browser } },
    plugins: { 'react-hooks': reactHooks },
    rules: { 'react-hooks/rules-of-hooks': 'error', 'react-hooks/exhaustive-deps': 'warn' },
  },
  {
    files: ['renderer/**/*.{ts,tsx}', 'shared/**/*.ts'],
    ignores: ['**/*.test.ts', '**/*.test.tsx'],
    rules: { 'no-restricted-imports': ['error', nodeAndElectron] },
  },
  {
    files: ['renderer/src/**/*.{ts,tsx}'],
    ignores: ['renderer/src/api.ts', '**/*.test.ts', '**/*.test.tsx'],
    rules: {
      // Components and stores reach the main side only through renderer/src/api.ts.
      'no-restricted-globals': ['error', { name: 'fetch', message: 'Call the main side through renderer/src/api.ts.' }],
      'no-restricted-properties': ['error', { object: 'window', property: 'inspector', message: 'Use renderer/src/api.ts.' }, { object: 'window', property: 'fetch', message: 'Use renderer/src/api.ts.' }],
    },
  },
  {
    files: ['electron/core/**/*.ts', 'electron/host/**/*.ts', 'electron/cli/**/*.ts'],
    ignores: ['**/*.test.ts'],
    rules: { 'no-restricted-imports': ['error', { paths: [noElectron] }] },
  },
);
