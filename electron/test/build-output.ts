/** The tests of the Electron door read the real build; make it once if a fresh clone has none. */
import { execFileSync } from 'node:child_process';
import { existsSync } from 'node:fs';
import { resolve } from 'node:path';

export const repoRoot = resolve(__dirname, '../..');
export const outDir = resolve(repoRoot, 'out');

export function ensureBuild(): void {
  const needed = ['main/index.js', 'preload/index.cjs', 'renderer/index.html'];
  if (needed.every((p) => existsSync(resolve(outDir, p)))) return;
  execFileSync(process.execPath, [resolve(repoRoot, 'node_modules/electron-vite/bin/electron-vite.js'), 'build', '-c', 'electron/electron.vite.config.ts', '--logLevel', 'error'], {
    cwd: repoRoot,
    stdio: 'inherit',
  });
}
