/** Builds the hello-world baseline (vite.config.mts beside this file) into HELLO_DIR. */
import { execFileSync } from 'node:child_process';
import { join } from 'node:path';
import { HELLO_DIR, ROOT } from '../browser';

export function buildHello(): void {
  execFileSync(process.execPath, [join(ROOT, 'node_modules/vite/bin/vite.js'), 'build', '-c', join(ROOT, 'bench/hello/vite.config.mts'), '--outDir', HELLO_DIR, '--emptyOutDir'], { cwd: ROOT, stdio: ['ignore', 'ignore', 'inherit'] });
}
