/**
 * Entry of the `upi-inspector` CLI: `npm run --silent cli -- <command>` (tsx) or out/main/cli.js (built
 * as CommonJS by electron-vite). Plain Node, no `electron`; no top-level await, so it bundles as CJS.
 */
import { runCli } from './program';

// `upi-inspector logs … | head` closes the pipe early: that is the reader being done, not an error.
process.stdout.on('error', (e: NodeJS.ErrnoException) => {
  if (e.code === 'EPIPE') process.exit(process.exitCode ?? 0);
});

void runCli(process.argv.slice(2)).then((code) => {
  process.exitCode = code;
});
