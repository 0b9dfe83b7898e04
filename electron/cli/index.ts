/**
 * Entry of the `upi-inspector` CLI: `npm run --silent cli -- <command>` (tsx) or out/main/cli.js (built
 * as CommonJS by electron-vite). Plain Node, no `electron`; no top-level await, so it bundles as CJS.
 */
import { runCli } from './program';

void runCli(process.argv.slice(2)).then((code) => {
  process.exitCode = code;
});
