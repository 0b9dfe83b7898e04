import { resolve } from 'node:path';
import { defineConfig } from 'vitest/config';

const root = resolve(import.meta.dirname, '..');

export default defineConfig({
  root,
  test: {
    include: ['shared/**/*.test.ts', 'electron/**/*.test.ts', 'renderer/src/**/*.test.ts', 'renderer/src/**/*.test.tsx', 'bench/**/*.test.ts'],
    environment: 'node',
    // Any unmocked require('electron') would try to download the binary and throw; point it at nothing.
    env: { ELECTRON_OVERRIDE_DIST_PATH: resolve(root, 'node_modules/.no-electron-here') },
    testTimeout: 30_000,
    pool: 'forks',
  },
});
