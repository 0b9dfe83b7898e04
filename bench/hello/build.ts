/** Builds the hello-world baseline (vite.config.mts beside this file) into out/bench-hello. */
import { execFileSync } from 'node:child_process';
import { join } from 'node:path';
import { ROOT } from '../browser';

export function buildHello(): void {
  execFileSync(process.execPath, [join(ROOT, 'node_modules/vite/bin/vite.js'), 'build', '-c', join(ROOT, 'bench/hello/vite.config.mts')], { cwd: ROOT, stdio: ['ignore', 'ignore', 'inherit'] });
}
