/**
 * Entry of the `upi-inspector` CLI: `npm run --silent cli -- <command>` (tsx) or out/main/cli.js (built
 * as CommonJS by electron-vite). Plain Node, no `electron`; no top-level await, so it bundles as CJS.
 */

// `upi-inspector logs … | head` closes the pipe early: that is the reader being done, not an error.
process.stdout.on('error', (e: NodeJS.ErrnoException) => {
  if (e.code === 'EPIPE') process.exit(process.exitCode ?? 0);
});

const argv = process.argv.slice(2);
// Scripts call `sign` thousands of times: it starts with its own small program and none of the others' code.
const run = argv[0] === 'sign' ? import('./sign-cli').then((m) => m.runSignCli) : import('./program').then((m) => m.runCli);
void run.then((runCli) => runCli(argv)).then((code) => {
  process.exitCode = code;
});
