/**
 * `npm run serve` (and `npm start` where Electron cannot run): the browser host's entry point. Prints
 * one line with the URL to open, then serves until Ctrl-C (or SIGTERM), closing cleanly. Without
 * --port it listens on the last launch's port when that is free (see ./port-memory).
 */
import { resolve } from 'node:path';
import { existsSync } from 'node:fs';
import { version } from '../../package.json';
import { createCore } from '../core';
import { resolveDataDir } from '../core/vault/store';
import { applyAutomationEnv } from '../core/automation';
import { loadSeedFromEnv } from '../core/seed';
import { openHostVault } from './vault';
import { parseHostArgs } from './args';
import { listenRemembering } from './port-memory';
import { keptTheme } from '../core/settings/page-theme';

async function main(): Promise<void> {
  const args = parseHostArgs(process.argv.slice(2));
  if ('error' in args) {
    process.stderr.write(`${args.error}\n`);
    process.exit(2);
  }
  const rendererDir = resolve(args.rendererDir ?? resolve(__dirname, '../renderer'));
  if (!existsSync(resolve(rendererDir, 'index.html'))) {
    process.stderr.write(`No built renderer at ${rendererDir}: run "npm run build" first (npm run serve does it for you).\n`);
    process.exit(2);
  }
  applyAutomationEnv(process.env);
  const vault = await openHostVault(process.env);
  const dataDir = resolveDataDir(process.env);
  const core = createCore({ host: 'browser', version, vault, dataDir });
  await loadSeedFromEnv(process.env, { vault, dataDir, now: core.ctx.now }, (line) => process.stderr.write(`${line}\n`));
  const host = await listenRemembering(args.port, dataDir, {
    rendererDir,
    dispatch: (channel, input) => core.dispatch(channel as never, input),
    pageTheme: () => keptTheme(dataDir),
  });
  process.stdout.write(`UPI Inspector (browser host) at ${host.url}\n`);

  let closing = false;
  const stop = (signal: string) => {
    if (closing) return;
    closing = true;
    process.stdout.write(`\n${signal}: stopping the browser host.\n`);
    // The history is written shortly after each change; what is still pending is written now.
    void host
      .close()
      .then(() => core.close())
      .catch((e: unknown) => process.stderr.write(`The history could not be saved: ${e instanceof Error ? e.message : String(e)}\n`))
      .then(() => process.exit(0));
  };
  process.on('SIGINT', () => stop('SIGINT'));
  process.on('SIGTERM', () => stop('SIGTERM'));
}

main().catch((e: unknown) => {
  const message = e instanceof Error ? e.message : String(e);
  process.stderr.write(`The browser host could not start: ${message}\n`);
  process.exit(1);
});
