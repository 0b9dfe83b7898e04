/**
 * The project's own specs on the kit (e2e/kit, the same one outside QA suites use): project `web`
 * starts a fresh browser host per test with launchInspector (its own data dir, so vaults never leak
 * between tests) and opens it in Chromium; project `electron` launches the built app with
 * launchInspectorElectron. Either way a spec gets the window once `<html data-app-state="ready">`.
 */
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { test as base, type Page } from '@playwright/test';
import type { ChildProcess } from 'node:child_process';
import { DEFAULT_PASSPHRASE, launchInspector, launchInspectorElectron, UpiInspector } from './kit';

export type HostKindOption = 'web' | 'electron';
export const E2E_PASSPHRASE = DEFAULT_PASSPHRASE;

export interface FixtureOptions {
  hostKind: HostKindOption;
  electronPath: string | undefined;
}

export interface BrowserHost {
  url: string;
  origin: string;
  token: string;
  dataDir: string;
  output: () => string;
}

interface Fixtures {
  /** The app's window, whichever door serves it, ready for input. */
  app: Page;
  /** The running browser host (project `web` only). */
  host: BrowserHost;
  /** Extra environment for the host (e.g. no passphrase, to see the vault locked); undefined unsets. */
  hostEnv: Record<string, string | undefined>;
}

/** Starts the browser host on `dataDir` (a fresh folder when absent): the same folder again is a restart. */
export async function startBrowserHost(
  env: Record<string, string | undefined>,
  dataDir: string = mkdtempSync(join(tmpdir(), 'upi-inspector-e2e-')),
): Promise<{ host: BrowserHost; child: ChildProcess }> {
  const launched = await launchInspector({ home: dataDir, env });
  return {
    host: { url: launched.url, origin: launched.origin, token: launched.token, dataDir: launched.home, output: launched.output },
    child: launched.process,
  };
}

/** Stops a browser host the way Ctrl-C does (it writes what is pending first) and waits for it to exit. */
export async function stopBrowserHost(child: ChildProcess): Promise<void> {
  if (child.exitCode !== null) return;
  const exited = new Promise((done) => child.once('exit', done));
  child.kill('SIGINT');
  await exited;
}

export const test = base.extend<Fixtures & FixtureOptions>({
  hostKind: ['web', { option: true }],
  electronPath: [undefined, { option: true }],
  hostEnv: [{}, { option: true }],

  host: async ({ hostKind, hostEnv }, use, testInfo) => {
    testInfo.skip(hostKind !== 'web', 'the browser host is only started for project web');
    const { host, child } = await startBrowserHost(hostEnv);
    await use(host);
    await stopBrowserHost(child);
    rmSync(host.dataDir, { recursive: true, force: true });
  },

  app: async ({ hostKind, hostEnv, page }, use) => {
    if (hostKind === 'electron') {
      const electron = await launchInspectorElectron({ env: hostEnv });
      await new UpiInspector(electron.window).ready();
      await use(electron.window);
      await electron.close();
      return;
    }
    const inspector = await launchInspector({ env: hostEnv });
    await new UpiInspector(page).open(inspector.url);
    await use(page);
    await inspector.close();
  },
});

export const expect = test.expect;
